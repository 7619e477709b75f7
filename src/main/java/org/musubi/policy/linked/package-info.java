/**
 * The list of a facility's linked patients (連携患者一覧): who the requester's facility is linked to now, decided and
 * audited once as a listing ({@code ListLinkedPatients}).
 */
@NamedInterface("linked")
package org.musubi.policy.linked;

import org.springframework.modulith.NamedInterface;

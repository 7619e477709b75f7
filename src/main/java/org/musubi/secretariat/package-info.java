/**
 * Running the network (issue 45): the secretariat's (事務局) work — participation applications and their queue
 * ({@code secretariat.application}), the network's statistics for its board and the prefecture
 * ({@code secretariat.stats}), participation fees and invoices ({@code secretariat.fees}), and the help desk for staff
 * with its published FAQ ({@code secretariat.helpdesk}). Nothing here reads a patient's record: the figures come from
 * the registry, consent, identity and the audit trail; a help-desk question names a patient only through a
 * policy-checked reference.
 */
package org.musubi.secretariat;

/**
 * An allergy's statuses, read from a stored one's JSON or held in HAPI's model ({@link
 * org.musubi.record.fhir.allergy.AllergyStatus}). A named interface beside {@code record.fhir}.
 */
@NamedInterface("allergy")
package org.musubi.record.fhir.allergy;

import org.springframework.modulith.NamedInterface;

/**
 * An allergy's status held in HAPI's model ({@link org.musubi.record.fhir.allergy.AllergyStatus}); a stored one's JSON
 * is read by {@code record.fhir.FhirJson.allergyHolds}. A named interface beside {@code record.fhir}.
 */
@NamedInterface("allergy")
package org.musubi.record.fhir.allergy;

import org.springframework.modulith.NamedInterface;

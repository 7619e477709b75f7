/**
 * What a reference in a stored resource's JSON points to ({@link org.musubi.record.fhir.reference.FhirReference}). A
 * named interface beside {@code record.fhir}.
 */
@NamedInterface("reference")
package org.musubi.record.fhir.reference;

import org.springframework.modulith.NamedInterface;

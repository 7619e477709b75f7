/**
 * FHIR R4 specifics of the record store: which resource types Musubi stores ({@link
 * org.musubi.record.fhir.ResourceKind}: data category, code/category/status/date paths, patient
 * reference) and the extraction of the search index ({@link org.musubi.record.fhir.FhirIndexer}).
 * A named interface, so that the FHIR API and the import adapters index resources the same way.
 */
@NamedInterface("fhir")
package org.musubi.record.fhir;

import org.springframework.modulith.NamedInterface;

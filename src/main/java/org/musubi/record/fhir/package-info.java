/**
 * FHIR R4 specifics of the record store: which resource types Musubi stores ({@link
 * org.musubi.record.fhir.ResourceKind}: data category, code/category/status/date paths, patient
 * reference), the extraction of the search index ({@link org.musubi.record.fhir.FhirIndexer}), the
 * vocabulary the modules share ({@link org.musubi.record.fhir.FhirSystems}: code systems, identifier
 * systems, profiles, extensions, Musubi's own URNs) and the reading of stored JSON ({@link
 * org.musubi.record.fhir.FhirJson}). A named interface, so that the FHIR API, the import adapters and
 * the viewer index, name and read resources the same way.
 */
@NamedInterface("fhir")
package org.musubi.record.fhir;

import org.springframework.modulith.NamedInterface;

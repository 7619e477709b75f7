/**
 * FHIR R4 specifics of the record store: which resource types Musubi stores ({@link
 * org.musubi.record.fhir.ResourceKind}: data category, code/category/status/date paths, patient
 * reference), the extraction of the search index ({@link org.musubi.record.fhir.FhirIndexer}), the
 * vocabulary the modules share ({@link org.musubi.record.fhir.FhirSystems}: code systems, identifier
 * systems, profiles, extensions, Musubi's own URNs; {@link org.musubi.record.fhir.Loinc}: the LOINC codes and the
 * 特定健診 item → LOINC table) and the reading of stored JSON ({@link org.musubi.record.fhir.FhirJson}; an
 * Observation's value and flag in {@code record.fhir.observation}). A named interface, so that the FHIR API, the import adapters and
 * the viewer index, name and read resources the same way.
 */
@NamedInterface("fhir")
package org.musubi.record.fhir;

import org.springframework.modulith.NamedInterface;

package org.musubi.ingest.results;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * A specimen as sent: its key within the record (e.g. the SPM's number in the message), the sender's
 * specimen ID (may be empty), its type (e.g. JLAC10 material {@code 023 血清}; may be null) and when it was
 * collected (may be null).
 */
public record SpecimenInfo(String key, String id, CodeableConcept type, DateTimeType collected) {
}

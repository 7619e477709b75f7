package org.musubi.ingest.results;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Type;

/**
 * One result (an OBX, a CSV row) ready for FHIR.
 *
 * @param key            the result's key within its report: code and sub-ID, e.g. {@code 3A015000002327101} or
 *                       {@code 6B010000001774214/2}; made unique within the report by {@link LabResources}
 * @param code           what was measured (JLAC10 and/or local codes; text set)
 * @param value          Quantity, StringType, CodeableConcept or DateTimeType; null when none was sent
 * @param range          the reference range (text as sent, low/high when readable); may be null
 * @param interpretation abnormal flag as v3 ObservationInterpretation; may be null
 * @param effective      when (collection time, else observation time); may be null
 * @param notes          comments (NTE, CSV comment, the unit a text value was sent with)
 * @param subId          HL7 OBX-4 as sent (which organism a quantity or susceptibility belongs to); empty when none
 */
public record LabResult(String key, CodeableConcept code, Type value, ObservationReferenceRangeComponent range,
                        CodeableConcept interpretation, ObservationStatus status, DateTimeType effective,
                        List<String> notes, String subId) {

    public LabResult {
        notes = List.copyOf(notes);
        subId = subId == null ? "" : subId;
    }

    /** This result with one more note. */
    public LabResult withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new LabResult(key, code, value, range, interpretation, status, effective, more, subId);
    }
}

package org.musubi.ingest.results;

import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.record.fhir.observation.ObservationFlag;

/**
 * Abnormal flags (HL7 v2 table 0078: OBX-8, a CSV column) as v3 ObservationInterpretation, which keeps
 * v2's codes (H, L, HH, LL, N, A, AA …; the table and its displays are {@link ObservationFlag}'s). A flag outside
 * the table is kept as text only.
 */
public final class Interpretations {

    /** The code system of what it writes: {@link ObservationFlag#SYSTEM}. */
    public static final String SYSTEM = ObservationFlag.SYSTEM;

    private Interpretations() {
    }

    /** Null for an empty flag. */
    public static CodeableConcept of(String flag) {
        if (flag == null || flag.isBlank()) {
            return null;
        }
        String sent = flag.strip();
        String code = sent.toUpperCase(Locale.ROOT);
        CodeableConcept concept = new CodeableConcept().setText(sent);
        String display = ObservationFlag.display(code);
        if (display != null) {
            concept.addCoding(new Coding(ObservationFlag.SYSTEM, code, display));
        }
        return concept;
    }
}

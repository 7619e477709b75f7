package org.musubi.ingest.results;

import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Abnormal flags (HL7 v2 table 0078: OBX-8, a CSV column) as v3 ObservationInterpretation, which keeps
 * v2's codes (H, L, HH, LL, N, A, AA …). A flag outside the table is kept as text only.
 */
public final class Interpretations {

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private static final Map<String, String> DISPLAYS = Map.ofEntries(
            Map.entry("L", "Low"), Map.entry("H", "High"), Map.entry("LL", "Critical low"),
            Map.entry("HH", "Critical high"), Map.entry("N", "Normal"), Map.entry("A", "Abnormal"),
            Map.entry("AA", "Critical abnormal"), Map.entry("<", "Off scale low"), Map.entry(">", "Off scale high"),
            Map.entry("U", "Significant change up"), Map.entry("D", "Significant change down"),
            Map.entry("B", "Better"), Map.entry("W", "Worse"), Map.entry("S", "Susceptible"),
            Map.entry("R", "Resistant"), Map.entry("I", "Intermediate"), Map.entry("MS", "moderately susceptible"),
            Map.entry("VS", "very susceptible"), Map.entry("POS", "Positive"), Map.entry("NEG", "Negative"),
            Map.entry("IND", "Indeterminate"), Map.entry("DET", "Detected"), Map.entry("ND", "Not detected"),
            Map.entry("HU", "Significantly high"), Map.entry("LU", "Significantly low"),
            Map.entry("NR", "Non-reactive"), Map.entry("RR", "Reactive"));

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
        String display = DISPLAYS.get(code);
        if (display != null) {
            concept.addCoding(new Coding(SYSTEM, code, display));
        }
        return concept;
    }
}

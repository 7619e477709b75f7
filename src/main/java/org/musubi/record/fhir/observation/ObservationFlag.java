package org.musubi.record.fhir.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.musubi.record.fhir.FhirJson;
import tools.jackson.databind.JsonNode;

/**
 * Whether a result lies outside its reference range: as the reporting facility said ({@code Observation.interpretation},
 * HL7's ObservationInterpretation codes, which keep v2 table 0078's) or, when it said nothing this knows, as the first
 * reference range shows against the value ({@link ReferenceLimits#flag}). {@link #NONE}: within range (or said normal), or nothing to judge by. The one
 * owner of the interpretation codes: what each means when read (this enum), and their displays when written
 * ({@link #display(String)}, for the importers); {@code FhirVocabularyTest} fails when a second table appears.
 */
public enum ObservationFlag {
    NONE(""),
    HIGH("H"),
    LOW("L"),
    CRITICAL_HIGH("HH"),
    CRITICAL_LOW("LL"),
    ABNORMAL("A"),
    CRITICAL("AA");

    /** HL7 v3 ObservationInterpretation, the code system of every interpretation Musubi writes. */
    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** Every interpretation code Musubi writes, with its display (v2 table 0078's codes, as v3 keeps them). */
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

    /** Interpretation code (upper case) → the flag it means; a code not here leaves the flag to the range. */
    private static final Map<String, ObservationFlag> MEANINGS = Map.ofEntries(
            Map.entry("N", NONE),
            Map.entry("H", HIGH), Map.entry("HU", HIGH), Map.entry("HX", HIGH), Map.entry(">", HIGH),
            Map.entry("L", LOW), Map.entry("LU", LOW), Map.entry("LX", LOW), Map.entry("<", LOW),
            Map.entry("HH", CRITICAL_HIGH), Map.entry("LL", CRITICAL_LOW),
            Map.entry("A", ABNORMAL), Map.entry("AA", CRITICAL));

    private final String mark;

    ObservationFlag(String mark) {
        this.mark = mark;
    }

    /** The short mark shown beside a value: H, L, HH, LL, A, AA, or nothing. */
    public String mark() {
        return mark;
    }

    public boolean raised() {
        return this != NONE;
    }

    /** Above the range: high or critically high. */
    public boolean high() {
        return this == HIGH || this == CRITICAL_HIGH;
    }

    /** Below the range: low or critically low. */
    public boolean low() {
        return this == LOW || this == CRITICAL_LOW;
    }

    /** The flag of an Observation whose value is already read: as reported, else by its first reference range. */
    public static ObservationFlag of(JsonNode observation, ObservationValue value) {
        return of(observation, value, ReferenceLimits.of(observation));
    }

    /** The flag of an Observation whose value and reference range are already read. */
    public static ObservationFlag of(JsonNode observation, ObservationValue value, ReferenceLimits limits) {
        return reported(observation).orElseGet(() -> value.quantity() == null ? NONE
                : limits.flag(value.quantity().number(), value.quantity().comparator()));
    }

    /** The flag of an Observation: as reported, else by its first reference range. */
    public static ObservationFlag of(JsonNode observation) {
        return of(observation, ObservationValue.of(observation));
    }

    /** The flag the reporting facility gave: of the first code of its interpretations this knows; empty when none. */
    public static Optional<ObservationFlag> reported(JsonNode observation) {
        List<String> codes = new ArrayList<>();
        for (JsonNode concept : observation.path("interpretation")) {
            for (JsonNode coding : concept.path("coding")) {
                codes.add(FhirJson.text(coding.path("code")));
            }
        }
        return ofCodes(codes);
    }

    /**
     * The flag of the first interpretation code it knows (any case, blanks around ignored); empty when none is known
     * (then the reference range decides). {@code N} (normal) is known: the facility said the value is normal.
     */
    public static Optional<ObservationFlag> ofCodes(List<String> codes) {
        for (String code : codes) {
            ObservationFlag flag = code == null ? null : MEANINGS.get(code.strip().toUpperCase(Locale.ROOT));
            if (flag != null) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** The display of an interpretation code (upper case) Musubi writes; null for a code outside HL7's table. */
    public static String display(String code) {
        return code == null ? null : DISPLAYS.get(code);
    }
}

package org.musubi.portal.labs;

import java.util.List;

/**
 * Whether a result lies outside its reference range, as the reporting facility said (FHIR
 * {@code Observation.interpretation}, HL7 v3 ObservationInterpretation codes) or as its reference
 * range shows. {@link #NONE}: within range, or nothing to judge by.
 */
public enum Flag {
    NONE(""),
    HIGH("H"),
    LOW("L"),
    CRITICAL_HIGH("HH"),
    CRITICAL_LOW("LL"),
    ABNORMAL("A"),
    CRITICAL("AA");

    private final String mark;

    Flag(String mark) {
        this.mark = mark;
    }

    /** The short mark shown beside a value: H, L, HH, LL, A, AA, or nothing. */
    public String mark() {
        return mark;
    }

    public boolean raised() {
        return this != NONE;
    }

    /**
     * The flag of the first interpretation code it knows; {@code null} when none is known (then the
     * reference range decides). {@code N} (normal) is known: the facility said the value is normal.
     */
    static Flag ofInterpretation(List<String> codes) {
        for (String code : codes) {
            Flag flag = switch (code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "N" -> NONE;
                case "H", "HU", "HX", ">" -> HIGH;
                case "L", "LU", "LX", "<" -> LOW;
                case "HH" -> CRITICAL_HIGH;
                case "LL" -> CRITICAL_LOW;
                case "A" -> ABNORMAL;
                case "AA" -> CRITICAL;
                default -> null;
            };
            if (flag != null) {
                return flag;
            }
        }
        return null;
    }
}

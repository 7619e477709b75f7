package org.musubi.phr.checkups;

import java.math.BigDecimal;
import java.util.List;

/**
 * A result outside its reference range, as residents see it (labelled {@code phr.checkups.flag.<code>}): high or
 * low. The centre's own interpretation (HL7's H, HH, HU, {@code >}; L, LL, LU, {@code <}) wins; without one, the value is
 * compared with the range's bounds.
 */
public enum ResultFlag {
    HIGH("high"), LOW("low");

    private final String code;

    ResultFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The flag of a result: from its interpretation codes, else its value against the bounds (any may be null). */
    static ResultFlag of(List<String> interpretations, BigDecimal value, BigDecimal low, BigDecimal high) {
        for (String code : interpretations) {
            switch (code) {
                case "H", "HH", "HU", ">" -> {
                    return HIGH;
                }
                case "L", "LL", "LU", "<" -> {
                    return LOW;
                }
                default -> { }
            }
        }
        if (value == null) {
            return null;
        }
        if (high != null && value.compareTo(high) > 0) {
            return HIGH;
        }
        if (low != null && value.compareTo(low) < 0) {
            return LOW;
        }
        return null;
    }
}

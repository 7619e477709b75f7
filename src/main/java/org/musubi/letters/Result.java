package org.musubi.letters;

import java.time.Instant;

/**
 * A finding or test result quoted in the letter.
 *
 * @param item      what was measured (name and codes: JLAC10, LOINC)
 * @param value     the value as shown ({@code 7.2}), or {@code null}
 * @param unit      the unit, or {@code null}
 * @param at        when, or {@code null}
 * @param recordRef the stored Observation ({@code Observation/55}), or {@code null}
 */
public record Result(Coded item, String value, String unit, Instant at, String recordRef) {

    public Result {
        if (item == null) {
            throw new IllegalArgumentException("result.item is required");
        }
    }
}

package org.musubi.record.fhir.observation;

import java.math.BigDecimal;

/**
 * The values a body can measure of a vital sign ({@link VitalSign#range()}).
 *
 * @param min the lowest value a body can measure; null for BMI, which is computed
 * @param max the highest value a body can measure; null for BMI
 */
public record VitalRange(BigDecimal min, BigDecimal max) {

    /** Whether a body can measure this value (BMI is computed, never entered: always false). */
    public boolean plausible(BigDecimal value) {
        return value != null && min != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }
}

package org.musubi.phr.vitals;

import java.math.BigDecimal;

/**
 * How a measure's value is entered ({@link Vital#scale()}).
 *
 * @param decimals how many decimals it takes
 * @param min      the lowest possible value; {@code null} for BMI, which is computed
 * @param max      the highest possible value; {@code null} for BMI
 */
public record VitalScale(int decimals, BigDecimal min, BigDecimal max) {
}

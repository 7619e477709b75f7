package org.musubi.record.fhir.observation;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * The lower and upper bound of an Observation's first reference range, and whether a value lies outside it.
 *
 * @param low  the lower bound; null when none
 * @param high the upper bound; null when none
 */
public record ReferenceLimits(BigDecimal low, BigDecimal high) {

    /** The bounds of an Observation's first reference range (read from a tree that keeps decimals as written). */
    public static ReferenceLimits of(JsonNode observation) {
        JsonNode range = observation.path("referenceRange").path(0);
        return new ReferenceLimits(decimal(range.path("low").path("value")), decimal(range.path("high").path("value")));
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    /**
     * Out of range by the reference range, when the bound and the comparator make it certain: {@code <0.3} against an
     * upper bound of 0.3 is not high, {@code >400} against an upper bound of 139 is.
     */
    public ObservationFlag flag(BigDecimal number, String comparator) {
        if (number == null) {
            return ObservationFlag.NONE;
        }
        boolean below = comparator == null || comparator.startsWith("<");
        boolean above = comparator == null || comparator.startsWith(">");
        if (high != null && above && (number.compareTo(high) > 0 || ">".equals(comparator) && number.compareTo(high) == 0)) {
            return ObservationFlag.HIGH;
        }
        if (low != null && below && (number.compareTo(low) < 0 || "<".equals(comparator) && number.compareTo(low) == 0)) {
            return ObservationFlag.LOW;
        }
        return ObservationFlag.NONE;
    }
}

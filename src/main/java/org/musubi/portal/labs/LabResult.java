package org.musubi.portal.labs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * One lab result as the portal shows it, read from one Observation.
 *
 * @param analyte the grouping key: the JLAC10 analyte code (the code's first 5 characters), or
 *     {@code system|code} for a code that is not JLAC10
 * @param label the result's name as the facility sent it
 * @param unit the unit as sent; empty for a value without one
 * @param day the day taken, in Japan
 * @param when the instant taken, for ordering within a day
 * @param value the value as shown: number with its comparator ({@code <0.5}), or text
 * @param number the numeric value, {@code null} for text; with a comparator it is the bound
 * @param comparator {@code <}, {@code <=}, {@code >=}, {@code >}, or {@code null}
 * @param low the reference range's low, or {@code null}
 * @param high the reference range's high, or {@code null}
 * @param range the reference range as shown ({@code 4.6–6.2}, or the facility's text), or empty
 * @param marks the JP-CLINS flags of the stored Observation (未告知 …), which the table marks beside the value
 */
public record LabResult(String id, String analyte, String label, String unit, LocalDate day, Instant when,
                        String value, BigDecimal number, String comparator, Flag flag, BigDecimal low,
                        BigDecimal high, String range, long facilityId, List<DataCategory> marks) {

    public LabResult {
        marks = List.copyOf(marks);
    }

    /** A result without marks. */
    public LabResult(String id, String analyte, String label, String unit, LocalDate day, Instant when, String value,
                     BigDecimal number, String comparator, Flag flag, BigDecimal low, BigDecimal high, String range,
                     long facilityId) {
        this(id, analyte, label, unit, day, when, value, number, comparator, flag, low, high, range, facilityId,
                List.of());
    }

    /** This result marked with the JP-CLINS flags among {@code held} (what its stored Observation holds). */
    public LabResult marked(Set<DataCategory> held) {
        return new LabResult(id, analyte, label, unit, day, when, value, number, comparator, flag, low, high, range,
                facilityId, DataCategory.flagsIn(held));
    }

    /** Whether the value can be drawn on a trend line: a number without a comparator. */
    public boolean plotted() {
        return number != null && comparator == null;
    }
}

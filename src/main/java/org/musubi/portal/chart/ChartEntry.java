package org.musubi.portal.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One thing the network knows about a patient, as the viewer shows it: when, what, from which
 * facility, and the lines its details show on click. {@code resourceId} names the stored resource
 * (for a lab panel, the first of its results). A {@code null} title: the kind names it.
 *
 * @param at       when it happened; {@code null} when the source gave no date
 * @param active   for diagnoses and allergies: still current
 * @param document for a document: whether the viewer can open it
 */
public record ChartEntry(TimelineKind kind, Instant at, String title, List<Detail> details, long facilityId,
                         String resourceType, String resourceId, boolean active, boolean document) {

    /** Dates are days in Japan. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public ChartEntry {
        details = List.copyOf(details);
    }

    public LocalDate day() {
        return at == null ? null : at.atZone(JAPAN).toLocalDate();
    }

    /**
     * One line of detail: a label's message key (or {@code null} for free text) and the value, or the
     * message key of a value the viewer translates. A {@code flag} (H, L, A …) marks a lab value
     * outside its reference range.
     */
    public record Detail(String labelKey, String value, String valueKey, String flag) {

        public static Detail of(String labelKey, String value) {
            return new Detail(labelKey, value, null, null);
        }

        public static Detail coded(String labelKey, String valueKey) {
            return new Detail(labelKey, null, valueKey, null);
        }
    }
}

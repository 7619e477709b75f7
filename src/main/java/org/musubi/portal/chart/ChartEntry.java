package org.musubi.portal.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * One thing the network knows about a patient, as the viewer shows it: when, what, from which
 * facility, and the lines its details show on click. {@code resourceId} names the stored resource
 * (for a lab panel, the first of its results). A {@code null} title: the kind names it.
 *
 * @param title    what it is (for lab results: the tests and their values, the first few of a panel)
 * @param more     for a lab panel: the results beyond those its title names
 * @param titleKey the message key of a coded title (an encounter's class), {@code title} then being the code
 * @param at       when it happened; {@code null} when the source gave no date
 * @param active   for diagnoses and allergies: still current
 * @param document for a document: whether the viewer can open it
 * @param marks    the message keys of the JP-CLINS flags the clinician must see on it (未告知: do not tell the
 *                 patient by accident; 未提供: not shared beyond the facility), in {@link DataCategory#FLAGS} order
 */
public record ChartEntry(TimelineKind kind, Instant at, String title, List<Detail> details, long facilityId,
                         String resourceType, String resourceId, boolean active, boolean document, int more,
                         String titleKey, List<String> marks) {

    /** Dates are days in Japan. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public ChartEntry {
        details = List.copyOf(details);
        marks = List.copyOf(marks);
    }

    public ChartEntry(TimelineKind kind, Instant at, String title, List<Detail> details, long facilityId,
                      String resourceType, String resourceId, boolean active, boolean document) {
        this(kind, at, title, details, facilityId, resourceType, resourceId, active, document, 0, null, List.of());
    }

    /** This entry titled by the label of a code ({@code titleKey}), its title then being the code itself. */
    ChartEntry titled(String key) {
        return new ChartEntry(kind, at, title, details, facilityId, resourceType, resourceId, active, document, more, key,
                marks);
    }

    /** This entry marked with the JP-CLINS flags among {@code held} (what its stored resource holds). */
    ChartEntry flagged(Set<DataCategory> held) {
        List<String> found = DataCategory.flagsIn(held).stream().map(f -> "chart.mark." + f.name()).toList();
        return found.isEmpty() ? this : new ChartEntry(kind, at, title, details, facilityId, resourceType, resourceId,
                active, document, more, titleKey, found);
    }

    /** This entry with these marks' message keys instead of its own (a diagnosis's: {@code problem.mark.*}). */
    ChartEntry marked(List<String> keys) {
        return new ChartEntry(kind, at, title, details, facilityId, resourceType, resourceId, active, document, more,
                titleKey, keys);
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

        /** The prefix of the code tables' message keys ({@code code.<set>.<code>}). */
        static final String CODES = "code.";

        public static Detail of(String labelKey, String value) {
            return new Detail(labelKey, value, null, null);
        }

        public static Detail coded(String labelKey, String valueKey) {
            return new Detail(labelKey, null, valueKey, null);
        }

        /** A code from the code table {@code set}, shown by its label (or as itself, marked unknown). */
        public static Detail code(String labelKey, String set, String code) {
            return new Detail(labelKey, code, CODES + set + "." + code, null);
        }
    }
}

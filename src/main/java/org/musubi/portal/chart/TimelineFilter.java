package org.musubi.portal.chart;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the viewer asked to see: entries from these facilities (none: all), of these kinds (none:
 * all), on days from {@code from} to {@code to} inclusive (either open), and which page.
 */
public record TimelineFilter(Set<Long> facilities, Set<TimelineKind> kinds, LocalDate from, LocalDate to, int page) {

    public static final TimelineFilter ALL = new TimelineFilter(Set.of(), Set.of(), null, null, 0);

    public TimelineFilter {
        facilities = facilities == null ? Set.of() : Set.copyOf(facilities);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        page = Math.max(0, page);
    }

    boolean accepts(ChartEntry entry) {
        return accepts(entry.facilityId(), Set.of(entry.kind()), entry.day());
    }

    /** Whether an entry from this facility, of any of these kinds, on this day ({@code null}: undated) is shown. */
    boolean accepts(long facilityId, Set<TimelineKind> possibleKinds, LocalDate day) {
        if (!facilities.isEmpty() && !facilities.contains(facilityId)) {
            return false;
        }
        if (!kinds.isEmpty() && possibleKinds.stream().noneMatch(kinds::contains)) {
            return false;
        }
        if (from != null && (day == null || day.isBefore(from))) {
            return false;
        }
        return to == null || (day != null && !day.isAfter(to));
    }

    public boolean filtered() {
        return !facilities.isEmpty() || !kinds.isEmpty() || from != null || to != null;
    }
}

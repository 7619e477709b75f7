package org.musubi.portal.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.musubi.portal.chart.ChartEntry.Detail;

/**
 * The integrated timeline: entries from every facility, newest first, grouped by day, a page at a
 * time. A day's lab results from one facility are one entry (a panel) listing each value, titled with the first few.
 *
 * @param facilities the facilities that sent entries, with how many (for the filter)
 * @param kinds      how many entries of each kind (for the filter)
 */
public record Timeline(List<Day> days, Map<Long, Integer> facilities, Map<TimelineKind, Integer> kinds, int page,
                       boolean hasMore, int shown, int matching) {

    /** Entries on one page, whole days only (a day longer than this is still one page). */
    static final int PAGE_SIZE = 150;
    /** A lab panel's title names its first results with their values, then says how many more there are. */
    static final int TITLED_RESULTS = 3;

    public record Day(LocalDate day, List<ChartEntry> entries) {
    }

    /**
     * The page {@code page} chose, from the entries of its resources: those the filter accepts (now
     * that the content settles each entry's kind), lab results merged into panels, grouped by day.
     */
    static Timeline of(List<ChartEntry> pageEntries, TimelineFilter filter, TimelinePage page) {
        List<ChartEntry> shown = labPanels(pageEntries).stream().filter(filter::accepts)
                .sorted(Comparator.comparing(ChartEntry::at, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(e -> e.kind().ordinal()))
                .toList();
        Map<LocalDate, List<ChartEntry>> byDay = new LinkedHashMap<>();
        shown.forEach(e -> byDay.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e));
        List<Day> days = byDay.entrySet().stream().map(d -> new Day(d.getKey(), List.copyOf(d.getValue()))).toList();
        return new Timeline(days, page.facilities(), page.kinds(), page.page(), page.hasMore(), shown.size(),
                page.matching());
    }

    /** A day's lab results from one facility as one panel entry. */
    private static List<ChartEntry> labPanels(List<ChartEntry> entries) {
        Map<String, List<ChartEntry>> panels = new LinkedHashMap<>();
        List<ChartEntry> out = new ArrayList<>();
        for (ChartEntry e : entries) {
            if (e.kind() == TimelineKind.LAB && e.resourceType().equals("Observation")) {
                panels.computeIfAbsent(e.day() + "|" + e.facilityId(), k -> new ArrayList<>()).add(e);
            } else {
                out.add(e);
            }
        }
        for (List<ChartEntry> panel : panels.values()) {
            ChartEntry first = panel.getFirst();
            if (panel.size() == 1) {
                out.add(first);
                continue;
            }
            List<Detail> details = panel.stream().flatMap(e -> e.details().stream()).toList();
            String title = panel.stream().limit(TITLED_RESULTS).map(ChartEntry::title).filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
            out.add(new ChartEntry(TimelineKind.LAB, panel.stream().map(ChartEntry::at).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null), title.isEmpty() ? null : title, details,
                    first.facilityId(), "Observation", first.resourceId(), false, false,
                    Math.max(0, panel.size() - TITLED_RESULTS), null,
                    panel.stream().flatMap(e -> e.marks().stream()).distinct().sorted().toList()));
        }
        return out;
    }
}

package org.musubi.portal.labs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tests × days across facilities: one row per analyte and unit (an analyte sent in two units gets
 * two rows, never mixed), one column per day, newest first, {@link #DAYS_PER_PAGE} days a page.
 * A cell holds that day's results of the row, newest first (two facilities may report the same day).
 *
 * @param days this page's days, newest first
 * @param page 0 for the newest days
 * @param pageCount at least 1
 */
public record LabTable(List<LocalDate> days, List<Row> rows, int page, int pageCount) {

    public static final int DAYS_PER_PAGE = 12;

    /**
     * @param cells aligned with the table's days; an empty list where the row has no result that day
     * @param unitVaries whether the analyte also has rows in other units
     * @param range the newest result's reference range
     */
    public record Row(String analyte, String label, String unit, boolean unitVaries, String range,
                      List<List<LabResult>> cells) {
    }

    public boolean hasNewer() {
        return page > 0;
    }

    public boolean hasOlder() {
        return page < pageCount - 1;
    }

    /** The page of the table; a page past either end is the nearest one. Rows without results on the page are left out. */
    public static LabTable of(List<LabResult> results, int page) {
        List<LocalDate> allDays = results.stream().map(LabResult::day).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        int pageCount = Math.max(1, (allDays.size() + DAYS_PER_PAGE - 1) / DAYS_PER_PAGE);
        int shown = Math.clamp(page, 0, pageCount - 1);
        List<LocalDate> days = allDays.subList(Math.min(allDays.size(), shown * DAYS_PER_PAGE),
                Math.min(allDays.size(), (shown + 1) * DAYS_PER_PAGE));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<LabResult>> analyte : byAnalyte(results).entrySet()) {
            String label = mostCommonLabel(analyte.getValue());
            Map<String, List<LabResult>> byUnit = analyte.getValue().stream()
                    .collect(Collectors.groupingBy(LabResult::unit, TreeMap::new, Collectors.toList()));
            for (Map.Entry<String, List<LabResult>> unit : byUnit.entrySet()) {
                List<List<LabResult>> cells = days.stream().map(day -> unit.getValue().stream()
                        .filter(r -> r.day().equals(day)).sorted(NEWEST_FIRST).toList()).toList();
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    String range = unit.getValue().stream().sorted(NEWEST_FIRST).map(LabResult::range)
                            .filter(r -> !r.isEmpty()).findFirst().orElse("");
                    rows.add(new Row(analyte.getKey(), label, unit.getKey(), byUnit.size() > 1, range, cells));
                }
            }
        }
        return new LabTable(days, List.copyOf(rows), shown, pageCount);
    }

    static final Comparator<LabResult> NEWEST_FIRST = Comparator.comparing(LabResult::when).reversed()
            .thenComparing(LabResult::id);

    /** Results by analyte, in analyte code order (JLAC10 codes sort by their classification). */
    static Map<String, List<LabResult>> byAnalyte(List<LabResult> results) {
        return results.stream().collect(Collectors.groupingBy(LabResult::analyte, TreeMap::new, Collectors.toList()));
    }

    /** The name most results of the analyte carry; on a tie, the newest result's. */
    static String mostCommonLabel(List<LabResult> results) {
        Map<String, Long> counts = new LinkedHashMap<>();
        results.stream().sorted(NEWEST_FIRST).map(LabResult::label).filter(l -> !l.isEmpty())
                .forEach(l -> counts.merge(l, 1L, Long::sum));
        String best = "";
        long most = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getValue() > most) {
                best = entry.getKey();
                most = entry.getValue();
            }
        }
        return best.isEmpty() ? results.getFirst().analyte() : best;
    }
}

package org.musubi.portal.labs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One analyte's results over time across facilities: a series per unit (values in different units
 * are never drawn on one line), each oldest first.
 */
public record LabTrend(String analyte, String label, List<Series> series) {

    /** @param points oldest first; text values and values with a comparator are listed but not drawn */
    public record Series(String unit, List<LabResult> points) {

        public boolean drawable() {
            return points.stream().filter(LabResult::plotted).count() >= 1;
        }
    }

    public boolean empty() {
        return series.isEmpty();
    }

    public static LabTrend of(List<LabResult> results, String analyte) {
        List<LabResult> mine = results.stream().filter(r -> r.analyte().equals(analyte)).toList();
        if (mine.isEmpty()) {
            return new LabTrend(analyte, analyte, List.of());
        }
        Map<String, List<LabResult>> byUnit = mine.stream()
                .collect(Collectors.groupingBy(LabResult::unit, TreeMap::new, Collectors.toList()));
        List<Series> series = byUnit.entrySet().stream().map(e -> new Series(e.getKey(),
                e.getValue().stream().sorted(LabTable.NEWEST_FIRST.reversed()).toList())).toList();
        return new LabTrend(analyte, LabTable.mostCommonLabel(mine), series);
    }
}

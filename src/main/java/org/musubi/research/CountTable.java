package org.musubi.research;

import java.util.ArrayList;
import java.util.List;
import org.musubi.smallcounts.SmallCounts;

/**
 * A count as it may be shown: sex × age band with totals, each entry a number, {@code "< 10"} (below the threshold)
 * or {@link #HIDDEN} (hidden so that a small one cannot be worked out from the totals; see {@link SmallCounts}).
 */
public record CountTable(List<String> sexes, List<String> bands, List<List<String>> cells, List<String> rowTotals,
                         List<String> colTotals, String total) {

    /** What a cell hidden by secondary suppression shows. */
    public static final String HIDDEN = "X";
    /** The rows, in order; a person of another or unknown sex counts in OTHER. */
    public static final List<String> SEXES = List.of("MALE", "FEMALE", "OTHER");

    /** Builds the table from the database's cells, suppressed by the small-count rule. */
    public static CountTable of(List<CohortCounter.Cell> counted, SmallCounts rule) {
        List<Integer> bounds = CohortCounter.BANDS;
        long[][] v = new long[SEXES.size()][bounds.size()];
        for (CohortCounter.Cell c : counted) {
            int row = SEXES.indexOf(c.sex());
            v[row < 0 ? SEXES.size() - 1 : row][c.band()] += c.count();
        }
        SmallCounts.Masked m = rule.mask(v);
        List<List<String>> cells = new ArrayList<>();
        List<String> rowTotals = new ArrayList<>();
        long[] colSums = new long[bounds.size()];
        long grand = 0;
        for (int i = 0; i < v.length; i++) {
            List<String> row = new ArrayList<>();
            long sum = 0;
            for (int j = 0; j < bounds.size(); j++) {
                row.add(shown(v[i][j], m.hidden()[i][j], rule));
                sum += v[i][j];
                colSums[j] += v[i][j];
            }
            grand += sum;
            cells.add(row);
            rowTotals.add(shown(sum, m.rowTotalHidden()[i], rule));
        }
        List<String> colTotals = new ArrayList<>();
        for (int j = 0; j < bounds.size(); j++) {
            colTotals.add(shown(colSums[j], m.colTotalHidden()[j], rule));
        }
        List<String> bands = new ArrayList<>();
        for (int j = 0; j < bounds.size(); j++) {
            bands.add(j + 1 < bounds.size() ? bounds.get(j) + "–" + (bounds.get(j + 1) - 1) : bounds.get(j) + "+");
        }
        return new CountTable(SEXES, bands, cells, rowTotals, colTotals, shown(grand, m.grandHidden(), rule));
    }

    static String shown(long count, boolean hidden, SmallCounts rule) {
        if (!hidden) {
            return String.valueOf(count);
        }
        return rule.small(count) ? "< " + rule.suppressBelow() : HIDDEN;
    }
}

package org.musubi.research;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression of a table of counts with its margins, and secondary (complementary) suppression so that no
 * suppressed count can be worked out from what is shown.
 *
 * <p>The table is seen with its margins: {@code rows × cols} inner cells, a total per row, a total per column and the
 * grand total. Each row and each column (the totals' row and column included) is a <em>line</em>: its inner entries
 * add up to its total. The rules, applied until nothing changes:
 * <ol>
 *   <li><b>Primary</b>: every entry from 1 to {@code threshold − 1} (margins included) is suppressed. Zero is shown:
 *       it names no one.</li>
 *   <li><b>Secondary</b>: a line with exactly one suppressed entry would give it away (the total minus the others).
 *       In such a line the smallest entry still shown is suppressed as well — an inner entry above 0 first, else an
 *       inner 0, else the line's total — until every line has no suppressed entry or at least two.</li>
 * </ol>
 * This is the published "at least two suppressed cells in every row and column that has one" rule of complementary
 * suppression (e.g. the U.S. CDC/NCHS and the UK ONS guidance on tabular data; Cox 1980, <i>Properties of the
 * sensitivity criterion and its suppression</i>), choosing the smallest complement so as little as possible is hidden.
 * It guards against the sums of single lines; it does not claim the bounds a linear-programming attack finds on large
 * tables (which the chosen tables here — sex × age band — are not).
 */
public final class Suppression {

    private Suppression() {
    }

    /** The result: for every entry of the table with its margins, whether it is shown. */
    public record Masked(boolean[][] hidden, boolean[] rowTotalHidden, boolean[] colTotalHidden, boolean grandHidden) {

        public int hiddenCount() {
            int n = grandHidden ? 1 : 0;
            for (boolean[] row : hidden) {
                for (boolean h : row) {
                    n += h ? 1 : 0;
                }
            }
            for (boolean h : rowTotalHidden) {
                n += h ? 1 : 0;
            }
            for (boolean h : colTotalHidden) {
                n += h ? 1 : 0;
            }
            return n;
        }
    }

    /** Whether a single count is below the threshold (and above 0). */
    public static boolean small(long count, int threshold) {
        return count > 0 && count < threshold;
    }

    /** Suppresses {@code cells} (rows × cols, each row the same length) and its margins. */
    public static Masked apply(long[][] cells, int threshold) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        // the extended table: index rows (0..rows) and cols (0..cols); row "rows" and col "cols" are the margins
        long[][] v = new long[rows + 1][cols + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i][j] = cells[i][j];
                v[i][cols] += cells[i][j];
                v[rows][j] += cells[i][j];
                v[rows][cols] += cells[i][j];
            }
        }
        boolean[][] h = new boolean[rows + 1][cols + 1];
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                h[i][j] = small(v[i][j], threshold);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i <= rows; i++) {
                changed |= complete(line(i, -1, rows, cols), v, h);
            }
            for (int j = 0; j <= cols; j++) {
                changed |= complete(line(-1, j, rows, cols), v, h);
            }
        }
        boolean[][] inner = new boolean[rows][cols];
        boolean[] rowTotals = new boolean[rows];
        boolean[] colTotals = new boolean[cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(h[i], 0, inner[i], 0, cols);
            rowTotals[i] = h[i][cols];
        }
        for (int j = 0; j < cols; j++) {
            colTotals[j] = h[rows][j];
        }
        return new Masked(inner, rowTotals, colTotals, h[rows][cols]);
    }

    /** A line's entries as {row, col} pairs, its total last. */
    private static List<int[]> line(int row, int col, int rows, int cols) {
        List<int[]> entries = new ArrayList<>();
        if (row >= 0) {
            for (int j = 0; j <= cols; j++) {
                entries.add(new int[] {row, j});
            }
        } else {
            for (int i = 0; i <= rows; i++) {
                entries.add(new int[] {i, col});
            }
        }
        return entries;
    }

    /** When the line has exactly one suppressed entry, suppresses its complement; whether it did. */
    private static boolean complete(List<int[]> line, long[][] v, boolean[][] h) {
        int hidden = 0;
        for (int[] e : line) {
            hidden += h[e[0]][e[1]] ? 1 : 0;
        }
        if (hidden != 1) {
            return false;
        }
        int[] best = null;
        int bestRank = Integer.MAX_VALUE;
        long bestValue = Long.MAX_VALUE;
        for (int k = 0; k < line.size(); k++) {
            int[] e = line.get(k);
            if (h[e[0]][e[1]]) {
                continue;
            }
            long value = v[e[0]][e[1]];
            boolean total = k == line.size() - 1;
            int rank = total ? 2 : value > 0 ? 0 : 1;
            if (rank < bestRank || (rank == bestRank && value < bestValue)) {
                best = e;
                bestRank = rank;
                bestValue = value;
            }
        }
        if (best == null) {
            return false;
        }
        h[best[0]][best[1]] = true;
        return true;
    }
}

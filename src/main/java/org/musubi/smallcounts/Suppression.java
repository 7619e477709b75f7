package org.musubi.smallcounts;

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
 *   <li><b>No bridge</b>: two lines of two suppressed entries each can still give an entry away when the suppressed
 *       entries form a chain rather than a cycle (see {@code closeBridge}); such a chain is closed with the smallest
 *       entry still shown that joins its two ends.</li>
 * </ol>
 * This is the published "at least two suppressed cells in every row and column that has one" rule of complementary
 * suppression (e.g. the U.S. CDC/NCHS and the UK ONS guidance on tabular data; Cox 1980, <i>Properties of the
 * sensitivity criterion and its suppression</i>), choosing the smallest complement so as little as possible is hidden.
 * It guards against the sums of single lines; it does not claim the bounds a linear-programming attack finds on large
 * tables (which the chosen tables here — sex × age band — are not).
 */
final class Suppression {

    private Suppression() {
    }

    /** Whether a single count is below the threshold (and above 0). */
    static boolean small(long count, int threshold) {
        return count > 0 && count < threshold;
    }

    /** Suppresses {@code cells} (rows × cols, each row the same length) and its margins. */
    static SmallCounts.Masked apply(long[][] cells, int threshold) {
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
            if (!changed) {
                changed = closeBridge(v, h);
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
        return new SmallCounts.Masked(inner, rowTotals, colTotals, h[rows][cols]);
    }

    /**
     * Each entry is in two lines (its row and its column): seen as a graph whose nodes are the lines and whose edges
     * are the suppressed entries, an entry can be worked out exactly when its edge is a bridge (summing the lines on
     * one side of it gives it), and cannot when it lies on a cycle (Gusfield 1988, <i>A graph theoretic approach to
     * statistical data security</i>, SIAM J. Comput. 17:552–571). For the first bridge found, suppresses the smallest
     * entry still shown that joins the bridge's two sides, which puts the bridge on a cycle; whether it did.
     */
    private static boolean closeBridge(long[][] v, boolean[][] h) {
        int rows = v.length;
        int cols = v[0].length;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (!h[i][j]) {
                    continue;
                }
                h[i][j] = false;
                boolean[] side = reach(i, h);
                boolean[] far = reach(rows + j, h);
                h[i][j] = true;
                if (side[rows + j]) {
                    continue;
                }
                int[] best = null;
                for (int a = 0; a < rows; a++) {
                    for (int b = 0; b < cols; b++) {
                        if (!h[a][b] && ((side[a] && far[rows + b]) || (far[a] && side[rows + b]))
                                && (best == null || rank(v, a, b) < rank(v, best[0], best[1]))) {
                            best = new int[] {a, b};
                        }
                    }
                }
                if (best != null) {
                    h[best[0]][best[1]] = true;
                    return true;
                }
            }
        }
        return false;
    }

    /** Orders complements: inner entries above 0 by size, then inner zeros, then margins by size. */
    private static long rank(long[][] v, int i, int j) {
        boolean margin = i == v.length - 1 || j == v[0].length - 1;
        long value = v[i][j];
        return margin ? (2L << 40) + value : value > 0 ? value : (1L << 40);
    }

    /** The lines (rows 0.., then columns) reached from line {@code start} over suppressed entries. */
    private static boolean[] reach(int start, boolean[][] h) {
        int rows = h.length;
        int cols = h[0].length;
        boolean[] seen = new boolean[rows + cols];
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        seen[start] = true;
        todo.add(start);
        while (!todo.isEmpty()) {
            int node = todo.poll();
            for (int k = 0; k < (node < rows ? cols : rows); k++) {
                int i = node < rows ? node : k;
                int j = node < rows ? k : node - rows;
                int other = node < rows ? rows + k : k;
                if (h[i][j] && !seen[other]) {
                    seen[other] = true;
                    todo.add(other);
                }
            }
        }
        return seen;
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

package org.musubi.smallcounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void suppressesASmallCellAndItsComplementsSoThatNoneCanBeWorkedOutFromTheTotals() {
        long[][] table = {
                {20, 3, 15},
                {12, 25, 30},
                {0, 0, 0}};
        SmallCounts.Masked m = Suppression.apply(table, 10);
        // the 3 is small; its row's and its column's smallest others go with it, and they close a rectangle
        assertThat(m.hidden()[0]).containsExactly(false, true, true);
        assertThat(m.hidden()[1]).containsExactly(false, true, true);
        assertThat(m.hidden()[2]).containsExactly(false, false, false);
        assertThat(m.rowTotalHidden()).containsExactly(false, false, false);
        assertThat(m.colTotalHidden()).containsExactly(false, false, false);
        assertThat(m.grandHidden()).isFalse();
        assertNoneDetermined(table, m);
    }

    @Test
    void aSingleSmallCellWithoutAComplementInItsRowHidesTheRowTotal() {
        long[][] table = {{12, 4}, {0, 0}};
        SmallCounts.Masked m = Suppression.apply(table, 10);
        assertThat(m.hidden()[0][1]).isTrue();
        assertThat(m.hiddenCount()).isGreaterThanOrEqualTo(4);
        assertNoneDetermined(table, m);
    }

    @Test
    void smallTotalsAreSuppressedToo() {
        long[][] table = {{2, 3}, {1, 2}};
        SmallCounts.Masked m = Suppression.apply(table, 10);
        assertThat(m.grandHidden()).isTrue();
        assertThat(m.rowTotalHidden()).containsExactly(true, true);
        assertThat(m.colTotalHidden()).containsExactly(true, true);
        assertNoneDetermined(table, m);
    }

    @Test
    void zerosAndLargeCountsAreShown() {
        long[][] table = {{0, 40}, {25, 0}};
        SmallCounts.Masked m = Suppression.apply(table, 10);
        assertThat(m.hiddenCount()).isZero();
    }

    @Test
    void aChainOfTwoSuppressedCellsPerLineIsClosedIntoACycle() {
        // 3 and 4 are small; the degree rule alone could leave a chain whose middle cell the totals give away
        long[][] table = {
                {3, 50, 60, 70},
                {80, 4, 90, 95},
                {11, 12, 100, 13},
                {30, 31, 32, 33}};
        SmallCounts.Masked m = Suppression.apply(table, 10);
        assertThat(m.hidden()[0][0]).isTrue();
        assertThat(m.hidden()[1][1]).isTrue();
        assertNoneDetermined(table, m);
    }

    @Test
    void noSuppressedCountOfARandomTableCanBeWorkedOutFromWhatIsShown() {
        Random random = new Random(48);
        for (int n = 0; n < 500; n++) {
            int rows = 1 + random.nextInt(4);
            int cols = 1 + random.nextInt(6);
            long[][] table = new long[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    table[i][j] = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
                }
            }
            SmallCounts.Masked m = Suppression.apply(table, 10);
            assertPrimariesHidden(table, m, 10);
            assertNoneDetermined(table, m);
        }
    }

    private static void assertPrimariesHidden(long[][] t, SmallCounts.Masked m, int threshold) {
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[i].length; j++) {
                if (Suppression.small(t[i][j], threshold)) {
                    assertThat(m.hidden()[i][j]).isTrue();
                }
            }
        }
    }

    /**
     * Checks, by linear algebra, that no suppressed entry is fixed by the shown entries and the lines' sums: the unit
     * vector of the entry must not be in the row space of the lines' equations over the suppressed entries.
     */
    static void assertNoneDetermined(long[][] t, SmallCounts.Masked m) {
        int rows = t.length;
        int cols = t[0].length;
        boolean[][] h = new boolean[rows + 1][cols + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                h[i][j] = m.hidden()[i][j];
            }
            h[i][cols] = m.rowTotalHidden()[i];
        }
        for (int j = 0; j < cols; j++) {
            h[rows][j] = m.colTotalHidden()[j];
        }
        h[rows][cols] = m.grandHidden();
        List<int[]> vars = new ArrayList<>();
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                if (h[i][j]) {
                    vars.add(new int[] {i, j});
                }
            }
        }
        List<double[]> equations = new ArrayList<>();
        for (int i = 0; i <= rows; i++) {
            double[] e = new double[vars.size()];
            for (int k = 0; k < vars.size(); k++) {
                if (vars.get(k)[0] == i) {
                    e[k] = vars.get(k)[1] == cols ? -1 : 1;
                }
            }
            equations.add(e);
        }
        for (int j = 0; j <= cols; j++) {
            double[] e = new double[vars.size()];
            for (int k = 0; k < vars.size(); k++) {
                if (vars.get(k)[1] == j) {
                    e[k] = vars.get(k)[0] == rows ? -1 : 1;
                }
            }
            equations.add(e);
        }
        int base = rank(equations, vars.size());
        for (int k = 0; k < vars.size(); k++) {
            List<double[]> with = new ArrayList<>(equations);
            double[] unit = new double[vars.size()];
            unit[k] = 1;
            with.add(unit);
            assertThat(rank(with, vars.size()))
                    .as("entry %s of %s can be worked out", java.util.Arrays.toString(vars.get(k)),
                            java.util.Arrays.deepToString(t))
                    .isGreaterThan(base);
        }
    }

    private static int rank(List<double[]> equations, int n) {
        double[][] a = equations.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int c = 0; c < n && rank < a.length; c++) {
            int pivot = -1;
            for (int r = rank; r < a.length; r++) {
                if (Math.abs(a[r][c]) > 1e-9) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = a[pivot];
            a[pivot] = a[rank];
            a[rank] = tmp;
            for (int r = 0; r < a.length; r++) {
                if (r != rank && Math.abs(a[r][c]) > 1e-9) {
                    double f = a[r][c] / a[rank][c];
                    for (int k = c; k < n; k++) {
                        a[r][k] -= f * a[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}

package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.smallcounts.SmallCounts;

/** A cohort's count table as it may be shown, suppressed by the one small-count rule. */
class CountTableTest {

    @Test
    void aCountTableShowsSmallCellsAsBelowTheThresholdAndComplementsAsHidden() {
        List<CohortCounter.Cell> cells = List.of(new CohortCounter.Cell("MALE", 0, 20), new CohortCounter.Cell("MALE", 1, 3),
                new CohortCounter.Cell("MALE", 2, 15), new CohortCounter.Cell("FEMALE", 0, 12),
                new CohortCounter.Cell("FEMALE", 1, 25), new CohortCounter.Cell("FEMALE", 2, 30));
        CountTable t = CountTable.of(cells, new SmallCounts(10));
        assertThat(t.cells().get(0)).containsExactly("20", "< 10", "X", "0", "0");
        assertThat(t.cells().get(1)).containsExactly("12", "X", "X", "0", "0");
        assertThat(t.rowTotals()).containsExactly("38", "67", "0");
        assertThat(t.total()).isEqualTo("105");
    }
}

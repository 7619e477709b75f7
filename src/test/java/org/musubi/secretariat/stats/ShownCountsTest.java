package org.musubi.secretariat.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.musubi.smallcounts.SmallCounts;

class ShownCountsTest {

    private static final SmallCounts RULE = new SmallCounts(10);

    @Test
    void countsOfOneToNineAreShownAsARangeAndZeroAndTenAsThemselves() {
        assertThat(ShownCounts.count(RULE, 0)).isEqualTo("0");
        assertThat(ShownCounts.count(RULE, 1)).isEqualTo("1–9");
        assertThat(ShownCounts.count(RULE, 9)).isEqualTo("1–9");
        assertThat(ShownCounts.count(RULE, 10)).isEqualTo("10");
        assertThat(ShownCounts.count(RULE, 12_345)).isEqualTo("12345");
    }

    @Test
    void aShareOfASuppressedCountOrAnUnknownPopulationIsSuppressedToo() {
        assertThat(ShownCounts.share(RULE, 5, 100)).isEqualTo("—");
        assertThat(ShownCounts.share(RULE, 10, 0)).isEqualTo("—");
        assertThat(ShownCounts.share(RULE, 10, 200)).isEqualTo("5.00");
        assertThat(ShownCounts.share(RULE, 0, 200)).isEqualTo("0.00");
        assertThat(ShownCounts.share(RULE, 21, 400)).isEqualTo("5.25");
    }

    @Test
    void aTotalThatWouldGiveAwayTheOneSuppressedCellIsSuppressed() {
        assertThat(ShownCounts.total(RULE, List.of(120L, 4L, 30L))).as("120 + ? + 30 = 154 gives ? = 4").isEqualTo("—");
        assertThat(ShownCounts.total(RULE, List.of(120L, 4L, 3L, 30L))).as("two hidden cells stay hidden").isEqualTo("157");
        assertThat(ShownCounts.total(RULE, List.of(120L, 0L, 30L))).isEqualTo("150");
        assertThat(ShownCounts.total(RULE, List.of(3L, 3L))).as("a small total is a suppressed count").isEqualTo("1–9");
    }

    @Test
    void aMunicipalityRowAndTheDashboardsTotalsFollowTheRule() {
        Figures.Residents small = new Figures.Residents("竹原市", 1_000, 7, 3, RULE);
        assertThat(small.shownResidents()).isEqualTo("1–9");
        assertThat(small.shownShare()).isEqualTo("—");
        assertThat(small.reachesTarget()).isFalse();
        Figures.Residents large = new Figures.Residents("呉市", 1_000, 80, 60, RULE);
        assertThat(large.shownShare()).isEqualTo("8.00");
        assertThat(large.shownYearShare()).isEqualTo("6.00");
        assertThat(large.reachesTarget()).isTrue();
        Figures.Dashboard d = new Figures.Dashboard(Optional.empty(), false, List.of(), List.of(), List.of(),
                List.of(small, large), List.of(), List.of(), null, List.of(), new Figures.ReviewQueue(0, 0, 0), List.of(),
                RULE);
        assertThat(d.shownResidentTotal()).isEqualTo("—");
        assertThat(d.shownYearShare()).isEqualTo("—");
        assertThat(d.population()).isEqualTo(2_000);
    }
}

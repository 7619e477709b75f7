package org.musubi.secretariat.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void countsOfOneToNineAreShownAsARangeAndZeroAndTenAsThemselves() {
        assertThat(Suppression.count(0)).isEqualTo("0");
        assertThat(Suppression.count(1)).isEqualTo("1–9");
        assertThat(Suppression.count(9)).isEqualTo("1–9");
        assertThat(Suppression.count(10)).isEqualTo("10");
        assertThat(Suppression.count(12_345)).isEqualTo("12345");
    }

    @Test
    void aShareOfASuppressedCountOrAnUnknownPopulationIsSuppressedToo() {
        assertThat(Suppression.share(5, 100)).isEqualTo("—");
        assertThat(Suppression.share(10, 0)).isEqualTo("—");
        assertThat(Suppression.share(10, 200)).isEqualTo("5.00");
        assertThat(Suppression.share(0, 200)).isEqualTo("0.00");
        assertThat(Suppression.share(21, 400)).isEqualTo("5.25");
    }

    @Test
    void aTotalThatWouldGiveAwayTheOneSuppressedCellIsSuppressed() {
        assertThat(Suppression.total(List.of(120L, 4L, 30L))).as("120 + ? + 30 = 154 gives ? = 4").isEqualTo("—");
        assertThat(Suppression.total(List.of(120L, 4L, 3L, 30L))).as("two hidden cells stay hidden").isEqualTo("157");
        assertThat(Suppression.total(List.of(120L, 0L, 30L))).isEqualTo("150");
        assertThat(Suppression.total(List.of(3L, 3L))).as("a small total is a suppressed count").isEqualTo("1–9");
    }

    @Test
    void aMunicipalityRowAndTheDashboardsTotalsFollowTheRule() {
        Figures.Residents small = new Figures.Residents("竹原市", 1_000, 7, 3);
        assertThat(small.shownResidents()).isEqualTo("1–9");
        assertThat(small.shownShare()).isEqualTo("—");
        assertThat(small.reachesTarget()).isFalse();
        Figures.Residents large = new Figures.Residents("呉市", 1_000, 80, 60);
        assertThat(large.shownShare()).isEqualTo("8.00");
        assertThat(large.shownYearShare()).isEqualTo("6.00");
        assertThat(large.reachesTarget()).isTrue();
        Figures.Dashboard d = new Figures.Dashboard(Optional.empty(), false, List.of(), List.of(), List.of(),
                List.of(small, large), List.of(), List.of(), null, List.of(), new Figures.ReviewQueue(0, 0, 0), List.of());
        assertThat(d.shownResidentTotal()).isEqualTo("—");
        assertThat(d.shownYearShare()).isEqualTo("—");
        assertThat(d.population()).isEqualTo(2_000);
    }
}

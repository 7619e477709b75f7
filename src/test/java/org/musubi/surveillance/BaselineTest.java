package org.musubi.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.smallcounts.SmallCounts;

/** The threshold method on crafted series, the suppression rule, and the standby's refusal of a report. */
class BaselineTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void theThresholdIsTheMeanPlusKStandardDeviationsOfTheSameWeekdayOverEightWeeks() {
        Map<LocalDate, Long> counts = new HashMap<>();
        long[] history = {2, 4, 4, 4, 5, 5, 7, 9};
        for (int w = 1; w <= 8; w++) {
            counts.put(DAY.minusWeeks(w), history[w - 1]);
            counts.put(DAY.minusWeeks(w).plusDays(1), 100L); // other weekdays do not count
        }
        counts.put(DAY, 10L);

        Baseline.Day verdict = Baseline.of(DAY, counts, 2.0, 3);

        // mean 5, sample SD sqrt(32 / 7) = 2.138…, threshold 5 + 2 · 2.138 = 9.276…
        assertThat(verdict.mean()).isCloseTo(5.0, within(1e-9));
        assertThat(verdict.sd()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-9));
        assertThat(verdict.threshold()).isCloseTo(5 + 2 * Math.sqrt(32.0 / 7), within(1e-9));
        assertThat(verdict.alert()).isTrue();
        counts.put(DAY, 9L);
        assertThat(Baseline.of(DAY, counts, 2.0, 3).alert()).as("9 is below 9.28").isFalse();
        assertThat(Baseline.of(DAY, counts, 1.0, 3).alert()).as("with k = 1 the threshold is 7.14").isTrue();
    }

    @Test
    void aQuietHistoryAlertsOnlyAboveTheLeastCount() {
        Map<LocalDate, Long> counts = new HashMap<>(Map.of(DAY, 4L));

        assertThat(Baseline.of(DAY, counts, 2.0, 5).threshold()).isEqualTo(5.0);
        assertThat(Baseline.of(DAY, counts, 2.0, 5).alert()).isFalse();
        counts.put(DAY, 6L);
        assertThat(Baseline.of(DAY, counts, 2.0, 5).alert()).isTrue();
    }

    @Test
    void theDashboardAlertsOnARiseInOneMunicipalityOnly() {
        Map<LocalDate, Long> calm = new HashMap<>();
        for (int d = 0; d < 70; d++) {
            calm.put(DAY.minusDays(d), 3L + d % 2);
        }
        Map<LocalDate, Long> rising = new HashMap<>(calm);
        rising.put(DAY, 30L);
        ShowSurveillanceDashboard s = new ShowSurveillanceDashboard(new Fixed(Map.of("呉市", calm, "三原市", rising)),
                Clock.systemUTC());

        ShowSurveillanceDashboard.Dashboard d = s.dashboard(DAY);

        assertThat(d.days()).hasSize(Surveillance.DAYS).endsWith(DAY);
        assertThat(d.alerts()).extracting(ShowSurveillanceDashboard.Alert::municipality).containsExactly("三原市");
        assertThat(d.alerts().getFirst().day().count()).isEqualTo(30);
    }

    @Test
    void smallCountsAreShownAsBelowTheThresholdButZeroAndLargeOnesAsTheyAre() {
        Surveillance s = new Surveillance(new Fixed(Map.of()), Clock.systemUTC(), new SmallCounts(10));

        assertThat(s.shown(0)).isEqualTo("0");
        assertThat(s.shown(1)).isEqualTo("< 10");
        assertThat(s.shown(9)).isEqualTo("< 10");
        assertThat(s.shown(10)).isEqualTo("10");
    }

    @Test
    void aStandbyRefusesAReport() {
        ReportSurveillanceCounts s = new ReportSurveillanceCounts(new Fixed(Map.of()), Standby.fixed(true));

        assertThatThrownBy(() -> s.report(1, DAY, Map.of("RASH", 1), 1L)).isInstanceOf(ReadOnlyStandbyException.class)
                .hasMessage(Standby.MESSAGE);
    }

    /** Counts of one syndrome per municipality, as a store would sum them. */
    private record Fixed(Map<String, Map<LocalDate, Long>> series) implements SurveillanceStore {

        @Override
        public List<Syndrome> syndromes() {
            return List.of(new Syndrome("RASH", "発疹", "Rash", List.of("R21"), List.of(), 2.0, 5));
        }

        @Override
        public Map<String, Integer> reported(long facilityId, LocalDate day) {
            return Map.of();
        }

        @Override
        public Map<String, Integer> counted(long facilityId, LocalDate day) {
            return Map.of();
        }

        @Override
        public Map<Long, Map<String, Integer>> countedOn(LocalDate day) {
            return Map.of();
        }

        @Override
        public void report(long facilityId, LocalDate day, Map<String, Integer> counts, Long userId) {
            throw new AssertionError("not in these tests");
        }

        @Override
        public void derive(long facilityId, LocalDate day, Map<String, Integer> counts) {
            throw new AssertionError("not in these tests");
        }

        @Override
        public int deriveFromConditions(LocalDate from) {
            throw new AssertionError("not in these tests");
        }

        @Override
        public Optional<String> municipality(long facilityId) {
            return Optional.empty();
        }

        @Override
        public List<Cell> byMunicipality(LocalDate from, LocalDate to) {
            return series.entrySet().stream().flatMap(m -> m.getValue().entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                    .map(e -> new Cell(m.getKey(), e.getKey(), "RASH", e.getValue()))).toList();
        }
    }
}

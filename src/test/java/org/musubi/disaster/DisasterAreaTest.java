package org.musubi.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Which addresses a disaster area covers, and when a period is on. */
class DisasterAreaTest {

    private static final Municipality KURE = new Municipality(34, "呉市");
    private static final Municipality HIROSHIMA = new Municipality(34, "広島市");
    private static final Municipality NAKA_WARD = new Municipality(34, "広島市中区");

    @Test
    void anAddressInTheMunicipalityIsCoveredWrittenTheUsualWays() {
        assertThat(KURE.covers("広島県呉市中央1丁目2番3号")).isTrue();
        assertThat(KURE.covers("呉市中央１－２－３")).as("without the prefecture, full-width").isTrue();
        assertThat(KURE.covers("広島県 呉市 中央 1-2-3")).as("with spaces").isTrue();
        assertThat(HIROSHIMA.covers("広島県広島市安佐北区可部1-1")).as("every ward of the city").isTrue();
        assertThat(NAKA_WARD.covers("広島市中区基町1")).isTrue();
    }

    @Test
    void anAddressElsewhereIsNot() {
        assertThat(KURE.covers("広島県東広島市西条1-1")).isFalse();
        assertThat(NAKA_WARD.covers("広島市南区皆実町1")).isFalse();
        assertThat(new Municipality(34, "府中市").covers("東京都府中市宮町1")).as("another prefecture's namesake").isFalse();
        assertThat(new Municipality(34, "府中市").covers("府中市府川町1")).as("no prefecture: the wider reading").isTrue();
        assertThat(KURE.covers(null)).isFalse();
        assertThat(KURE.covers(" ")).isFalse();
    }

    @Test
    void anAreaCoversWhenAnyAddressLiesInAnyOfItsMunicipalities() {
        DisasterArea area = DisasterArea.of(List.of(KURE, new Municipality(34, "江田島市")));

        assertThat(area.covers(List.of("広島県三原市1", "広島県江田島市能美町1"))).isTrue();
        assertThat(area.covers(List.of("広島県三原市1"))).isFalse();
        assertThat(area.covers(List.of())).isFalse();
        assertThat(DisasterArea.wholeNetwork().covers(List.of())).isTrue();
        assertThat(area.label()).isEqualTo("広島県呉市、広島県江田島市");
        assertThatThrownBy(() -> DisasterArea.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodIsOnFromItsStartUntilSwitchedOffOrItsPlannedEnd() {
        Instant start = Instant.parse("2026-07-01T00:00:00Z");
        DisasterPeriod running = new DisasterPeriod(1, DisasterArea.wholeNetwork(), "豪雨", start, 7, null, null, null, null);
        DisasterPeriod planned = new DisasterPeriod(2, DisasterArea.wholeNetwork(), "豪雨", start, 7,
                start.plus(Duration.ofDays(3)), null, null, null);
        DisasterPeriod ended = new DisasterPeriod(3, DisasterArea.wholeNetwork(), "豪雨", start, 7, null,
                start.plus(Duration.ofDays(1)), 8L, "復旧");

        assertThat(running.onAt(start.minusSeconds(1))).isFalse();
        assertThat(running.onAt(start.plus(Duration.ofDays(300)))).isTrue();
        assertThat(planned.onAt(start.plus(Duration.ofDays(3)).minusSeconds(1))).isTrue();
        assertThat(planned.onAt(start.plus(Duration.ofDays(3)))).isFalse();
        assertThat(planned.endedAsPlanned(start.plus(Duration.ofDays(3)))).isTrue();
        assertThat(ended.onAt(start.plus(Duration.ofHours(2)))).isFalse();
    }

    @Test
    void theModeAnswersFromWhatItReadAndReadsAgainOnlyWhenRefreshed() {
        Instant now = Instant.parse("2026-07-02T00:00:00Z");
        List<DisasterPeriod> stored = new ArrayList<>();
        DisasterMode mode = new DisasterMode(new InMemory(stored), Clock.fixed(now, ZoneOffset.UTC));
        mode.refresh();
        stored.add(new DisasterPeriod(1, DisasterArea.of(List.of(KURE)), "豪雨", now.minusSeconds(60), 7, null, null, null,
                null));

        assertThat(mode.on()).as("not yet read").isFalse();
        mode.refresh();
        assertThat(mode.on()).isTrue();
        assertThat(mode.networkWide()).isFalse();
        assertThat(mode.covers(List.of("呉市中央1"))).isTrue();
        assertThat(mode.covers(List.of("広島市中区基町1"))).isFalse();
        assertThat(mode.responder(5)).isTrue();
        assertThat(mode.responder(6)).isFalse();
    }

    @Test
    void theModeReadsAgainOnItsOwnEveryIntervalOnceStartedAndNoLongerOnceClosed() throws Exception {
        Instant now = Instant.parse("2026-07-02T00:00:00Z");
        List<DisasterPeriod> stored = new CopyOnWriteArrayList<>();
        try (DisasterMode mode = new DisasterMode(new InMemory(stored), Clock.fixed(now, ZoneOffset.UTC))) {
            mode.refresh();
            mode.refreshEvery(Duration.ofMillis(50));
            stored.add(new DisasterPeriod(1, DisasterArea.of(List.of(KURE)), "豪雨", now.minusSeconds(60), 7, null, null,
                    null, null));
            assertThat(waitFor(mode::on, true)).as("switched on elsewhere, seen without a refresh call").isTrue();
            stored.clear();
            assertThat(waitFor(mode::on, false)).as("switched off elsewhere").isFalse();
            mode.close();
            stored.add(new DisasterPeriod(2, DisasterArea.wholeNetwork(), "地震", now.minusSeconds(60), 7, null, null,
                    null, null));
            Thread.sleep(300);
            assertThat(mode.on()).as("closed: read no more").isFalse();
        }
    }

    /**
     * A close does not wait for a refresh under way: at shutdown the database goes first, and a refresh then waits for a
     * connection (up to the pool's 30 s) while holding the mode's lock; close once waited for that lock, and a test
     * JVM's exit for the close (seen in a full run: 30 s). The refresh here blocks for a minute unless interrupted.
     */
    @Test
    void closingDoesNotWaitForARefreshThatIsWaitingForTheDatabase() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        DisasterMode mode = new DisasterMode(new InMemory(new ArrayList<>()), Clock.systemUTC(), () -> {
            if (Thread.currentThread().getName().equals("disaster-refresh")) {
                reading.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw new IllegalStateException("interrupted while waiting for a connection", e);
                }
            }
            return 0L;
        });
        mode.refreshEvery(Duration.ofMillis(10));
        assertThat(reading.await(10, TimeUnit.SECONDS)).as("the refresh is reading").isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(10), mode::close,
                "close waited for the refresh");
        assertThat(waitFor(interrupted::get, true)).as("the refresh under way was interrupted").isTrue();
    }

    private static boolean waitFor(BooleanSupplier value, boolean wanted) throws InterruptedException {
        for (int i = 0; i < 100 && value.getAsBoolean() != wanted; i++) {
            Thread.sleep(50);
        }
        return value.getAsBoolean();
    }

    private record InMemory(List<DisasterPeriod> stored) implements DisasterRecords {
        @Override
        public List<DisasterPeriod> open() {
            return List.copyOf(stored);
        }

        @Override
        public List<DisasterPeriod> history(int limit) {
            return List.copyOf(stored);
        }

        @Override
        public DisasterPeriod start(DisasterArea area, String note, Instant plannedEnd, long userId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean end(long periodId, String note, long userId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Long> responders() {
            return Set.of(5L);
        }

        @Override
        public boolean designate(long facilityId, boolean responder, long userId, Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}

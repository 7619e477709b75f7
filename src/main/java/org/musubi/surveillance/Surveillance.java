package org.musubi.surveillance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.smallcounts.SmallCounts;

/**
 * The surveillance's figures: a facility's day on the form, the dashboard of the public-health office (every
 * municipality's counts of the last {@link #DAYS} days, each day against its {@link Baseline}), and the suppressed
 * summary everyone else sees. Who may see what is the web layer's decision; this only counts.
 */
public final class Surveillance {

    /** Days the dashboard shows (today included). */
    public static final int DAYS = 14;
    /** Days back an alert still shows in the banner (today included). */
    public static final int ALERT_DAYS = 7;
    /** Days back a facility may correct (the baseline's 8 weeks). */
    public static final int CORRECTABLE_DAYS = 7 * Baseline.WEEKS;
    /** The largest count a form takes per syndrome and day. */
    public static final int MAX_COUNT = 9999;
    /** The days are Japan's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private final SurveillanceStore store;
    private final Standby standby;
    private final Clock clock;
    private final SmallCounts smallCounts;

    public Surveillance(SurveillanceStore store, Standby standby, Clock clock, SmallCounts smallCounts) {
        this.store = store;
        this.standby = standby;
        this.clock = clock;
        this.smallCounts = smallCounts;
    }

    /** One municipality's line of one syndrome: a verdict per day shown. */
    public record Line(String municipality, Syndrome syndrome, List<Baseline.Day> days) {

        public boolean alert() {
            return days.stream().anyMatch(Baseline.Day::alert);
        }
    }

    /** An alert of the banner. */
    public record Alert(String municipality, Syndrome syndrome, Baseline.Day day) {
    }

    /** The public-health office's dashboard. */
    public record Dashboard(List<LocalDate> days, List<Syndrome> syndromes, List<Line> lines, List<Alert> alerts) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public List<Syndrome> syndromes() {
        return store.syndromes();
    }

    public Optional<Syndrome> syndrome(String code) {
        return store.syndromes().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** Whether a facility may enter or correct {@code day}: today or one of the 8 weeks before, never the future. */
    public boolean correctable(LocalDate day) {
        LocalDate today = today();
        return !day.isAfter(today) && !day.isBefore(today.minusDays(CORRECTABLE_DAYS));
    }

    public Map<String, Integer> reported(long facilityId, LocalDate day) {
        return store.reported(facilityId, day);
    }

    public Optional<String> municipalityOf(long facilityId) {
        return store.municipality(facilityId);
    }

    public Map<String, Integer> counted(long facilityId, LocalDate day) {
        return store.counted(facilityId, day);
    }

    /** Every facility's counts of {@code day} (reported, else derived), by facility id, then by syndrome code. */
    public Map<Long, Map<String, Integer>> countedOn(LocalDate day) {
        return store.countedOn(day);
    }

    /** Stores a facility's day; refused on a read-only standby. */
    public void report(long facilityId, LocalDate day, Map<String, Integer> counts, Long userId) {
        if (standby.readOnly()) {
            throw new ReadOnlyStandbyException();
        }
        store.report(facilityId, day, counts, userId);
    }

    /** The dashboard as of today. */
    public Dashboard dashboard() {
        return dashboard(today());
    }

    /** The dashboard of the {@link #DAYS} days up to {@code today}. */
    public Dashboard dashboard(LocalDate today) {
        List<Syndrome> syndromes = store.syndromes();
        LocalDate from = today.minusDays(DAYS - 1L);
        List<LocalDate> days = from.datesUntil(today.plusDays(1)).toList();
        Map<String, Map<String, Map<LocalDate, Long>>> series = new HashMap<>();
        TreeSet<String> municipalities = new TreeSet<>();
        for (SurveillanceStore.Cell c : store.byMunicipality(Baseline.historyFrom(from), today)) {
            municipalities.add(c.municipality());
            series.computeIfAbsent(c.municipality(), m -> new HashMap<>())
                    .computeIfAbsent(c.syndrome(), s -> new HashMap<>()).merge(c.day(), c.count(), Long::sum);
        }
        List<Line> lines = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        LocalDate alertFrom = today.minusDays(ALERT_DAYS - 1L);
        for (String municipality : municipalities) {
            for (Syndrome syndrome : syndromes) {
                Map<LocalDate, Long> counts = series.get(municipality).getOrDefault(syndrome.code(), Map.of());
                List<Baseline.Day> verdicts = days.stream()
                        .map(d -> Baseline.of(d, counts, syndrome.k(), syndrome.minCount())).toList();
                lines.add(new Line(municipality, syndrome, verdicts));
                verdicts.stream().filter(v -> v.alert() && !v.day().isBefore(alertFrom))
                        .max(Comparator.comparing(Baseline.Day::day))
                        .ifPresent(v -> alerts.add(new Alert(municipality, syndrome, v)));
            }
        }
        return new Dashboard(days, syndromes, lines, alerts);
    }

    /**
     * What others than the public-health office see of a municipality: per syndrome, the total of the last
     * {@link #ALERT_DAYS} days as {@link #shown shown}.
     */
    public Map<String, String> summary(String municipality) {
        LocalDate today = today();
        Map<String, Long> totals = new LinkedHashMap<>();
        store.syndromes().forEach(s -> totals.put(s.code(), 0L));
        for (SurveillanceStore.Cell c : store.byMunicipality(today.minusDays(ALERT_DAYS - 1L), today)) {
            if (c.municipality().equals(municipality)) {
                totals.merge(c.syndrome(), c.count(), Long::sum);
            }
        }
        Map<String, String> shown = new LinkedHashMap<>();
        totals.forEach((code, total) -> shown.put(code, shown(total)));
        return shown;
    }

    /** A count as others than the public-health office may see it: small ({@link SmallCounts}) "< 10". */
    public String shown(long count) {
        return smallCounts.small(count) ? "< " + smallCounts.suppressBelow() : String.valueOf(count);
    }

    public int suppressBelow() {
        return smallCounts.suppressBelow();
    }
}

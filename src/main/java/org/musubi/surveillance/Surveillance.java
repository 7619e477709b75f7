package org.musubi.surveillance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.smallcounts.SmallCounts;

/**
 * The surveillance's figures: a facility's day on the form and the suppressed summary everyone else sees (the
 * public-health office's dashboard is {@link ShowSurveillanceDashboard}'s, a facility's report {@link
 * ReportSurveillanceCounts}'). Who may see what is the web layer's decision; this only counts.
 */
public final class Surveillance {

    /** Days the dashboard shows (today included, {@link ShowSurveillanceDashboard}). */
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
    private final Clock clock;
    private final SmallCounts smallCounts;

    public Surveillance(SurveillanceStore store, Clock clock, SmallCounts smallCounts) {
        this.store = store;
        this.clock = clock;
        this.smallCounts = smallCounts;
    }

    public LocalDate today() {
        return today(clock);
    }

    /** Today in Japan by {@code clock}. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public List<Syndrome> syndromes() {
        return store.syndromes();
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

    /** Every facility's counts of {@code day} (reported, else derived), by facility id, then by syndrome code. */
    public Map<Long, Map<String, Integer>> countedOn(LocalDate day) {
        return store.countedOn(day);
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

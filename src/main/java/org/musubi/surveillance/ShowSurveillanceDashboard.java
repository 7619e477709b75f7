package org.musubi.surveillance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The public-health office's dashboard: every municipality's counts of the last {@link Surveillance#DAYS} days, each
 * day against its {@link Baseline}, and the alerts of the last {@link Surveillance#ALERT_DAYS}. Who may see it is the
 * web layer's decision; this only counts.
 */
public final class ShowSurveillanceDashboard {

    private final SurveillanceStore store;
    private final Clock clock;

    public ShowSurveillanceDashboard(SurveillanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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

    /** The dashboard as of today. */
    public Dashboard dashboard() {
        return dashboard(Surveillance.today(clock));
    }

    /** The dashboard of the {@link Surveillance#DAYS} days up to {@code today}. */
    public Dashboard dashboard(LocalDate today) {
        List<Syndrome> syndromes = store.syndromes();
        LocalDate from = today.minusDays(Surveillance.DAYS - 1L);
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
        LocalDate alertFrom = today.minusDays(Surveillance.ALERT_DAYS - 1L);
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
}

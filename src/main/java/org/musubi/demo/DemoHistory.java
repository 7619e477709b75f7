package org.musubi.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.RecordConsent;
import org.musubi.demo.jdbc.DemoHistoryRows;
import org.musubi.identity.cards.IssueCard;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.secretariat.stats.Months;
import org.musubi.secretariat.stats.PopulationCsv;
import org.musubi.secretariat.stats.Statistics;
import org.musubi.secretariat.stats.StatisticsStore;
import org.musubi.security.ActAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo network's year of history, so that the secretariat's charts show something on first start (issue 45):
 * <ol>
 * <li>cards and consents: {@value #SHARE_PERCENT} % of the persons the story gave no card get a regional card and a
 * consent (all facilities, treatment and emergency) through the same use cases as at the counter (each audited now),
 * every fifth also a disclosure card of a disclosing hospital; then their card's issue and consent's capture are moved
 * back to a day spread over the last 12 months ({@link DemoHistoryRows}, demo only);</li>
 * <li>use: the audit trail is append-only and hash-chained and is never backdated, so the demo's past use is made up
 * as rollup rows of the days before today marked {@code demo_seeded} (views, imports, letters, emergency accesses per
 * facility and day, growing over the year, only while the facility took part), which the dashboard counts and marks
 * with a note; a refresh never touches them;</li>
 * <li>the population of the demo's municipalities ({@code population.csv} beside this class: synthetic figures, scaled
 * to the demo's 200 persons so that the shares read like a real network's), then the first count.</li>
 * </ol>
 * Deterministic for one seed and day.
 */
final class DemoHistory {

    static final int SHARE_PERCENT = 75;
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /** What the history goes through. */
    record Parts(Users users, Facilities facilities, FacilityProfiles profiles, IssueCard cards, RecordConsent consents,
                 ActAs actAs, DemoHistoryRows rows, Statistics statistics, StatisticsStore store, Clock clock) {
    }

    private final Parts parts;

    DemoHistory(Parts parts) {
        this.parts = parts;
    }

    /** Makes the history (once, right after the demo network and its story were made). */
    void make(long seed) {
        User operator = parts.users().findByLoginId("admin").filter(User::networkAdmin).orElse(null);
        if (operator == null) {
            log.warn("Demo history: no operator 'admin'");
            return;
        }
        Random random = new Random(seed ^ 0x5EC2E7A2L);
        Instant now = parts.clock().instant();
        int cards = cardsAndConsents(operator, random, now);
        int days = pastUse(random, Months.day(now));
        loadPopulation(operator);
        log.info("Demo history: {} persons with backdated cards and consents, {} days of made-up use", cards, days);
    }

    private int cardsAndConsents(User operator, Random random, Instant now) {
        List<Facility> hospitals = parts.facilities().all().stream()
                .filter(f -> f.kind() == FacilityKind.HOSPITAL && f.disclosing() && f.active()).toList();
        List<Long> persons = parts.rows().personsWithoutCard();
        int made = 0;
        for (int i = 0; i < persons.size(); i++) {
            if (random.nextInt(100) >= SHARE_PERCENT) {
                continue;
            }
            long personId = persons.get(i);
            boolean disclosure = i % 5 == 0 && !hospitals.isEmpty();
            try {
                parts.actAs().user(operator.id(), () -> {
                    parts.cards().regional(operator.id(), personId);
                    if (disclosure) {
                        parts.cards().disclosure(operator.id(), personId, hospitals.get(random.nextInt(hospitals.size())).id());
                    }
                    return parts.consents().grant(operator.id(), null, new RecordConsent.ConsentForm(personId,
                            ConsentScope.ALL_FACILITIES, null, EnumSet.of(Purpose.TREATMENT, Purpose.EMERGENCY)));
                });
            } catch (RuntimeException e) {
                log.debug("Demo history: person {} got no card: {}", personId, e.toString());
                continue;
            }
            // more registrations in later months, as a network that grows: a day within the last 365, skewed recent
            double back = Math.pow(random.nextDouble(), 1.6) * 364;
            parts.rows().backdate(personId, now.minus(Duration.ofDays((long) back)).minus(Duration.ofMinutes(
                    random.nextInt(600))));
            made++;
        }
        return made;
    }

    /** Made-up use for each day of the last year before today, per facility that took part that day. */
    private int pastUse(Random random, LocalDate today) {
        Map<Long, FacilityProfile> profiles = parts.profiles().all().stream()
                .collect(Collectors.toMap(FacilityProfile::facilityId, Function.identity()));
        List<Facility> all = parts.facilities().all();
        LocalDate first = today.minusDays(365);
        int days = 0;
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double growth = 0.3 + 0.7 * (day.toEpochDay() - first.toEpochDay()) / 365.0;
            for (int i = 0; i < all.size(); i++) {
                Facility f = all.get(i);
                FacilityProfile p = profiles.get(f.id());
                LocalDate joined = p == null || !p.joinedOn().isBefore(today)
                        ? first.plusDays(i * 23L % 200) : p.joinedOn();
                if (day.isBefore(joined) || (p != null && p.leftOn().map(day::isAfter).orElse(false))) {
                    continue;
                }
                long[] use = use(f, random, growth);
                if (use[0] + use[1] + use[2] + use[3] > 0) {
                    parts.store().seedDemoDay(day, f.id(), use[0], use[1], use[2], use[3]);
                }
            }
            days++;
        }
        return days;
    }

    /** A day's views, imports, letters and emergency accesses of a facility of this kind and roles. */
    private static long[] use(Facility f, Random random, double growth) {
        double views;
        double imports;
        double letters;
        double emergency;
        switch (f.kind()) {
            case HOSPITAL -> { views = 18; imports = 30; letters = 1.2; emergency = 0.05; }
            case CLINIC, DENTAL_CLINIC -> { views = 6; imports = 4; letters = 0.6; emergency = 0.01; }
            case PHARMACY -> { views = 4; imports = 9; letters = 0; emergency = 0; }
            case HOME_NURSING_STATION, CARE_FACILITY -> { views = 3; imports = 0.5; letters = 0.1; emergency = 0; }
            case FIRE_DEPARTMENT -> { views = 0.3; imports = 0; letters = 0; emergency = 0.1; }
            default -> { views = 1; imports = 0.2; letters = 0; emergency = 0; }
        }
        if (!f.viewing()) {
            views = 0;
        }
        if (!f.disclosing()) {
            imports = 0;
            letters = f.viewing() ? letters : 0;
        }
        return new long[] {draw(views * growth, random), draw(imports * growth, random), draw(letters * growth, random),
                draw(emergency * growth, random)};
    }

    /** A whole number around {@code mean} (Poisson for small means, normal around larger ones). */
    private static long draw(double mean, Random random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 20) {
            return Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private void loadPopulation(User operator) {
        try (InputStream in = DemoHistory.class.getResourceAsStream("population.csv")) {
            if (in == null) {
                log.warn("Demo history: population.csv is missing");
                parts.statistics().refresh();
                return;
            }
            PopulationCsv.Parsed parsed = PopulationCsv.parse(in.readAllBytes());
            if (!parsed.ok()) {
                throw new IllegalStateException("the demo's population.csv has faults: " + parsed.faults());
            }
            parts.statistics().loadPopulation(parsed.rows(), operator.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

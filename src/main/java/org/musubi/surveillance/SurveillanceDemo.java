package org.musubi.surveillance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.Users;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;

/**
 * The demo's surveillance: a public-health office (保健所) with its officer ({@link #OFFICER}), and 8 weeks and more of
 * daily counts made up for the facilities with a municipality, calm everywhere but one syndrome
 * ({@link #RISING}) in one municipality (the one with most facilities), which rises over the last days so that the
 * dashboard shows an alert. Made-up counts are stored as reported by no one (reported_by NULL).
 */
public final class SurveillanceDemo {

    public static final String OFFICER = "hokenjo1";
    public static final String RISING = "INFLUENZA_LIKE";
    /** Days of history made (the baseline's 8 weeks before the dashboard's days). */
    static final int HISTORY_DAYS = 7 * Baseline.WEEKS + Surveillance.DAYS;
    private static final Actor SEEDER = Actor.system("demo-seed");

    private final SurveillanceStore store;
    private final Facilities facilities;
    private final FacilityProfiles profiles;
    private final Users users;
    private final Audit audit;

    public SurveillanceDemo(SurveillanceStore store, Facilities facilities, FacilityProfiles profiles, Users users,
                            Audit audit) {
        this.store = store;
        this.facilities = facilities;
        this.profiles = profiles;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Seeds the office, its officer (whose account {@code prepare} gets ready for the demo password) and the counts;
     * returns the municipality where {@link #RISING} rises, empty when no facility has a municipality.
     */
    public Optional<String> seed(LocalDate today, long seed, Consumer<List<Long>> prepare) {
        List<Facility> reporting = facilities.all().stream().filter(f -> reports(f.kind())).toList();
        Map<String, Long> perMunicipality = reporting.stream().flatMap(f -> municipality(f.id()).stream())
                .collect(Collectors.groupingBy(m -> m, Collectors.counting()));
        Optional<String> rising = perMunicipality.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
        if (rising.isEmpty()) {
            return rising;
        }
        Facility office = facilities.insert(new FacilityDraft("広島県西部保健所", "ヒロシマケンセイブホケンジョ",
                FacilityKind.PUBLIC_HEALTH_CENTER, null, 34, "730-0011 " + rising.get(), "082-000-0048", false, false,
                FacilityStatus.ACTIVE));
        profiles.save(new FacilityProfile(office.id(), rising, Optional.empty(), java.util.Set.of(), false,
                today.minusYears(1), Optional.empty()));
        if (users.findByLoginId(OFFICER).isEmpty()) {
            User officer = users.insert(new UserDraft(OFFICER, "保健 花子", "ホケン ハナコ", Profession.PUBLIC_HEALTH_NURSE,
                    List.of(new User.Membership(office.id(), false)), false, UserStatus.ACTIVE), true);
            prepare.accept(List.of(officer.id()));
        }
        counts(reporting.stream().map(Facility::id).toList(), rising.get(), today, seed);
        return rising;
    }

    /**
     * Makes up {@link #HISTORY_DAYS} days of counts up to {@code today} for the facilities: about one case per
     * syndrome and facility a weekday, fewer at weekends; {@link #RISING} in {@code risingMunicipality} doubles,
     * triples, … over the last 4 days. Audited once.
     */
    public void counts(List<Long> facilityIds, String risingMunicipality, LocalDate today, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Syndrome> syndromes = store.syndromes();
        Map<Long, Optional<String>> where = new HashMap<>();
        facilityIds.forEach(id -> where.put(id, municipality(id)));
        List<Long> made = new ArrayList<>();
        for (long id : facilityIds) {
            boolean risingHere = where.get(id).map(risingMunicipality::equals).orElse(false);
            for (LocalDate day = today.minusDays(HISTORY_DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                double week = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.2
                        : day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.6 : 1.0;
                long ago = day.until(today, java.time.temporal.ChronoUnit.DAYS);
                for (Syndrome s : syndromes) {
                    double mean = 1.2 * week;
                    if (risingHere && s.code().equals(RISING) && ago < 4) {
                        mean = 1.2 * (5 - ago) * 1.5;
                    }
                    counts.put(s.code(), poisson(mean, random));
                }
                store.report(id, day, counts, null);
            }
            made.add(id);
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("SurveillanceReport", made.toArray())
                .reason("demo surveillance: " + HISTORY_DAYS + " days, " + RISING + " rising in " + risingMunicipality)
                .by(SEEDER));
    }

    /** Whether a facility of this kind reports (treats patients): not the office, the fire department, the town hall. */
    public static boolean reports(FacilityKind kind) {
        return kind.participating() && kind != FacilityKind.PUBLIC_HEALTH_CENTER && kind != FacilityKind.FIRE_DEPARTMENT
                && kind != FacilityKind.MUNICIPALITY;
    }

    private Optional<String> municipality(long facilityId) {
        return profiles.of(facilityId).flatMap(FacilityProfile::municipality);
    }

    /** Knuth's sampler: fine for the small means used here. */
    private static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }
}

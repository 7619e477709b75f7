package org.musubi.secretariat.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.database.Standby;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.smallcounts.SmallCounts;

/**
 * The secretariat's figures (issue 45). The facilities and the 名寄せ queue are read live (a few thousand rows at
 * most); cards, residents, use, two-way facilities and emergency accesses come from the rollup tables, which
 * {@link #refresh} recounts (a scheduled job on one node, or the operator's button). A read-only standby cannot write
 * them: it shows the rollup the primary wrote last (replicated to it) with its time, and refuses to refresh.
 */
public final class Statistics {

    /** Kinds that never send nor view data for themselves: not counted among the facilities two-way is a share of. */
    static final java.util.Set<FacilityKind> NOT_EXCHANGING = java.util.EnumSet.of(FacilityKind.PERSONAL_HEALTH_RECORD,
            FacilityKind.FIRE_DEPARTMENT, FacilityKind.MUNICIPALITY);
    /** Days back use is counted (a year and the month before it). */
    static final int FIRST_COUNT_DAYS = 400;

    private final StatisticsStore store;
    private final Facilities facilities;
    private final FacilityProfiles profiles;
    private final Standby standby;
    private final Clock clock;
    private final SmallCounts smallCounts;

    public Statistics(StatisticsStore store, Facilities facilities, FacilityProfiles profiles, Standby standby,
                      Clock clock, SmallCounts smallCounts) {
        this.store = store;
        this.facilities = facilities;
        this.profiles = profiles;
        this.standby = standby;
        this.clock = clock;
        this.smallCounts = smallCounts;
    }

    /** Today in Japan. */
    public LocalDate today() {
        return Months.day(clock.instant());
    }

    /** Everything the dashboard shows; {@code useMonth}: the month of the per-facility use table (this month if null). */
    public Figures.Dashboard dashboard(YearMonth useMonth) {
        LocalDate today = today();
        List<YearMonth> months = Months.lastYear(today);
        YearMonth first = months.getFirst();
        YearMonth shownUse = useMonth == null || useMonth.isBefore(first) || useMonth.isAfter(months.getLast())
                ? months.getLast() : useMonth;
        List<Facility> all = facilities.all();
        Map<Long, FacilityProfile> byId = profiles.all().stream()
                .collect(Collectors.toMap(FacilityProfile::facilityId, Function.identity()));
        return new Figures.Dashboard(store.rollup(), standby.readOnly(), months, facilityMonths(all, byId, months, today),
                cards(months), residents(), List.of(twoWay(all, byId, today, 30), twoWay(all, byId, today, 90)),
                usage(months), shownUse, use(all, shownUse), store.reviewQueue(clock.instant()), emergency(months),
                smallCounts);
    }

    static List<Figures.FacilityMonth> facilityMonths(List<Facility> all, Map<Long, FacilityProfile> profiles,
                                                       List<YearMonth> months, LocalDate today) {
        List<Figures.FacilityMonth> rows = new ArrayList<>();
        for (YearMonth month : months) {
            LocalDate day = Months.standingDay(month, today);
            Map<FacilityKind, Long> byKind = new EnumMap<>(FacilityKind.class);
            long[] roles = new long[4];
            for (Facility f : all) {
                FacilityProfile p = profiles.get(f.id());
                if (f.kind() == FacilityKind.PERSONAL_HEALTH_RECORD || p == null || !p.partOn(day)) {
                    continue;
                }
                byKind.merge(f.kind(), 1L, Long::sum);
                roles[f.disclosing() ? (f.viewing() ? 2 : 0) : (f.viewing() ? 1 : 3)]++;
            }
            rows.add(new Figures.FacilityMonth(month, byKind, roles[0], roles[1], roles[2], roles[3]));
        }
        return rows;
    }

    private List<Figures.CardMonth> cards(List<YearMonth> months) {
        Map<YearMonth, Figures.CardMonth> stored = store.cardMonths(months.getFirst()).stream()
                .collect(Collectors.toMap(Figures.CardMonth::month, Function.identity()));
        return months.stream().map(m -> stored.getOrDefault(m, new Figures.CardMonth(m, 0, 0))).toList();
    }

    private List<Figures.Residents> residents() {
        Map<String, long[]> counted = store.residents();
        return store.population().stream().map(p -> {
            long[] c = counted.getOrDefault(p.municipality(), new long[2]);
            return new Figures.Residents(p.municipality(), p.population(), c[0], c[1], smallCounts);
        }).toList();
    }

    /** Participating (active, taking part today, of a kind that exchanges data) facilities, and of them two-way ones. */
    private Figures.TwoWay twoWay(List<Facility> all, Map<Long, FacilityProfile> profiles, LocalDate today, int days) {
        Map<Long, StatisticsStore.Flags> flags = store.twoWay(Months.windowStart(today, days));
        long participating = 0;
        long sent = 0;
        long viewed = 0;
        long both = 0;
        for (Facility f : all) {
            FacilityProfile p = profiles.get(f.id());
            if (!f.active() || NOT_EXCHANGING.contains(f.kind()) || p == null || !p.partOn(today)) {
                continue;
            }
            participating++;
            StatisticsStore.Flags flag = flags.getOrDefault(f.id(), new StatisticsStore.Flags(false, false));
            sent += flag.sent() ? 1 : 0;
            viewed += flag.viewed() ? 1 : 0;
            both += flag.sent() && flag.viewed() ? 1 : 0;
        }
        return new Figures.TwoWay(days, participating, sent, viewed, both);
    }

    private List<Figures.UsageMonth> usage(List<YearMonth> months) {
        Map<YearMonth, List<StatisticsStore.UseRow>> rows = store.useByMonth(months.getFirst()).stream()
                .collect(Collectors.groupingBy(StatisticsStore.UseRow::month));
        return months.stream().map(m -> {
            List<StatisticsStore.UseRow> of = rows.getOrDefault(m, List.of());
            return new Figures.UsageMonth(m, of.stream().mapToLong(StatisticsStore.UseRow::views).sum(),
                    of.stream().mapToLong(StatisticsStore.UseRow::imports).sum(),
                    of.stream().mapToLong(StatisticsStore.UseRow::letters).sum(),
                    of.stream().anyMatch(StatisticsStore.UseRow::demoSeeded));
        }).toList();
    }

    private List<Figures.FacilityUse> use(List<Facility> all, YearMonth month) {
        Map<Long, Facility> byId = all.stream().collect(Collectors.toMap(Facility::id, Function.identity()));
        return store.useOf(month).stream().filter(c -> byId.containsKey(c.facilityId())).map(c -> {
            Facility f = byId.get(c.facilityId());
            return new Figures.FacilityUse(f.id(), f.nameKanji(), f.kind(), c.views(), c.imports(), c.letters());
        }).toList();
    }

    private List<Figures.EmergencyMonth> emergency(List<YearMonth> months) {
        Map<YearMonth, long[]> counted = store.emergency(months.getFirst());
        return months.stream().map(m -> {
            long[] c = counted.getOrDefault(m, new long[2]);
            return new Figures.EmergencyMonth(m, c[0], c[1]);
        }).toList();
    }

    /**
     * Recounts the rollups: use on every day of the last 400 an audit row appended since the last count fell on, the
     * cards of the shown months, the residents per municipality; false on a read-only standby (nothing written).
     */
    public boolean refresh() {
        if (standby.readOnly()) {
            return false;
        }
        Instant now = clock.instant();
        LocalDate today = Months.day(now);
        ResidentCount residents = new ResidentCount(store.population().stream()
                .map(StatisticsStore.Population::municipality).toList(), homePrefecture(facilities.all()));
        Instant yearAgo = today.minusYears(1).plusDays(1).atStartOfDay(Months.JAPAN).toInstant();
        store.consentedAddresses(yearAgo, residents::add);
        store.refresh(today.minusDays(FIRST_COUNT_DAYS), Months.lastYear(today).getFirst(), residents.counts(), now);
        return true;
    }

    /** The prefecture most of the network's facilities lie in (null when it has none). */
    static Integer homePrefecture(List<Facility> all) {
        Map<Integer, Long> counts = new java.util.TreeMap<>(all.stream()
                .collect(Collectors.groupingBy(Facility::prefecture, Collectors.counting())));
        Integer home = null;
        long most = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            if (e.getValue() > most) {
                home = e.getKey();
                most = e.getValue();
            }
        }
        return home;
    }

    /** Replaces the population list and recounts the residents; false on a read-only standby. */
    public boolean loadPopulation(List<StatisticsStore.Population> rows, long loadedBy) {
        if (standby.readOnly()) {
            return false;
        }
        store.replacePopulation(rows, loadedBy);
        refresh();
        return true;
    }

    /** Every facility's use in each of the shown months (the CSV), oldest month first. */
    public Map<YearMonth, List<Figures.FacilityUse>> useByMonth() {
        List<Facility> all = facilities.all();
        Map<YearMonth, List<Figures.FacilityUse>> months = new java.util.LinkedHashMap<>();
        Months.lastYear(today()).forEach(m -> months.put(m, use(all, m)));
        return months;
    }

    /** The rollup's time, if it was ever computed. */
    public Optional<Figures.Rollup> rollup() {
        return store.rollup();
    }
}

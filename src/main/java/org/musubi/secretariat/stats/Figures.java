package org.musubi.secretariat.stats;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.registry.FacilityKind;
import org.musubi.smallcounts.SmallCounts;

/** The dashboard's figures, each a plain record (no patient is ever named in one). */
public final class Figures {

    /** Two-way share the cloud-EHR subsidy asks for, in per cent. */
    public static final double TWO_WAY_TARGET = 80;
    /** Registered residents the subsidy asks for within a year, in per cent of the area's population. */
    public static final double RESIDENT_TARGET = 5;

    private Figures() {
    }

    /** Facilities taking part in a month (on its last day, today for this month), by kind and by role. */
    public record FacilityMonth(YearMonth month, Map<FacilityKind, Long> byKind, long disclosingOnly, long viewingOnly,
                                long both, long neither) {

        public long total() {
            return disclosingOnly + viewingOnly + both + neither;
        }

        public long kind(FacilityKind kind) {
            return byKind.getOrDefault(kind, 0L);
        }
    }

    /** Cards issued in a month, by kind (reissues included: each is a card handed out). */
    public record CardMonth(YearMonth month, long regional, long disclosure) {

        public long total() {
            return regional + disclosure;
        }
    }

    /** Registered residents of one municipality of the population list, shown under the small-count rule. */
    public record Residents(String municipality, long population, long residents, long inYear, SmallCounts rule) {

        public String shownResidents() {
            return ShownCounts.count(rule, residents);
        }

        public String shownInYear() {
            return ShownCounts.count(rule, inYear);
        }

        public String shownShare() {
            return ShownCounts.share(rule, residents, population);
        }

        public String shownYearShare() {
            return ShownCounts.share(rule, inYear, population);
        }

        /** Whether the residents who registered in the last 12 months reach the subsidy's 5 % (false when suppressed). */
        public boolean reachesTarget() {
            return !rule.small(inYear) && ShownCounts.percent(inYear, population) >= RESIDENT_TARGET;
        }
    }

    /** Two-way facilities over the last {@code days} days: sent data and viewed, among the participating ones. */
    public record TwoWay(int days, long participating, long sent, long viewed, long both) {

        public double percent() {
            return ShownCounts.percent(both, participating);
        }

        public boolean reachesTarget() {
            return participating > 0 && percent() >= TWO_WAY_TARGET;
        }
    }

    /** The network's use in a month; {@code demoSeeded}: part of it was made up by the demo network's history. */
    public record UsageMonth(YearMonth month, long views, long imports, long letters, boolean demoSeeded) {
    }

    /** One facility's use in a month. */
    public record FacilityUse(long facilityId, String facility, FacilityKind kind, long views, long imports,
                              long letters) {
    }

    /** Emergency accesses opened in a month: break-the-glass by clinicians and by ambulance crews. */
    public record EmergencyMonth(YearMonth month, long breakTheGlass, long crews) {
    }

    /** The 名寄せ review queue now: open reviews, the median and the oldest age in days. */
    public record ReviewQueue(long open, double medianDays, double oldestDays) {
    }

    /** When the rollups were computed. */
    public record Rollup(Instant computedAt, long countedSeq) {
    }

    /** Everything the dashboard shows. {@code rollup}: empty when never computed. */
    public record Dashboard(Optional<Rollup> rollup, boolean readOnly, List<YearMonth> months,
                            List<FacilityMonth> facilities, List<CardMonth> cards, List<Residents> residents,
                            List<TwoWay> twoWay, List<UsageMonth> usage, YearMonth useMonth, List<FacilityUse> use,
                            ReviewQueue queue, List<EmergencyMonth> emergency, SmallCounts smallCounts) {

        public boolean demoSeeded() {
            return usage.stream().anyMatch(UsageMonth::demoSeeded);
        }

        public long population() {
            return residents.stream().mapToLong(Residents::population).sum();
        }

        /** The registered residents of every listed municipality, as they may be shown. */
        public String shownResidentTotal() {
            return ShownCounts.total(smallCounts, residents.stream().map(Residents::residents).toList());
        }

        public String shownInYearTotal() {
            return ShownCounts.total(smallCounts, inYears());
        }

        /** The area's share registered in the last 12 months (suppressed as the total is). */
        public String shownYearShare() {
            if (smallCounts.totalHidden(inYears())) {
                return ShownCounts.SUPPRESSED_SHARE;
            }
            return ShownCounts.share(smallCounts, residents.stream().mapToLong(Residents::inYear).sum(), population());
        }

        private List<Long> inYears() {
            return residents.stream().map(Residents::inYear).toList();
        }
    }
}

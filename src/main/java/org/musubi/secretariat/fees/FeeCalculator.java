package org.musubi.secretariat.fees;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.profile.FacilityProfile;

/**
 * A facility's fee for a month under the rules in force (pure; no clock, no database). The base fee (by kind, or by bed
 * band for a hospital), cut to the viewing-only share for a facility that views but does not disclose; the disclosing
 * surcharge; both for the part of the month the facility took part in when it started or left during the month
 * ({@link FeeRules.PartMonth}: the whole month, nothing, or pro rata by days, each line rounded down to the yen). Items
 * are in Japanese, as printed.
 */
public final class FeeCalculator {

    private FeeCalculator() {
    }

    /** Why a participating facility pays nothing this month. */
    public enum Free {
        /** Its kind is free. */
        FREE_KIND,
        /** It started or left this month, and such a month is free. */
        PART_MONTH,
        /** The rules charge its kind and roles nothing. */
        NO_FEE
    }

    /** The month's fee: its lines (empty when free, with the reason); {@code days} taken part of {@code daysInMonth}. */
    public record Fee(long facilityId, List<InvoiceLine> lines, Optional<Free> free, int days, int daysInMonth) {

        public Fee {
            lines = List.copyOf(lines);
        }

        public long amount() {
            return lines.stream().mapToLong(InvoiceLine::amount).sum();
        }
    }

    /** The days of {@code month} the facility took part in (0: none). */
    public static int daysTakenPart(FacilityProfile profile, YearMonth month) {
        int days = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (profile.partOn(day)) {
                days++;
            }
        }
        return days;
    }

    /** The fee of a facility taking part in {@code month} (at least one day); see the class. */
    public static Fee fee(FeeRules rules, Facility facility, FacilityProfile profile, YearMonth month) {
        int days = daysTakenPart(profile, month);
        int daysInMonth = month.lengthOfMonth();
        if (days == 0) {
            throw new IllegalArgumentException("facility " + facility.id() + " took no part in " + month);
        }
        if (rules.freeKinds().contains(facility.kind())) {
            return new Fee(facility.id(), List.of(), Optional.of(Free.FREE_KIND), days, daysInMonth);
        }
        FeeRules.PartMonth part = part(rules, profile, month, days, daysInMonth);
        if (part == FeeRules.PartMonth.FREE) {
            return new Fee(facility.id(), List.of(), Optional.of(Free.PART_MONTH), days, daysInMonth);
        }
        String period = part == FeeRules.PartMonth.PRO_RATA ? "（日割 " + days + "/" + daysInMonth + "日）" : "";
        String monthText = month.getYear() + "年" + month.getMonthValue() + "月分";
        List<InvoiceLine> lines = new ArrayList<>();
        Base base = base(rules, facility, profile);
        long baseAmount = base.amount;
        String baseItem = "参加費（" + base.label + "）" + monthText;
        if (facility.viewing() && !facility.disclosing() && rules.viewingOnlyPercent() < 100) {
            baseAmount = baseAmount * rules.viewingOnlyPercent() / 100;
            baseItem += "（参照のみ " + rules.viewingOnlyPercent() + "%）";
        }
        add(lines, base.code, baseItem + period, prorate(baseAmount, part, days, daysInMonth));
        if (facility.disclosing()) {
            add(lines, "DISCLOSING", "開示施設加算 " + monthText + period,
                    prorate(rules.disclosingSurcharge(), part, days, daysInMonth));
        }
        return new Fee(facility.id(), lines, lines.isEmpty() ? Optional.of(Free.NO_FEE) : Optional.empty(), days,
                daysInMonth);
    }

    private static void add(List<InvoiceLine> lines, String code, String item, long amount) {
        if (amount > 0) {
            lines.add(new InvoiceLine(code, item, amount, InvoiceLine.STANDARD_RATE));
        }
    }

    private record Base(String code, String label, long amount) {
    }

    private static Base base(FeeRules rules, Facility facility, FacilityProfile profile) {
        FacilityKind kind = facility.kind();
        String kindName = KIND_NAMES.getOrDefault(kind, kind.name());
        if (kind == FacilityKind.HOSPITAL) {
            var band = rules.bandFor(profile.beds());
            if (band.isPresent()) {
                var upTo = rules.upTo(band.get());
                String beds = upTo.isPresent() ? band.get().fromBeds() + "〜" + upTo.getAsInt() + "床"
                        : band.get().fromBeds() + "床以上";
                if (profile.beds().isEmpty()) {
                    beds += "・病床数未登録";
                }
                return new Base("BASE-HOSPITAL-" + band.get().fromBeds(), kindName + " " + beds, band.get().amount());
            }
        }
        return new Base("BASE-" + kind.name(), kindName, rules.monthly().getOrDefault(kind, 0L));
    }

    /** The names printed on invoices (the paper's language is Japanese), as the bundle's {@code kind.*}. */
    private static final java.util.Map<FacilityKind, String> KIND_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry(FacilityKind.HOSPITAL, "病院"), java.util.Map.entry(FacilityKind.CLINIC, "診療所"),
            java.util.Map.entry(FacilityKind.DENTAL_CLINIC, "歯科診療所"), java.util.Map.entry(FacilityKind.PHARMACY, "薬局"),
            java.util.Map.entry(FacilityKind.HOME_NURSING_STATION, "訪問看護ステーション"),
            java.util.Map.entry(FacilityKind.CARE_FACILITY, "介護施設・居宅介護支援事業所"),
            java.util.Map.entry(FacilityKind.LAB_CENTRE, "検査センター"),
            java.util.Map.entry(FacilityKind.CHECKUP_CENTRE, "健診センター"),
            java.util.Map.entry(FacilityKind.FIRE_DEPARTMENT, "消防本部"),
            java.util.Map.entry(FacilityKind.MUNICIPALITY, "市区町村"), java.util.Map.entry(FacilityKind.OTHER, "その他"));

    /** FULL unless the facility started after the 1st or left before the last day: FREE over PRO_RATA over FULL. */
    static FeeRules.PartMonth part(FeeRules rules, FacilityProfile profile, YearMonth month, int days, int daysInMonth) {
        if (days == daysInMonth) {
            return FeeRules.PartMonth.FULL;
        }
        boolean started = YearMonth.from(profile.joinedOn()).equals(month) && profile.joinedOn().getDayOfMonth() > 1;
        boolean left = profile.leftOn().map(l -> YearMonth.from(l).equals(month) && !l.equals(month.atEndOfMonth()))
                .orElse(false);
        List<FeeRules.PartMonth> parts = new ArrayList<>();
        if (started) {
            parts.add(rules.joinMonth());
        }
        if (left) {
            parts.add(rules.leaveMonth());
        }
        if (parts.contains(FeeRules.PartMonth.FREE)) {
            return FeeRules.PartMonth.FREE;
        }
        return parts.contains(FeeRules.PartMonth.PRO_RATA) ? FeeRules.PartMonth.PRO_RATA : FeeRules.PartMonth.FULL;
    }

    static long prorate(long amount, FeeRules.PartMonth part, int days, int daysInMonth) {
        return part == FeeRules.PartMonth.PRO_RATA ? amount * days / daysInMonth : amount;
    }
}

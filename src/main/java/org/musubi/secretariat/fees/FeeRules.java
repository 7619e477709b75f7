package org.musubi.secretariat.fees;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.musubi.registry.FacilityKind;

/**
 * The fee rules from a month on: every amount is yen per month <b>before consumption tax</b> (税抜; the invoice adds the
 * tax per rate, {@link TaxTotals}). {@code monthly}: a kind's flat fee (a kind not named pays nothing); hospitals pay
 * by {@code hospitalBands} (the band whose lower bound is the greatest at or below the hospital's beds; a hospital
 * whose beds are not told pays the lowest band; without bands, the flat {@code HOSPITAL} fee); {@code freeKinds} pay
 * nothing whatever else says (care facilities, municipalities); {@code disclosingSurcharge}: added for a facility that
 * discloses (開示); {@code viewingOnlyPercent}: the share of the base fee a facility that views but does not disclose
 * pays (100: the same). {@code joinMonth} / {@code leaveMonth}: what the month a facility started or left on a day
 * other than the month's first / last costs.
 */
public record FeeRules(YearMonth effectiveFrom, Map<FacilityKind, Long> monthly, List<Band> hospitalBands,
                       Set<FacilityKind> freeKinds, long disclosingSurcharge, int viewingOnlyPercent,
                       PartMonth joinMonth, PartMonth leaveMonth) {

    public static final long MAX_FEE = 10_000_000L;
    public static final int MAX_BEDS = 10_000;

    /** Hospitals with at least {@code fromBeds} beds (up to the next band's bound) pay {@code amount}. */
    public record Band(int fromBeds, long amount) {
    }

    /** What a month a facility took part in only on some days costs. */
    public enum PartMonth {
        /** The whole month's fee. */
        FULL,
        /** Nothing. */
        FREE,
        /** The fee × days taken part ÷ days of the month, rounded down to the yen. */
        PRO_RATA
    }

    public FeeRules {
        java.util.Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Map<FacilityKind, Long> amounts = new EnumMap<>(FacilityKind.class);
        amounts.putAll(monthly);
        monthly = Map.copyOf(amounts);
        hospitalBands = hospitalBands.stream().sorted(Comparator.comparingInt(Band::fromBeds)).toList();
        freeKinds = freeKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(freeKinds));
        java.util.Objects.requireNonNull(joinMonth, "joinMonth");
        java.util.Objects.requireNonNull(leaveMonth, "leaveMonth");
        if (monthly.values().stream().anyMatch(a -> a < 0 || a > MAX_FEE) || disclosingSurcharge < 0
                || disclosingSurcharge > MAX_FEE || viewingOnlyPercent < 0 || viewingOnlyPercent > 100) {
            throw new IllegalArgumentException("fees are 0 to " + MAX_FEE + " yen, the viewing-only share 0 to 100 %");
        }
        for (int i = 0; i < hospitalBands.size(); i++) {
            Band band = hospitalBands.get(i);
            if (band.fromBeds() < 0 || band.fromBeds() > MAX_BEDS || band.amount() < 0 || band.amount() > MAX_FEE
                    || i > 0 && hospitalBands.get(i - 1).fromBeds() == band.fromBeds()) {
                throw new IllegalArgumentException("bands start at distinct bed counts 0 to " + MAX_BEDS);
            }
        }
    }

    /** Nothing charged: the rules in force before an operator set any. */
    public static FeeRules none(YearMonth from) {
        return new FeeRules(from, Map.of(), List.of(), Set.of(), 0, 100, PartMonth.FULL, PartMonth.FULL);
    }

    /** The band a hospital of {@code beds} beds pays (empty beds: the lowest); empty when there are no bands. */
    public java.util.Optional<Band> bandFor(java.util.Optional<Integer> beds) {
        if (hospitalBands.isEmpty()) {
            return java.util.Optional.empty();
        }
        Band found = hospitalBands.getFirst();
        for (Band band : hospitalBands) {
            if (beds.isPresent() && beds.get() >= band.fromBeds()) {
                found = band;
            }
        }
        return java.util.Optional.of(found);
    }

    /** The upper bound of {@code band} (the next band's lower bound − 1), empty for the highest band. */
    public java.util.OptionalInt upTo(Band band) {
        int i = hospitalBands.indexOf(band);
        return i >= 0 && i + 1 < hospitalBands.size() ? java.util.OptionalInt.of(hospitalBands.get(i + 1).fromBeds() - 1)
                : java.util.OptionalInt.empty();
    }

    /** The rules as stored: one {@code key=value} per line (a {@link Properties} text), read back by {@link #read}. */
    public String write() {
        StringBuilder text = new StringBuilder();
        text.append("effectiveFrom=").append(effectiveFrom).append('\n');
        monthly.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append("monthly.").append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        for (int i = 0; i < hospitalBands.size(); i++) {
            text.append("band.").append(i).append('=').append(hospitalBands.get(i).fromBeds()).append(':')
                    .append(hospitalBands.get(i).amount()).append('\n');
        }
        text.append("free=").append(String.join(",", freeKinds.stream().sorted().map(Enum::name).toList())).append('\n');
        text.append("disclosingSurcharge=").append(disclosingSurcharge).append('\n');
        text.append("viewingOnlyPercent=").append(viewingOnlyPercent).append('\n');
        text.append("joinMonth=").append(joinMonth).append('\n');
        text.append("leaveMonth=").append(leaveMonth).append('\n');
        return text.toString();
    }

    /** The rules {@link #write} wrote. */
    public static FeeRules read(String text) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<FacilityKind, Long> monthly = new EnumMap<>(FacilityKind.class);
        List<Band> bands = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("monthly.")) {
                monthly.put(FacilityKind.valueOf(key.substring(8)), Long.parseLong(p.getProperty(key)));
            } else if (key.startsWith("band.")) {
                String[] parts = p.getProperty(key).split(":");
                bands.add(new Band(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
            }
        }
        Function<String, Set<FacilityKind>> kinds = list -> list.isBlank() ? Set.of()
                : EnumSet.copyOf(java.util.Arrays.stream(list.split(",")).map(FacilityKind::valueOf).toList());
        return new FeeRules(YearMonth.parse(p.getProperty("effectiveFrom")), monthly, bands,
                kinds.apply(p.getProperty("free", "")), Long.parseLong(p.getProperty("disclosingSurcharge", "0")),
                Integer.parseInt(p.getProperty("viewingOnlyPercent", "100")),
                PartMonth.valueOf(p.getProperty("joinMonth", "FULL")), PartMonth.valueOf(p.getProperty("leaveMonth", "FULL")));
    }
}

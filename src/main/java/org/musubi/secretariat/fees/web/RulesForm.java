package org.musubi.secretariat.fees.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FieldFault;
import org.musubi.secretariat.fees.FeeRules;
import org.springframework.util.MultiValueMap;

/**
 * The rules screen's fields read into {@link FeeRules}, each fault naming its field: {@code from} (YYYY-MM),
 * {@code monthly.KIND}, {@code bandFrom}/{@code bandAmount} (rows; an empty row is skipped), {@code free} (kinds),
 * {@code disclosingSurcharge}, {@code viewingOnlyPercent}, {@code joinMonth}, {@code leaveMonth}.
 */
final class RulesForm {

    /** The rows of bands the screen offers. */
    static final int BAND_ROWS = 6;

    private RulesForm() {
    }

    static FeeRules read(MultiValueMap<String, String> form, List<FieldFault> faults) {
        YearMonth from = null;
        try {
            from = YearMonth.parse(one(form, "from"));
        } catch (DateTimeParseException e) {
            faults.add(FieldFault.of("from", "fees.fault.from"));
        }
        Map<FacilityKind, Long> monthly = new EnumMap<>(FacilityKind.class);
        for (FacilityKind kind : FacilityKind.participatingKinds()) {
            String text = one(form, "monthly." + kind.name());
            if (!text.isEmpty()) {
                long amount = yen(text, "monthly." + kind.name(), faults);
                monthly.put(kind, amount);
            }
        }
        List<FeeRules.Band> bands = new ArrayList<>();
        List<String> bandFrom = form.getOrDefault("bandFrom", List.of());
        List<String> bandAmount = form.getOrDefault("bandAmount", List.of());
        Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < Math.max(bandFrom.size(), bandAmount.size()); i++) {
            String beds = i < bandFrom.size() ? bandFrom.get(i).strip() : "";
            String amount = i < bandAmount.size() ? bandAmount.get(i).strip() : "";
            if (beds.isEmpty() && amount.isEmpty()) {
                continue;
            }
            int lower = count(beds, 0, FeeRules.MAX_BEDS, "bandFrom", i + 1, faults);
            long yen = yen(amount, "bandAmount", faults);
            if (lower >= 0 && !seen.add(lower)) {
                faults.add(FieldFault.of("bandFrom", "fees.fault.bandTwice", i + 1));
            }
            bands.add(new FeeRules.Band(Math.max(lower, 0), yen));
        }
        Set<FacilityKind> free = EnumSet.noneOf(FacilityKind.class);
        for (String kind : form.getOrDefault("free", List.of())) {
            try {
                free.add(FacilityKind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                faults.add(FieldFault.of("free", "fees.fault.kind"));
            }
        }
        long surcharge = yen(one(form, "disclosingSurcharge").isEmpty() ? "0" : one(form, "disclosingSurcharge"),
                "disclosingSurcharge", faults);
        int percent = count(one(form, "viewingOnlyPercent").isEmpty() ? "100" : one(form, "viewingOnlyPercent"), 0,
                100, "viewingOnlyPercent", 0, faults);
        FeeRules.PartMonth join = part(one(form, "joinMonth"), "joinMonth", faults);
        FeeRules.PartMonth leave = part(one(form, "leaveMonth"), "leaveMonth", faults);
        return faults.isEmpty() ? new FeeRules(from, monthly, bands, free, surcharge, percent, join, leave) : null;
    }

    private static String one(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static long yen(String text, String field, List<FieldFault> faults) {
        try {
            long amount = Long.parseLong(text.replace(",", "").replace("，", ""));
            if (amount >= 0 && amount <= FeeRules.MAX_FEE) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        faults.add(FieldFault.of(field, "fees.fault.yen", FeeRules.MAX_FEE));
        return 0;
    }

    private static int count(String text, int min, int max, String field, int row, List<FieldFault> faults) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        faults.add(FieldFault.of(field, "fees.fault." + field, row, min, max));
        return -1;
    }

    private static FeeRules.PartMonth part(String text, String field, List<FieldFault> faults) {
        try {
            return FeeRules.PartMonth.valueOf(text);
        } catch (IllegalArgumentException e) {
            faults.add(FieldFault.of(field, "fees.fault.partMonth"));
            return FeeRules.PartMonth.FULL;
        }
    }
}

package org.musubi.phr.checkups;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.musubi.registry.FieldFault;

/**
 * Reads the paper-result form: the day (required; not in the future, not before 1900), the place (up to {@value
 * #MAX_PLACE} characters), and each key value typed (full-width digits read as digits; at most two decimals), each
 * within its item's possible range, and a systolic pressure above the diastolic. A form with no value and no photo is
 * refused. Every fault names its field ({@code date}, {@code place}, an item's key, {@code values}); a refused form
 * stores nothing.
 */
public final class PaperForm {

    public static final int MAX_PLACE = 100;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}(\\.\\d{1,2})?");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private PaperForm() {
    }

    /** The entry, or the faults of the form. */
    public record Read(PaperEntry entry, List<FieldFault> faults) {

        public Read {
            faults = List.copyOf(faults);
        }

        public boolean valid() {
            return faults.isEmpty();
        }
    }

    /** Reads {@code form} ({@code withPhoto}: a photo comes with it) on {@code today} (Japan). */
    public static Read read(Map<String, String> form, boolean withPhoto, LocalDate today) {
        List<FieldFault> faults = new ArrayList<>();
        LocalDate date = date(form.get("date"), today, faults);
        String place = form.getOrDefault("place", "").strip();
        if (place.length() > MAX_PLACE) {
            faults.add(FieldFault.of("place", "phr.checkups.fault.tooLong", MAX_PLACE));
        }
        Map<PaperItem, BigDecimal> values = new EnumMap<>(PaperItem.class);
        for (PaperItem item : PaperItem.values()) {
            String typed = item.typed() ? normal(form.get(item.key())) : "";
            if (typed.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(typed).matches()) {
                faults.add(FieldFault.of(item.key(), "phr.checkups.fault.number"));
                continue;
            }
            BigDecimal value = new BigDecimal(typed);
            if (value.compareTo(item.min()) < 0 || value.compareTo(item.max()) > 0) {
                faults.add(FieldFault.of(item.key(), "phr.checkups.fault.range", item.min().toPlainString(),
                        item.max().toPlainString(), item.unit()));
                continue;
            }
            values.put(item, value);
        }
        BigDecimal systolic = values.get(PaperItem.SYSTOLIC);
        BigDecimal diastolic = values.get(PaperItem.DIASTOLIC);
        if (systolic != null && diastolic != null && systolic.compareTo(diastolic) <= 0) {
            faults.add(FieldFault.of(PaperItem.DIASTOLIC.key(), "phr.checkups.fault.pressure"));
        }
        if (faults.isEmpty() && values.isEmpty() && !withPhoto) {
            faults.add(FieldFault.of("values", "phr.checkups.fault.empty"));
        }
        return faults.isEmpty() ? new Read(new PaperEntry(date, place.isEmpty() ? null : place, values), List.of())
                : new Read(null, faults);
    }

    private static LocalDate date(String typed, LocalDate today, List<FieldFault> faults) {
        String text = normal(typed).replace('/', '-');
        if (text.isEmpty()) {
            faults.add(FieldFault.of("date", "phr.checkups.fault.dateMissing"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(today) || date.isBefore(EARLIEST)) {
                faults.add(FieldFault.of("date", "phr.checkups.fault.dateRange"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            faults.add(FieldFault.of("date", "phr.checkups.fault.dateMissing"));
            return null;
        }
    }

    private static String normal(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    }
}

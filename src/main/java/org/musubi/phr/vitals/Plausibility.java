package org.musubi.phr.vitals;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.musubi.registry.FieldFault;

/**
 * Whether what a resident typed can be recorded: each value a number with no more decimals than its measure takes,
 * within the physiologically possible range ({@link Vital#min()}–{@link Vital#max()}); systolic and diastolic
 * pressure both or neither, systolic above diastolic; a moment neither in the future nor before 1900; at least one
 * value. Every fault is named by its field ({@link Vital#key()}, {@code when}, {@code bloodPressure}, {@code entry});
 * an entry with any fault is refused whole. Typed text is read after NFKC (full-width digits), with thousands
 * separators allowed.
 */
public final class Plausibility {

    /** How far past the server's clock a moment may be (a phone's clock runs a little ahead). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final List<DateTimeFormatter> MOMENTS = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"), DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm"),
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm"), DateTimeFormatter.ofPattern("uuuu/M/d H:mm"));
    private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/M/d"));

    private Plausibility() {
    }

    /** The outcome: an entry to record, or the faults that refuse it (then {@code entry} is null). */
    public record Checked(VitalsEntry entry, List<FieldFault> faults) {

        public Checked {
            faults = List.copyOf(faults);
        }

        public boolean valid() {
            return faults.isEmpty();
        }
    }

    /**
     * Checks one entry as typed: {@code when} the moment, {@code typed} each measure's text by its key (blank or
     * absent: not measured); {@code now} for the latest possible moment.
     */
    public static Checked check(String when, Map<String, String> typed, Instant now) {
        List<FieldFault> faults = new ArrayList<>();
        Optional<LocalDateTime> at = moment(when, now, faults);
        Map<Vital, BigDecimal> values = new EnumMap<>(Vital.class);
        for (Vital vital : Vital.enteredValues()) {
            String text = typed.get(vital.key());
            if (text != null && !text.isBlank()) {
                fault(vital, text).ifPresentOrElse(faults::add, () -> values.put(vital, number(vital, text)));
            }
        }
        pressure(values, typed, faults);
        if (values.isEmpty() && faults.stream().noneMatch(f -> Vital.ofKey(f.field()).isPresent())) {
            faults.add(FieldFault.of("entry", "phr.vitals.fault.nothing"));
        }
        if (!faults.isEmpty() || at.isEmpty()) {
            return new Checked(null, faults);
        }
        return new Checked(new VitalsEntry(at.get(), values), List.of());
    }

    /** The value typed for {@code vital} when it is plausible. */
    public static Optional<BigDecimal> value(Vital vital, String text) {
        return fault(vital, text).isPresent() ? Optional.empty() : Optional.of(number(vital, text));
    }

    /** Why the text typed for {@code vital} cannot be recorded, if it cannot. */
    public static Optional<FieldFault> fault(Vital vital, String text) {
        String normal = normal(text);
        if (!NUMBER.matcher(normal).matches()) {
            return Optional.of(FieldFault.of(vital.key(), "phr.vitals.fault.number"));
        }
        BigDecimal value = new BigDecimal(normal);
        if (value.compareTo(vital.scale().min()) < 0 || value.compareTo(vital.scale().max()) > 0) {
            return Optional.of(FieldFault.of(vital.key(), "phr.vitals.fault.range", vital.scale().min().toPlainString(),
                    vital.scale().max().toPlainString()));
        }
        if (value.stripTrailingZeros().scale() > vital.scale().decimals()) {
            return Optional.of(vital.scale().decimals() == 0 ? FieldFault.of(vital.key(), "phr.vitals.fault.whole")
                    : FieldFault.of(vital.key(), "phr.vitals.fault.decimals", vital.scale().decimals()));
        }
        return Optional.empty();
    }

    /** The moment typed ({@code 2026-11-24T08:30}, {@code 2026-11-24 08:30}, {@code 2026/11/24 8:30} or a day alone). */
    public static Optional<LocalDateTime> moment(String text, Instant now, List<FieldFault> faults) {
        Optional<LocalDateTime> at = parse(text == null ? "" : normal(text));
        if (at.isEmpty()) {
            faults.add(FieldFault.of("when", "phr.vitals.fault.when"));
        } else if (at.get().atZone(VitalsEntry.JAPAN).toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            faults.add(FieldFault.of("when", "phr.vitals.fault.future"));
            return Optional.empty();
        } else if (at.get().toLocalDate().isBefore(EARLIEST)) {
            faults.add(FieldFault.of("when", "phr.vitals.fault.tooOld"));
            return Optional.empty();
        }
        return at;
    }

    /** Blood pressure: both values or neither, systolic above diastolic (checked only when both are plausible). */
    private static void pressure(Map<Vital, BigDecimal> values, Map<String, String> typed, List<FieldFault> faults) {
        boolean systolic = present(typed, Vital.SYSTOLIC);
        boolean diastolic = present(typed, Vital.DIASTOLIC);
        if (systolic != diastolic) {
            faults.add(FieldFault.of("bloodPressure", "phr.vitals.fault.pair"));
        } else if (values.containsKey(Vital.SYSTOLIC) && values.containsKey(Vital.DIASTOLIC)
                && values.get(Vital.SYSTOLIC).compareTo(values.get(Vital.DIASTOLIC)) <= 0) {
            faults.add(FieldFault.of("bloodPressure", "phr.vitals.fault.order"));
        }
    }

    private static boolean present(Map<String, String> typed, Vital vital) {
        String text = typed.get(vital.key());
        return text != null && !text.isBlank();
    }

    private static Optional<LocalDateTime> parse(String text) {
        for (DateTimeFormatter format : MOMENTS) {
            try {
                return Optional.of(LocalDateTime.parse(text, format));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        for (DateTimeFormatter format : DAYS) {
            try {
                return Optional.of(LocalDate.parse(text, format).atStartOfDay());
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    /** The number as typed, with trailing zeros beyond the measure's decimals dropped ({@code 65.00} kg: 65.0). */
    private static BigDecimal number(Vital vital, String text) {
        BigDecimal value = new BigDecimal(normal(text));
        return value.scale() > vital.scale().decimals() ? value.setScale(vital.scale().decimals()) : value;
    }

    private static String normal(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return GROUPED.matcher(normal).matches() ? normal.replace(",", "") : normal;
    }
}

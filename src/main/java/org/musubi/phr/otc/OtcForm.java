package org.musubi.phr.otc;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musubi.registry.FieldFault;

/**
 * An OTC drug or supplement as the form posts it ({@code kind}, {@code name}, {@code dose}, {@code since}, {@code until},
 * {@code note}), read into {@link OtcEntry.Values} or refused with faults naming each field: the kind and the name are
 * required, texts have a length limit and no control characters, dates are {@code yyyy-MM-dd} (full-width digits read
 * as ASCII), the start no later than today and the end not before the start.
 */
final class OtcForm {

    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 200;
    static final int MAX_NOTE = 1000;
    private final Map<String, String> form;
    private final List<FieldFault> faults = new ArrayList<>();

    private OtcForm(Map<String, String> form) {
        this.form = form;
    }

    /** The outcome: the values, or the faults that refuse the form (then {@code values} is null). */
    public record Read(OtcEntry.Values values, List<FieldFault> faults) {
        public Read {
            faults = List.copyOf(faults);
        }

        public boolean valid() {
            return faults.isEmpty();
        }
    }

    /** Reads {@code form}, {@code today} being the day in Japan. */
    public static Read read(Map<String, String> form, LocalDate today) {
        return new OtcForm(form).values(today);
    }

    private Read values(LocalDate today) {
        OtcKind kind = kind();
        String name = text("name", MAX_NAME, true);
        String dose = text("dose", MAX_TEXT, false);
        LocalDate since = date("since", true);
        LocalDate until = date("until", false);
        String note = text("note", MAX_NOTE, false);
        if (since != null && since.isAfter(today)) {
            faults.add(FieldFault.of("since", "phr.otc.fault.future"));
        }
        if (since != null && until != null && until.isBefore(since)) {
            faults.add(FieldFault.of("until", "phr.otc.fault.beforeSince"));
        }
        return faults.isEmpty() ? new Read(new OtcEntry.Values(kind, name, dose, since, until, note), List.of())
                : new Read(null, faults);
    }

    private OtcKind kind() {
        String value = form.get("kind");
        if (blank(value)) {
            faults.add(FieldFault.of("kind", "phr.otc.fault.required"));
            return null;
        }
        OtcKind kind = OtcKind.of(value.strip()).orElse(null);
        if (kind == null) {
            faults.add(FieldFault.of("kind", "phr.otc.fault.choice"));
        }
        return kind;
    }

    private String text(String field, int max, boolean required) {
        String value = form.get(field);
        if (blank(value)) {
            if (required) {
                faults.add(FieldFault.of(field, "phr.otc.fault.required"));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            faults.add(FieldFault.of(field, "phr.otc.fault.tooLong", String.valueOf(max)));
            return null;
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            faults.add(FieldFault.of(field, "phr.otc.fault.control"));
            return null;
        }
        return stripped;
    }

    private LocalDate date(String field, boolean required) {
        String value = form.get(field);
        if (blank(value)) {
            if (required) {
                faults.add(FieldFault.of(field, "phr.otc.fault.required"));
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(Normalizer.normalize(value.strip(), Normalizer.Form.NFKC));
            if (date.getYear() < 1900) {
                faults.add(FieldFault.of(field, "phr.otc.fault.date"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            faults.add(FieldFault.of(field, "phr.otc.fault.date"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

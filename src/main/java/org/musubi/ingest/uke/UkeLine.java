package org.musubi.ingest.uke;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One record of a UKE file: its line number (1-based), its record type (the first field, e.g. {@code RE}) and its
 * fields as sent, numbered as the 記録条件仕様 numbers them (field 1 is the record type). The accessors name the field
 * in Japanese, so that a fault says which one ({@link UkeFault}).
 */
record UkeLine(int number, String type, List<String> fields) {

    UkeLine {
        fields = List.copyOf(fields);
    }

    static UkeLine parse(int number, String text) {
        List<String> fields = List.of(text.split(",", -1));
        return new UkeLine(number, fields.getFirst().strip(), fields);
    }

    /** Field {@code index} (1-based) stripped of blanks, or null when absent or empty. */
    String optional(int index) {
        if (index > fields.size()) {
            return null;
        }
        String value = fields.get(index - 1).strip();
        return value.isEmpty() ? null : value;
    }

    String required(int index, String name) {
        String value = optional(index);
        if (value == null) {
            throw new UkeFault(this, name, "uke.field.missing", name);
        }
        return value;
    }

    /** A field of ASCII digits only, of one of the {@code lengths} given (none: any length), or null when empty. */
    String digits(int index, String name, int... lengths) {
        String value = optional(index);
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new UkeFault(this, name, "uke.field.digits", name, value);
            }
        }
        if (lengths.length > 0 && java.util.Arrays.stream(lengths).noneMatch(l -> l == value.length())) {
            throw new UkeFault(this, name, "uke.field.length", name, value);
        }
        return value;
    }

    String requiredDigits(int index, String name, int... lengths) {
        required(index, name);
        return digits(index, name, lengths);
    }

    /** A number as sent (digits and at most one point), or null when empty; kept exactly. */
    BigDecimal decimal(int index, String name) {
        String value = optional(index);
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,12}(\\.[0-9]{1,8})?")) {
            throw new UkeFault(this, name, "uke.field.number", name, value);
        }
        return new BigDecimal(value);
    }

    Integer integer(int index, String name) {
        String value = digits(index, name);
        if (value == null) {
            return null;
        }
        if (value.length() > 6) {
            throw new UkeFault(this, name, "uke.field.number", name, value);
        }
        return Integer.valueOf(value);
    }

    LocalDate date(int index, String name) {
        String value = optional(index);
        if (value == null) {
            return null;
        }
        return UkeDates.date(value).orElseThrow(() -> new UkeFault(this, name, "uke.field.date", name, value));
    }

    YearMonth month(int index, String name) {
        String value = required(index, name);
        return UkeDates.month(value).orElseThrow(() -> new UkeFault(this, name, "uke.field.month", name, value));
    }

    UkeFault fault(String name, String code, Object... args) {
        return new UkeFault(this, name, code, args);
    }
}

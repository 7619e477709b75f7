package org.musubi.ingest.checkup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of a checkup document: HL7 v3 TS values, {@code YYYYMMDD} optionally followed by a time of day and a
 * zone ({@code 20240515}, {@code 202405150930}, {@code 20240515093000+0900}); only the day is used. An impossible day
 * ({@code 20240230}) is no date.
 */
final class CheckupDates {

    private static final Pattern TS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:\\d{2}(?:\\d{2}(?:\\d{2}(?:\\.\\d{1,4})?)?)?)?"
            + "(?:[+-]\\d{4})?");

    private CheckupDates() {
    }

    static Optional<LocalDate> date(String value) {
        if (value == null || value.length() > 30) {
            return Optional.empty();
        }
        Matcher ts = TS.matcher(value.strip());
        if (!ts.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(ts.group(1)), Integer.parseInt(ts.group(2)),
                    Integer.parseInt(ts.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

package org.musubi.deid;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** FHIR date, dateTime and instant strings: recognising, shifting by days, generalising (issue 48, deid). */
final class FhirDates {

    /** year[-month[-day[Thh:mm[:ss[.fff]][zone]]]] */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?)?)?)?");

    private FhirDates() {
    }

    /** Whether the string is a FHIR date or dateTime with at least a month (a bare year is only a date by its name). */
    static boolean looksLikeDate(String value) {
        return value.length() >= 7 && value.length() <= 35 && value.charAt(4) == '-'
                && DATE.matcher(value).matches();
    }

    static boolean isDate(String value) {
        return value.length() >= 4 && value.length() <= 35 && DATE.matcher(value).matches();
    }

    /**
     * The date moved by {@code days}; the time of day and zone are kept as written, a year-month moves with its first
     * day, a bare year stays (it carries less than the shift). Null when the string is not a date.
     */
    static String shift(String value, int days) {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        if (m.group(2) == null) {
            return value;
        }
        try {
            if (m.group(3) == null) {
                LocalDate moved = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                        .atDay(1).plusDays(days);
                return YearMonth.from(moved).toString();
            }
            LocalDate moved = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).plusDays(days);
            return moved + (m.group(4) == null ? "" : m.group(4));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The date cut to {@code year} or {@code year-month}; null when it is not a date. */
    static String truncate(String value, String to) {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        if ("year".equals(to) || m.group(2) == null) {
            return m.group(1);
        }
        return m.group(1) + "-" + m.group(2);
    }
}

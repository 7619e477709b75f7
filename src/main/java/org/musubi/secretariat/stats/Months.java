package org.musubi.secretariat.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The months the statistics count in: Japan's calendar months (a row made at 2026-03-31T16:00Z falls in April, Japan
 * time), the last twelve ending with the current one.
 */
public final class Months {

    /** The network's time zone: months and days are Japan's. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** How many months the dashboard shows. */
    public static final int SHOWN = 12;

    private Months() {
    }

    /** The month (Japan time) of an instant. */
    public static YearMonth of(Instant at) {
        return YearMonth.from(at.atZone(JAPAN));
    }

    /** The day (Japan time) of an instant. */
    public static LocalDate day(Instant at) {
        return at.atZone(JAPAN).toLocalDate();
    }

    /** The last {@link #SHOWN} months, oldest first, ending with the month of {@code today}. */
    public static List<YearMonth> lastYear(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>(SHOWN);
        for (int back = SHOWN - 1; back >= 0; back--) {
            months.add(current.minusMonths(back));
        }
        return months;
    }

    /**
     * The day a month's standing is read on: its last day, or {@code today} for the current month (a facility counts
     * in a month when it took part on that day).
     */
    public static LocalDate standingDay(YearMonth month, LocalDate today) {
        return month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
    }

    /** The first day counted in a window of {@code days} days ending with {@code today}. */
    public static LocalDate windowStart(LocalDate today, int days) {
        return today.minusDays(days - 1L);
    }
}

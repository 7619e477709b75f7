package org.musubi.ingest.uke;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Dates as the 記録条件仕様 writes them: 和暦 with the era digit first ({@code GYYMMDD}, {@code GYYMM}: 1 明治, 2 大正,
 * 3 昭和, 4 平成, 5 令和), or 西暦 ({@code YYYYMMDD}, {@code YYYYMM}) as the later editions write them; told apart by
 * their length. A date outside its era (平成32年) is refused rather than moved.
 */
final class UkeDates {

    /** The first year of each era, minus one, by era digit (index 0 unused). */
    private static final int[] ERA_BASE = {0, 1867, 1911, 1925, 1988, 2018};
    /** The first day of each era. */
    private static final LocalDate[] ERA_START = {null, LocalDate.of(1868, 1, 25), LocalDate.of(1912, 7, 30),
        LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 8), LocalDate.of(2019, 5, 1)};
    /** The first day of the next era (null: the current one). */
    private static final LocalDate[] ERA_END = {null, LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 25),
        LocalDate.of(1989, 1, 8), LocalDate.of(2019, 5, 1), null};

    private UkeDates() {
    }

    static Optional<LocalDate> date(String text) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            if (text.length() == 8) {
                return Optional.of(LocalDate.of(num(text, 0, 4), num(text, 4, 6), num(text, 6, 8)));
            }
            if (text.length() == 7) {
                int era = text.charAt(0) - '0';
                if (era < 1 || era > 5) {
                    return Optional.empty();
                }
                LocalDate date = LocalDate.of(ERA_BASE[era] + num(text, 1, 3), num(text, 3, 5), num(text, 5, 7));
                boolean inside = !date.isBefore(ERA_START[era]) && (ERA_END[era] == null || date.isBefore(ERA_END[era]));
                return inside ? Optional.of(date) : Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<YearMonth> month(String text) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            if (text.length() == 6) {
                return Optional.of(YearMonth.of(num(text, 0, 4), num(text, 4, 6)));
            }
            if (text.length() == 5) {
                int era = text.charAt(0) - '0';
                if (era < 1 || era > 5) {
                    return Optional.empty();
                }
                YearMonth month = YearMonth.of(ERA_BASE[era] + num(text, 1, 3), num(text, 3, 5));
                boolean inside = !month.atEndOfMonth().isBefore(ERA_START[era])
                        && (ERA_END[era] == null || month.atDay(1).isBefore(ERA_END[era]));
                return inside ? Optional.of(month) : Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int num(String text, int from, int to) {
        return Integer.parseInt(text.substring(from, to));
    }
}

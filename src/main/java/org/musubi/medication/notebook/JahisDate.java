package org.musubi.medication.notebook;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * JAHIS dates: Gregorian {@code YYYYMMDD} or Japanese era {@code GYYMMDD}, where G is M (明治, from
 * 1868), T (大正, 1912), S (昭和, 1926), H (平成, 1989) or R (令和, 2019) and YY the year of the era
 * (元年 = 01): {@code S330303} is 1958-03-03, {@code R020406} 2020-04-06. Years past an era's end
 * (S65) are read as the arithmetic says; the written form is always Gregorian.
 */
public final class JahisDate {

    private JahisDate() {
    }

    public static Optional<LocalDate> parse(String value) {
        if (value.length() == 8 && digits(value)) {
            return date(number(value, 0, 4), number(value, 4, 6), number(value, 6, 8));
        }
        if (value.length() == 7 && digits(value.substring(1))) {
            int base = eraStart(value.charAt(0));
            int yearOfEra = number(value, 1, 3);
            if (base > 0 && yearOfEra >= 1) {
                return date(base + yearOfEra - 1, number(value, 3, 5), number(value, 5, 7));
            }
        }
        return Optional.empty();
    }

    public static String format(LocalDate date) {
        int number = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        String digits = Integer.toString(number);
        return digits.length() >= 8 ? digits : "0".repeat(8 - digits.length()) + digits;
    }

    private static int eraStart(char era) {
        return switch (era) {
            case 'M' -> 1868;
            case 'T' -> 1912;
            case 'S' -> 1926;
            case 'H' -> 1989;
            case 'R' -> 2019;
            default -> 0;
        };
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean digits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String value, int from, int to) {
        return Integer.parseInt(value, from, to, 10);
    }
}

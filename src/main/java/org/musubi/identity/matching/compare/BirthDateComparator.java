package org.musubi.identity.matching.compare;

import java.time.LocalDate;

/**
 * Compares birth dates, tolerating the two common entry errors: day and month transposed
 * ({@link Agreement#DAY_MONTH_SWAPPED}) and one mistyped digit of YYYYMMDD
 * ({@link Agreement#ONE_DIGIT}); a date in the same year and month is {@link Agreement#SAME_YEAR_MONTH}.
 */
public final class BirthDateComparator {

    private BirthDateComparator() {
    }

    public static Agreement compare(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Agreement.MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT;
        }
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue()) {
            return Agreement.DAY_MONTH_SWAPPED;
        }
        if (differingDigits(digits(a), digits(b)) == 1) {
            return Agreement.ONE_DIGIT;
        }
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getMonthValue()) {
            return Agreement.SAME_YEAR_MONTH;
        }
        return Agreement.DISAGREE;
    }

    private static int digits(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    private static int differingDigits(int a, int b) {
        int differing = 0;
        for (int i = 0; i < 8; i++) {
            if (a % 10 != b % 10) {
                differing++;
            }
            a /= 10;
            b /= 10;
        }
        return differing;
    }
}

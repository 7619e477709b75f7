package org.musubi.ingest.ssmix2.naming;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/** The strict date and timestamp forms of SS-MIX2 names: {@code YYYYMMDD} and {@code YYYYMMDDHHMMSSfff}. */
public final class Timestamps {

    private Timestamps() {
    }

    public static boolean isDate(String text) {
        return text.length() == 8 && digits(text) && date(text);
    }

    static boolean isTimestamp(String text) {
        if (text.length() != 17 || !digits(text) || !date(text.substring(0, 8))) {
            return false;
        }
        try {
            LocalTime.of(number(text, 8), number(text, 10), number(text, 12));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * A timestamp shorter than 17 digits that ends at a whole field (minutes, seconds, or a tenth or hundredth of a
     * second) padded with zeros to {@code YYYYMMDDHHMMSSfff}; null when it is not one.
     */
    static String padded(String text) {
        int length = text.length();
        if (length != 12 && (length < 14 || length > 16) || !digits(text)) {
            return null;
        }
        String padded = text + "0".repeat(17 - length);
        return isTimestamp(padded) ? padded : null;
    }

    private static boolean date(String text) {
        try {
            LocalDate.of(Integer.parseInt(text.substring(0, 4)), number(text, 4), number(text, 6));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int number(String text, int at) {
        return Integer.parseInt(text.substring(at, at + 2));
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

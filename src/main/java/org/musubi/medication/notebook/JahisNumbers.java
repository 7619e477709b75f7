package org.musubi.medication.notebook;

import java.util.Comparator;

/** The number forms JAHIS allows: digits ({@code 9} type) and a decimal with one point ({@code X} type dose). */
public final class JahisNumbers {

    /** Orders code values numerically when they are numbers ("9" before "10"). */
    public static final Comparator<String> NUMERIC = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private JahisNumbers() {
    }

    public static boolean isDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static boolean isDecimal(String value) {
        int point = value.indexOf('.');
        if (point < 0) {
            return value.length() <= 18 && isDigits(value);
        }
        return value.length() <= 19 && isDigits(value.substring(0, point)) && isDigits(value.substring(point + 1));
    }
}

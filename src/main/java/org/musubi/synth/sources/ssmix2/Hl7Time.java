package org.musubi.synth.sources.ssmix2;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Dates and times as HL7 v2 and SS-MIX2 file names write them: digits only, most significant first. */
public final class Hl7Time {

    private Hl7Time() {
    }

    /** {@code yyyyMMdd}. */
    public static String date(LocalDate day) {
        StringBuilder out = new StringBuilder(8);
        appendDate(out, day);
        return out.toString();
    }

    /** {@code yyyyMMddHHmm}. */
    static String minute(LocalDateTime time) {
        return digits(time, 12);
    }

    /** {@code yyyyMMddHHmmss}. */
    static String second(LocalDateTime time) {
        return digits(time, 14);
    }

    /** {@code yyyyMMddHHmmssSSS}: the 17-digit timestamp of SS-MIX2 file names. */
    static String millis(LocalDateTime time) {
        return digits(time, 17);
    }

    private static String digits(LocalDateTime time, int length) {
        StringBuilder out = new StringBuilder(17);
        appendDate(out, time.toLocalDate());
        pad(out, time.getHour(), 2);
        pad(out, time.getMinute(), 2);
        pad(out, time.getSecond(), 2);
        pad(out, time.getNano() / 1_000_000, 3);
        out.setLength(length);
        return out.toString();
    }

    private static void appendDate(StringBuilder out, LocalDate day) {
        pad(out, day.getYear(), 4);
        pad(out, day.getMonthValue(), 2);
        pad(out, day.getDayOfMonth(), 2);
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}

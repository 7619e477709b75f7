package org.musubi.ingest.ssmix2.naming;

import java.util.List;
import java.util.regex.Pattern;

/**
 * File-name fields that real storages write differently from the specification, read anyway: each
 * deviation becomes a warning ({@link Fault}) and the field its specified form. What cannot be read
 * without guessing stays malformed (null).
 */
final class NameDeviations {

    private static final String NO_DEPARTMENT = "-";
    private static final Pattern DEPARTMENT = Pattern.compile("-|[0-9A-Za-z]{1,5}");
    private static final Pattern LONG_DEPARTMENT = Pattern.compile("[0-9A-Za-z]{6,}");

    private NameDeviations() {
    }

    /**
     * The 17-digit 発生日時; a shorter one that ends at a whole field ({@code YYYYMMDDHHMM}, {@code …SS},
     * {@code …SSf}, {@code …SSff}) padded with zeros; null when malformed.
     */
    static String timestamp(String text, List<Fault> deviations) {
        if (Timestamps.isTimestamp(text)) {
            return text;
        }
        String padded = Timestamps.padded(text);
        if (padded != null) {
            deviations.add(Fault.of("ssmix2.name.timestamp-short", text, text.length(), padded));
        }
        return padded;
    }

    /** The 診療科 code; {@code -} for an empty one; a longer alphanumeric local code kept; null when malformed. */
    static String department(String text, List<Fault> deviations) {
        if (DEPARTMENT.matcher(text).matches()) {
            return text;
        }
        if (text.isEmpty()) {
            deviations.add(Fault.of("ssmix2.name.department-empty"));
            return NO_DEPARTMENT;
        }
        if (LONG_DEPARTMENT.matcher(text).matches()) {
            deviations.add(Fault.of("ssmix2.name.department-long", text));
            return text;
        }
        return null;
    }
}

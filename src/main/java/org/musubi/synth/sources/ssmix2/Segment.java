package org.musubi.synth.sources.ssmix2;

/**
 * One HL7 v2 segment, built field by field in increasing order; empty fields cost nothing and
 * trailing ones are never written. Field values are written as given: text that may hold a
 * delimiter goes through {@link #text} or {@link #coded} first.
 */
final class Segment {

    private final StringBuilder out;
    private int field;

    Segment(String name) {
        this.out = new StringBuilder(128).append(name);
    }

    /** Sets field {@code index} (1-based); fields must be set in increasing order. */
    Segment set(int index, String value) {
        if (index <= field) {
            throw new IllegalArgumentException("fields must be set in order: " + index + " after " + field);
        }
        if (value == null || value.isEmpty()) {
            return this;
        }
        while (field < index) {
            out.append('|');
            field++;
        }
        out.append(value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Free text with HL7's delimiters escaped (\F\ \S\ \T\ \R\ \E\). */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('|') < 0 && value.indexOf('^') < 0 && value.indexOf('&') < 0
                && value.indexOf('~') < 0 && value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '|' -> escaped.append("\\F\\");
                case '^' -> escaped.append("\\S\\");
                case '&' -> escaped.append("\\T\\");
                case '~' -> escaped.append("\\R\\");
                case '\\' -> escaped.append("\\E\\");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A coded value {@code code^text^system}, each part escaped. */
    static String coded(String code, String text, String system) {
        return components(text(code), text(text), system);
    }

    /** Parts joined with {@code ^}, trailing empty parts left out; parts are written as given. */
    static String components(String... parts) {
        return join('^', parts);
    }

    /** Parts joined with {@code &} (sub-components), trailing empty parts left out. */
    static String subcomponents(String... parts) {
        return join('&', parts);
    }

    private static String join(char separator, String... parts) {
        int last = parts.length - 1;
        while (last >= 0 && (parts[last] == null || parts[last].isEmpty())) {
            last--;
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                joined.append(separator);
            }
            joined.append(parts[i] == null ? "" : parts[i]);
        }
        return joined.toString();
    }
}

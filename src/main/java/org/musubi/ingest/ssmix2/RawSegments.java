package org.musubi.ingest.ssmix2;

import java.util.Optional;
import java.util.regex.Pattern;

/** A field read straight from a message's text, without parsing it, for a quick look at a stored file. */
final class RawSegments {

    private RawSegments() {
    }

    /** The first component of field {@code n} of the first {@code segment}; empty when absent or empty. */
    static Optional<String> field(String message, String segment, int n) {
        if (message.length() < 8 || !message.startsWith("MSH")) {
            return Optional.empty();
        }
        char separator = message.charAt(3);
        char component = message.charAt(4);
        for (String line : message.split("[\r\n]+")) {
            if (line.startsWith(segment + separator)) {
                String[] fields = line.split(Pattern.quote(String.valueOf(separator)), -1);
                if (n < fields.length) {
                    String value = fields[n];
                    int end = value.indexOf(component);
                    value = (end < 0 ? value : value.substring(0, end)).strip();
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

package org.musubi.ingest.values;

import java.nio.charset.StandardCharsets;

/**
 * Parts of source keys taken from what a source sent (order numbers, codes): characters that are not
 * safe in a URI path segment ({@code /}, {@code ^}, {@code %}, spaces, kanji …) are percent-encoded as
 * UTF-8, so a key stays one readable, reversible path.
 */
public final class SourceKeys {

    private SourceKeys() {
    }

    public static String part(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "-";
        }
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (safe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
            for (byte b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? raw : out.toString();
    }

    /** RFC 3986 unreserved characters and the sub-delimiters HL7 codes use ({@code & . - _ ~}). */
    private static boolean safe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '&' || c == '+' || c == '=' || c == ':';
    }
}

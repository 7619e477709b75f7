package org.musubi.ingest.chunk;

import java.util.function.Function;
import org.musubi.ingest.adapter.SourceRefs;

/**
 * Turns the {@link SourceRefs} placeholders in a resource's JSON into stored references: every JSON
 * string {@code "urn:source:…"} is replaced by what {@code resolve} gives for its text after the prefix
 * ({@code Patient}, or {@code Type/sourceKey}). JSON escapes inside the placeholder are undone first.
 */
final class PlaceholderReferences {

    private static final String START = "\"" + SourceRefs.PREFIX;

    private PlaceholderReferences() {
    }

    static String resolve(String json, Function<String, String> resolve) {
        int at = json.indexOf(START);
        if (at < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 64);
        int from = 0;
        while (at >= 0) {
            int end = closingQuote(json, at + START.length());
            out.append(json, from, at).append('"')
                    .append(escape(resolve.apply(unescape(json.substring(at + START.length(), end))))).append('"');
            from = end + 1;
            at = json.indexOf(START, from);
        }
        return out.append(json, from, json.length()).toString();
    }

    private static int closingQuote(String json, int from) {
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated JSON string");
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Stored references are {@code Type/id} with an id of [A-Za-z0-9-.]: nothing to escape but to be safe. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

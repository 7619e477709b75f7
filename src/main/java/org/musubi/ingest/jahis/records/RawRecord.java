package org.musubi.ingest.jahis.records;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a JAHIS TC text split at its commas (commas inside text are written full-width, so they
 * stay inside their field). Fields are counted from 1 after the record number; an absent trailing
 * field reads as empty. Surrounding white space is dropped.
 */
public record RawRecord(int line, String text, String number, List<String> fields) {

    /** The non-empty lines of {@code text}, split at CRLF, LF or a lone CR, numbered from 1. */
    public static List<RawRecord> split(String text) {
        List<RawRecord> records = new ArrayList<>();
        int line = 0;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = start;
            while (end < length && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            line++;
            String content = text.substring(start, end);
            if (!content.isBlank()) {
                records.add(of(line, content));
            }
            start = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n'
                    ? end + 2 : end + 1;
        }
        return records;
    }

    static RawRecord of(int line, String content) {
        List<String> values = new ArrayList<>();
        int from = 0;
        for (int comma = content.indexOf(','); comma >= 0; comma = content.indexOf(',', from)) {
            values.add(content.substring(from, comma).strip());
            from = comma + 1;
        }
        values.add(content.substring(from).strip());
        return new RawRecord(line, content, values.getFirst(), List.copyOf(values.subList(1, values.size())));
    }

    /** Field {@code index} (1 = the first after the record number), empty when absent. */
    String field(int index) {
        return index >= 1 && index <= fields.size() ? fields.get(index - 1) : "";
    }
}

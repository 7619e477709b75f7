package org.musubi.text.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text into records (RFC 4180) — the one reader of every CSV file Musubi takes in: fields are separated by
 * commas; a field that begins with a double quote runs to the closing quote and may hold commas, doubled quotes and
 * line breaks; CRLF, LF or CR ends a record. Fields are given as written (not stripped). Decoding the bytes (UTF-8 or
 * Shift_JIS, strictly) is {@code text.TextFiles}'s.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /**
     * One record: its fields, the line it starts on and the line it ends on (1 is the file's first line; a quoted line
     * break makes a record span lines).
     */
    public record CsvRecord(int line, int lastLine, List<String> fields) {

        public CsvRecord {
            fields = List.copyOf(fields);
        }
    }

    /** The records of {@code text}; an empty line is a record of one empty field, nothing after the last line end is none. */
    public static List<CsvRecord> records(String text) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(new CsvRecord(start, line, fields));
                fields = new ArrayList<>();
                any = false;
                start = ++line;
            } else {
                field.append(c);
            }
        }
        if (any) {
            fields.add(field.toString());
            records.add(new CsvRecord(start, line, fields));
        }
        return records;
    }
}

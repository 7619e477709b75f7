package org.musubi.ingest.lab;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180: comma separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes; records end with CRLF, LF or CR), never holding more than one record.
 * A record longer than the limit (a runaway quote in a huge file) is cut at the next line break and
 * returned marked too long, so reading goes on.
 */
final class CsvRecords {

    private final Reader reader;
    private final int limit;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int filled;
    private int line = 1;

    CsvRecords(Reader reader, int limit) {
        this.reader = reader;
        this.limit = limit;
    }

    /** The next record; null at the end. */
    CsvRow next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (c >= 0) {
            if (raw.length() >= limit) {
                skipLine(c);
                return new CsvRow(start, List.of(), raw.toString(), true);
            }
            if (quoted) {
                if (c == '"' && peek() == '"') {
                    read();
                    field.append('"');
                    raw.append("\"\"");
                } else if (c == '"') {
                    quoted = false;
                    raw.append('"');
                } else {
                    newline(c);
                    field.append((char) c);
                    raw.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                raw.append(',');
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '"' && fieldStart && field.isEmpty()) {
                quoted = true;
                raw.append('"');
            } else if (c == '\r' || c == '\n') {
                endLine(c);
                break;
            } else {
                field.append((char) c);
                raw.append((char) c);
            }
            fieldStart = false;
            c = read();
        }
        fields.add(field.toString());
        return new CsvRow(start, fields, raw.toString(), false);
    }

    /** After a cut: drops the rest of the physical line. */
    private void skipLine(int c) throws IOException {
        while (c >= 0 && c != '\r' && c != '\n') {
            c = read();
        }
        if (c >= 0) {
            endLine(c);
        }
    }

    private void endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    /** A line break inside a quoted field still counts as a file line. */
    private void newline(int c) throws IOException {
        if (c == '\n' || c == '\r' && peek() != '\n') {
            line++;
        }
    }

    private int read() throws IOException {
        if (position == filled && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == filled && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        filled = n;
        return true;
    }
}

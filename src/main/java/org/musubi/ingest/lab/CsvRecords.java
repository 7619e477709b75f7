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
        Record record = new Record(line);
        while (c >= 0) {
            if (record.raw.length() >= limit) {
                skipLine(c);
                return new CsvRow(record.line, List.of(), record.raw.toString(), true);
            }
            if (record.quoted ? quoted(record, c) : plain(record, c)) {
                break;
            }
            c = read();
        }
        record.fields.add(record.field.toString());
        return new CsvRow(record.line, record.fields, record.raw.toString(), false);
    }

    /** A character inside quotes: a doubled quote is one, a single quote closes. */
    private boolean quoted(Record record, int c) throws IOException {
        if (c == '"' && peek() == '"') {
            read();
            record.field.append('"');
            record.raw.append("\"\"");
        } else if (c == '"') {
            record.quoted = false;
            record.raw.append('"');
        } else {
            if (c == '\n' || c == '\r' && peek() != '\n') {
                line++;
            }
            record.field.append((char) c);
            record.raw.append((char) c);
        }
        return false;
    }

    /** A character outside quotes; true when it ends the record. */
    private boolean plain(Record record, int c) throws IOException {
        if (c == '\r' || c == '\n') {
            endLine(c);
            return true;
        }
        record.raw.append((char) c);
        if (c == ',') {
            record.fields.add(record.field.toString());
            record.field.setLength(0);
        } else if (c == '"' && record.field.isEmpty()) {
            record.quoted = true;
        } else {
            record.field.append((char) c);
        }
        return false;
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

    private int read() throws IOException {
        return position == filled && !fill() ? -1 : buffer[position++];
    }

    private int peek() throws IOException {
        return position == filled && !fill() ? -1 : buffer[position];
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

    /** The record being read. */
    private static final class Record {
        final int line;
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        final StringBuilder raw = new StringBuilder();
        boolean quoted;

        Record(int line) {
            this.line = line;
        }
    }
}

package org.musubi.text.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text into records (RFC 4180) — the one reader of every CSV file Musubi takes in: fields are separated by
 * commas; a field that begins with a double quote runs to the closing quote and may hold commas, doubled quotes and
 * line breaks; CRLF, LF or CR ends a record. Fields are given as written (not stripped). Decoding the bytes (UTF-8 or
 * Shift_JIS, strictly) is {@code text.TextFiles}'s. A text in memory is read whole ({@link #records}); a file of any
 * size is read a record at a time ({@link #stream}), never holding more than one record.
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

    /**
     * One record as streamed: the line it starts on and the line it ends on (a line break inside quotes counts, be it
     * LF, CRLF or a lone CR), its fields, its raw text (as written, quotes included; cut at the limit) and whether it
     * was too long to read whole (then no fields). {@code quotedCarriageReturns}: the lone CRs inside its quoted fields.
     */
    public record Streamed(int line, int lastLine, List<String> fields, String raw, boolean tooLong,
                           int quotedCarriageReturns) {

        public Streamed {
            fields = List.copyOf(fields);
        }
    }

    /**
     * The records of {@code text}; an empty line is a record of one empty field, nothing after the last line end is none.
     * A lone CR inside a quoted field is not counted as a line here (as this reading has always numbered them).
     */
    public static List<CsvRecord> records(String text) {
        List<CsvRecord> records = new ArrayList<>();
        Stream stream = stream(new StringReader(text), Integer.MAX_VALUE);
        int uncounted = 0;
        try {
            for (Streamed r = stream.next(); r != null; r = stream.next()) {
                records.add(new CsvRecord(r.line() - uncounted, r.lastLine() - uncounted - r.quotedCarriageReturns(),
                        r.fields()));
                uncounted += r.quotedCarriageReturns();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return records;
    }

    /**
     * The records of {@code reader}, one at a time. A record longer than {@code limit} characters (a runaway quote in
     * a huge file) is cut at the next line break and returned marked too long, so reading goes on.
     */
    public static Stream stream(Reader reader, int limit) {
        return new Stream(reader, limit);
    }

    /** Reads records one at a time from a reader. */
    public static final class Stream {

        private final Reader reader;
        private final int limit;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int filled;
        private int line = 1;

        private Stream(Reader reader, int limit) {
            this.reader = reader;
            this.limit = limit;
        }

        /** The next record; null at the end. */
        public Streamed next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            Record record = new Record(line);
            while (c >= 0) {
                if (record.raw.length() >= limit) {
                    int last = skipLine(c) ? line - 1 : line;
                    return new Streamed(record.line, last, List.of(), record.raw.toString(), true,
                            record.carriageReturns);
                }
                if (record.quoted ? quoted(record, c) : plain(record, c)) {
                    record.fields.add(record.field.toString());
                    return new Streamed(record.line, line - 1, record.fields, record.raw.toString(), false,
                            record.carriageReturns);
                }
                c = read();
            }
            record.fields.add(record.field.toString());
            return new Streamed(record.line, line, record.fields, record.raw.toString(), false, record.carriageReturns);
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
                    record.carriageReturns += c == '\r' ? 1 : 0;
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

        /** After a cut: drops the rest of the physical line; whether a line break ended it (not the end). */
        private boolean skipLine(int c) throws IOException {
            while (c >= 0 && c != '\r' && c != '\n') {
                c = read();
            }
            if (c >= 0) {
                endLine(c);
            }
            return c >= 0;
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
    }

    /** The record being read. */
    private static final class Record {
        final int line;
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        final StringBuilder raw = new StringBuilder();
        boolean quoted;
        int carriageReturns;

        Record(int line) {
            this.line = line;
        }
    }
}

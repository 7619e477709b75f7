package org.musubi.text.csv;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV (RFC 4180: comma-separated, a field holding a comma, a quote or a line break in double quotes with its
 * quotes doubled, CRLF line ends) — the one writer of every CSV a user downloads.
 *
 * <p>A download is opened in a spreadsheet, which runs a cell that looks like a formula (OWASP "CSV injection"). Every
 * text written for people therefore passes the one guard: a text that begins, after any spaces (half- or full-width),
 * with {@code = + - @}, their full-width forms {@code ＝ ＋ － ＠}, a tab, a carriage return or a line feed is written
 * with a leading apostrophe, which spreadsheets show as text. Numbers are written as they are (a negative amount stays
 * a number). Files written for programs to read, never for a spreadsheet (synth's source files), are written
 * {@link #data unguarded}.
 */
public final class CsvWriter {

    /** Put first in a file for spreadsheet software, which then reads it as UTF-8. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";
    /** The line end of every line written. */
    public static final String LINE_END = "\r\n";
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    private CsvWriter() {
    }

    /** One line of fields ({@link #field}), its line end included. */
    public static String line(List<?> fields) {
        return fields.stream().map(CsvWriter::field).collect(Collectors.joining(",", "", LINE_END));
    }

    /** A field, guarded and quoted when it needs to be; {@code null} is empty, a number is written as it is. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Number ? value.toString() : data(guarded(value.toString()));
    }

    /** A text field in double quotes whatever it holds, guarded ({@code null} is {@code ""}). */
    public static String quoted(String text) {
        return '"' + guarded(text == null ? "" : text).replace("\"", "\"\"") + '"';
    }

    /** A field for a file read by programs only: quoted when it needs to be, never guarded. */
    public static String data(String text) {
        if (text == null) {
            return "";
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The text with a leading apostrophe when a spreadsheet would take it for a formula. */
    static String guarded(String text) {
        int at = 0;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\u3000')) {
            at++;
        }
        return at < text.length() && FORMULA_STARTS.indexOf(text.charAt(at)) >= 0 ? "'" + text : text;
    }
}

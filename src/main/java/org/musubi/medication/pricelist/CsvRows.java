package org.musubi.medication.pricelist;

import java.util.ArrayList;
import java.util.List;
import org.musubi.text.TextFiles;
import org.musubi.text.Undecodable;

/**
 * A price list saved as CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks). UTF-8
 * when the bytes are UTF-8 (with or without BOM), otherwise Shift_JIS as Excel writes it (windows-31j), read strictly
 * ({@link TextFiles}): a row holding bytes that charset cannot read is a problem naming its place, never a name with
 * U+FFFD in it.
 */
final class CsvRows {

    private CsvRows() {
    }

    static void read(byte[] bytes, RowSink sink) {
        TextFiles.Read read = TextFiles.utf8OrShiftJis(bytes);
        String text = read.text();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                row(sink, read, rowStart, line, cells);
                cells.clear();
                rowStart = ++line;
            } else {
                cell.append(c);
            }
        }
        if (!cells.isEmpty() || !cell.isEmpty()) {
            cells.add(cell.toString());
            row(sink, read, rowStart, line, cells);
        }
    }

    /** A row to the sink, or its place when it holds bytes the file's charset cannot read (never its marked text). */
    private static void row(RowSink sink, TextFiles.Read read, int first, int last, List<String> cells) {
        Undecodable where = read.faultOn(first, last);
        if (where != null) {
            sink.undecodable("", first, where);
        } else {
            sink.row("", first, List.copyOf(cells));
        }
    }
}

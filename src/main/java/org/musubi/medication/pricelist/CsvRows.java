package org.musubi.medication.pricelist;

import java.util.List;
import org.musubi.text.TextFiles;
import org.musubi.text.Undecodable;
import org.musubi.text.csv.CsvReader;
import org.musubi.text.csv.CsvReader.CsvRecord;

/**
 * A price list saved as CSV (RFC 4180, read by {@link CsvReader}: quoted cells may hold commas, quotes and line
 * breaks). UTF-8 when the bytes are UTF-8 (with or without BOM), otherwise Shift_JIS as Excel writes it (windows-31j),
 * read strictly ({@link TextFiles}): a row holding bytes that charset cannot read is a problem naming its place, never a name with
 * U+FFFD in it.
 */
final class CsvRows {

    private CsvRows() {
    }

    static void read(byte[] bytes, RowSink sink) {
        TextFiles.Read read = TextFiles.utf8OrShiftJis(bytes);
        for (CsvRecord record : CsvReader.records(read.text())) {
            row(sink, read, record.line(), record.lastLine(), record.fields());
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

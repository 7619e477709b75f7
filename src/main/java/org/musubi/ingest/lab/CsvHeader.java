package org.musubi.ingest.lab;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.musubi.ingest.adapter.Location;

/**
 * Where each known column is in a lab CSV, from its header row (names in any case and order; unknown
 * columns are ignored). A header without a required column, or naming one twice, rejects the file.
 */
final class CsvHeader {

    private final int[] index = new int[CsvColumn.values().length];
    private final int size;

    private CsvHeader(int size) {
        this.size = size;
        Arrays.fill(index, -1);
    }

    static CsvHeader read(CsvRow row, String file) throws CsvRejected {
        CsvHeader header = new CsvHeader(row.fields().size());
        Location where = Location.file(file).at(row.line(), null);
        List<String> names = row.fields().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        for (CsvColumn column : CsvColumn.values()) {
            int at = names.indexOf(column.header());
            if (at >= 0 && names.lastIndexOf(column.header()) != at) {
                throw new CsvRejected(where, "csv.header.duplicate", column.header());
            }
            header.index[column.ordinal()] = at;
        }
        String missing = Arrays.stream(CsvColumn.values()).filter(c -> c.required() && header.index[c.ordinal()] < 0)
                .map(CsvColumn::header).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new CsvRejected(where, "csv.header.missing", missing);
        }
        return header;
    }

    /** The column's value in {@code row}, without surrounding blanks; empty when the column is absent. */
    String value(CsvRow row, CsvColumn column) {
        int at = index[column.ordinal()];
        return at < 0 || at >= row.fields().size() ? "" : row.fields().get(at).strip();
    }

    int size() {
        return size;
    }
}

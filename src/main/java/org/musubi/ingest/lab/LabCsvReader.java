package org.musubi.ingest.lab;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.text.csv.CsvReader;

/**
 * A lab centre's CSV in Musubi's layout (docs/lab-csv.md): a header row, then one result per row, in
 * UTF-8 (with or without BOM) or Shift_JIS. Consecutive rows of one order form one record (a
 * DiagnosticReport with its Observations, mapped as SS-MIX2's OML-11 results are). The file is streamed
 * row by row, so its size does not matter; a bad row is rejected alone, naming file, line and column.
 */
public final class LabCsvReader implements SourceReader {

    /** Characters a row may have; longer rows (a runaway quote) are rejected and reading resumes after them. */
    static final int MAX_ROW = 64 * 1024;

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        try (InputStream in = file.content().open()) {
            var opened = CsvCharsets.open(in);
            CsvReader.Stream records = CsvReader.stream(opened.reader(), MAX_ROW);
            CsvRow first = CsvRow.of(records.next());
            while (first != null && first.blank() && !first.tooLong()) {
                first = CsvRow.of(records.next());
            }
            if (first == null) {
                results.accept(LabProblems.rejected(Location.file(file.name()), null, "csv.empty"));
                return;
            }
            CsvHeader header;
            try {
                header = CsvHeader.read(first, file.name());
            } catch (CsvRejected e) {
                results.accept(new ParseResult.Rejected(e.problem(), first.raw()));
                return;
            }
            rows(records, new CsvRowReading(header, context, file.name(), opened.charset(), opened.text()),
                    new CsvOrders(context, file.name(), results), results, file.name());
        } catch (IOException e) {
            results.accept(LabProblems.rejected(Location.file(file.name()), null, "lab.unreadable", String.valueOf(e.getMessage())));
        }
    }

    private static void rows(CsvReader.Stream records, CsvRowReading reading, CsvOrders orders, Consumer<ParseResult> results,
                             String file) throws IOException {
        try {
            rowsOf(records, reading, orders, results, file);
        } catch (IOException e) {
            orders.abandon(String.valueOf(e.getMessage()));
            throw e;
        }
        orders.flush();
    }

    private static void rowsOf(CsvReader.Stream records, CsvRowReading reading, CsvOrders orders, Consumer<ParseResult> results,
                               String file) throws IOException {
        for (CsvRow row = CsvRow.of(records.next()); row != null; row = CsvRow.of(records.next())) {
            Location where = Location.file(file).at(row.line(), null);
            if (row.tooLong()) {
                results.accept(LabProblems.rejected(where, row.raw(), "csv.tooLong", MAX_ROW));
            } else if (!row.blank()) {
                try {
                    orders.add(reading.read(row), row.raw());
                } catch (CsvRejected e) {
                    results.accept(new ParseResult.Rejected(e.problem(), row.raw()));
                } catch (RuntimeException e) {
                    results.accept(LabProblems.rejected(where, row.raw(), "lab.internal", e.getClass().getSimpleName()));
                }
            }
        }
    }
}

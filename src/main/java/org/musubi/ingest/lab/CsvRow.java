package org.musubi.ingest.lab;

import java.util.List;
import org.musubi.text.csv.CsvReader;

/**
 * One CSV record as read: the file line it starts on, its fields (quotes removed), its raw text (for a
 * rejection; cut at the tokenizer's limit), and whether it was too long to read whole.
 */
record CsvRow(int line, List<String> fields, String raw, boolean tooLong) {

    /** A record the shared reader streamed ({@link CsvReader#stream}); null for none. */
    static CsvRow of(CsvReader.Streamed record) {
        return record == null ? null : new CsvRow(record.line(), record.fields(), record.raw(), record.tooLong());
    }

    boolean blank() {
        return fields.stream().allMatch(String::isBlank);
    }
}

package org.musubi.synth.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.musubi.text.csv.CsvWriter;

/**
 * One CSV file layout: a header and how a value becomes a row. Writes UTF-8 without BOM, LF line
 * ends, and quotes a field (doubling its quotes) when it holds a comma, quote or line break, as
 * RFC 4180 says. Rows are written as they come, so a stream of any length fits.
 */
record CsvTable<T>(List<String> header, Function<T, List<String>> row) {

    void write(Stream<T> values, Path file) {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(writer, header);
            for (Iterator<T> it = values.iterator(); it.hasNext(); ) {
                line(writer, row.apply(it.next()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field for programs to read ({@link CsvWriter#data}: quoted when it needs to be, never guarded). */
    static String field(String value) {
        return CsvWriter.data(value);
    }

    private static void line(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(fields.get(i)));
        }
        writer.write('\n');
    }
}

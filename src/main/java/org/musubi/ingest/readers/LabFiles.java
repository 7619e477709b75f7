package org.musubi.ingest.readers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;

/**
 * Lab-centre files of either form: HL7 v2 (the file starts with MSH, or a batch's FHS or BHS) go to
 * the HL7 reader, anything else to the CSV reader, which names what it cannot read.
 */
public final class LabFiles implements SourceReader {

    private final SourceReader hl7;
    private final SourceReader csv;

    public LabFiles(SourceReader hl7, SourceReader csv) {
        this.hl7 = hl7;
        this.csv = csv;
    }

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        (startsAsHl7(file) ? hl7 : csv).read(file, context, results);
    }

    private static boolean startsAsHl7(SourceFile file) {
        try (InputStream in = file.content().open()) {
            String start = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1).replace("\uFEFF", "")
                    .replace("ï»¿", "").stripLeading();
            return start.startsWith("MSH") || start.startsWith("FHS") || start.startsWith("BHS");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.musubi.ingest.lab;

import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Text;

/**
 * A lab centre's HL7 v2 result file: one or more OUL^R22 or ORU^R01 messages, optionally in a batch
 * (FHS/BHS … BTS/FTS), segments ended by CR, LF or CRLF, in ISO-2022-JP, Shift_JIS or UTF-8. Each
 * message is one record, mapped as SS-MIX2's OML-11 results are ({@link LabMessageReading}); a message
 * that cannot be taken is rejected alone, with its own text, and the others are still read.
 */
public final class LabHl7Reader implements SourceReader {

    private final Hl7Parsing parsing;

    /** {@code parsing} is shared: one per application. */
    public LabHl7Reader(Hl7Parsing parsing) {
        this.parsing = parsing;
    }

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        Location whole = Location.file(file.name());
        byte[] bytes;
        try {
            bytes = file.bytes();
        } catch (UncheckedIOException e) {
            results.accept(LabProblems.rejected(whole, null, "lab.unreadable", String.valueOf(e.getCause().getMessage())));
            return;
        }
        var decoded = Hl7Text.decode(bytes);
        if (decoded.isEmpty()) {
            results.accept(LabProblems.rejected(whole, null, "lab.hl7.encoding"));
            return;
        }
        Hl7Batch.Split split = Hl7Batch.split(decoded.get().text());
        if (!split.stray().isEmpty()) {
            results.accept(LabProblems.rejected(whole.at(split.strayLine(), null), split.stray(), "lab.hl7.noMsh"));
        }
        if (split.messages().isEmpty() && split.stray().isEmpty()) {
            results.accept(LabProblems.rejected(whole, null, "lab.hl7.empty"));
        }
        var reading = new LabMessageReading(parsing, context, file.name());
        for (Hl7Batch.Message message : split.messages()) {
            results.accept(reading.read(message));
        }
    }
}

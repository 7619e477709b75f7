package org.musubi.ingest.jahis;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.musubi.ingest.jahis.mapping.NotebookResults;
import org.musubi.ingest.jahis.records.JahisParser;
import org.musubi.ingest.jahis.records.JahisProblems;
import org.musubi.ingest.jahis.records.Notebook;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;

/**
 * The JAHIS 電子版お薬手帳 (e-medication notebook, "JAHIS TC") adapter: one file, UTF-8 or Shift_JIS,
 * header JAHISTC01 … JAHISTC08 (newer versions read by the 08 layout, with a warning), to FHIR R4.
 * <p>What a fault rejects:
 * <ul>
 * <li>the file: bytes that are not text, a missing or broken header, a missing, broken or second
 * different patient record (every record is about that patient);</li>
 * <li>one dispensing block (the others still map): a broken dispensing date, drug, drug code, dose,
 * quantity or RP number, and a 281/291/301/311/391 whose RP has no 201 before it;</li>
 * <li>one item: a broken note (2), OTC drug (3, with its 31 ingredients) or memo (4);</li>
 * <li>one record alone: records before their parent (a 201 before any 5, a 31 no 3 numbers) and a
 * broken 911.</li>
 * </ul>
 * Unknown records, a newer version, 701 (not mapped) and faults in descriptive fields are warnings.
 * See {@link NotebookResults} for the results and {@link org.musubi.ingest.jahis.mapping.RecordKeys} for their keys.
 */
public final class JahisReader implements SourceReader {

    private final Clock clock;

    public JahisReader() {
        this(Clock.systemDefaultZone());
    }

    /** A reader whose "today" (OTC drugs whose end date has passed are completed) comes from {@code clock}. */
    public JahisReader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        read(open(file), context, results);
    }

    /** A file decoded and parsed once, to be asked which split part it is and then read. */
    public static final class Opened {
        private final Notebook book;
        private final String text;
        private final Rejected unreadable;

        private Opened(Notebook book, String text, Rejected unreadable) {
            this.book = book;
            this.text = text;
            this.unreadable = unreadable;
        }

        /** The split part the file is (record 911), or empty: a whole notebook, or a file that cannot be read. */
        public Optional<JahisSplit.Part> part() {
            return book == null ? Optional.empty() : JahisSplit.of(book);
        }
    }

    /** Decodes and parses the file; what cannot be read is kept as its rejection. */
    public Opened open(SourceFile file) {
        Location whole = Location.file(file.name());
        byte[] bytes;
        try {
            bytes = file.bytes();
        } catch (UncheckedIOException e) {
            return new Opened(null, null, new Rejected(JahisProblems.of(whole, "jahis.unreadable"), null));
        }
        Optional<String> text = JahisCharsets.decode(bytes);
        if (text.isEmpty()) {
            return new Opened(null, null, new Rejected(JahisProblems.of(whole, "jahis.encoding"), null));
        }
        return new Opened(JahisParser.parse(file.name(), text.get()), text.get(), null);
    }

    /** Maps an opened file (as {@link #read(SourceFile, MappingContext, Consumer)} does). */
    public void read(Opened file, MappingContext context, Consumer<ParseResult> results) {
        if (file.unreadable != null) {
            results.accept(file.unreadable);
            return;
        }
        Notebook book = file.book;
        if (book.file().rejected() || book.patient() == null) {
            results.accept(new Rejected(fileProblem(book), file.text));
            return;
        }
        NotebookResults.of(book, context, LocalDate.now(clock)).forEach(results);
    }

    private static Problem fileProblem(Notebook book) {
        Location whole = Location.file(book.fileName());
        boolean headless = book.file().firstError().map(p -> p.code().equals("jahis.header.missing")).orElse(false);
        if (book.split() != null && book.split().count() > 1 && (headless || book.patient() == null)) {
            return JahisProblems.of(whole.at(book.split().line(), "911"), "jahis.split.notAlone",
                    String.valueOf(book.split().number()), String.valueOf(book.split().count()));
        }
        return book.file().firstError().orElseGet(() -> JahisProblems.of(whole, "jahis.patient.missing"));
    }
}

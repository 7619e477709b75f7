package org.musubi.ingest.adapter;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An adapter: reads one source file and maps its records to FHIR, one {@link ParseResult} per record
 * (an SS-MIX2 file is one record, a JAHIS file one per dispensing, a lab CSV one per row). It never
 * throws for bad input: every fault becomes a {@link ParseResult.Rejected} naming file, line and field,
 * and the records before and after it are still read.
 */
public interface SourceReader {

    void read(SourceFile file, MappingContext context, Consumer<ParseResult> results);

    /**
     * Whether reading this file depends on the files of its kind read before it (a JAHIS split part
     * joins the parts held before it): such files are read one after another in the order they come,
     * the others in parallel.
     */
    default boolean readsInOrder(SourceFile file) {
        return false;
    }

    /**
     * What {@code file}, read whole into {@code results}, replaces at its facility ({@link ReplacedScope}), if
     * anything: asked only after the adapter read the file to its end without failing. A file none of whose records
     * could be read, or with a rejected record (its key is not known, so it cannot be told from a record left out),
     * should replace nothing. None by default.
     */
    default Optional<ReplacedScope> replaces(SourceFile file, List<ParseResult> results) {
        return Optional.empty();
    }
}

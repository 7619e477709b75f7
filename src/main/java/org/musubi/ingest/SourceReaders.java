package org.musubi.ingest;

import java.util.Map;
import java.util.Optional;

/** The adapter for each kind of source. */
public final class SourceReaders {

    private final Map<ImportKind, SourceReader> readers;

    public SourceReaders(Map<ImportKind, SourceReader> readers) {
        this.readers = Map.copyOf(readers);
    }

    public Optional<SourceReader> of(ImportKind kind) {
        return Optional.ofNullable(readers.get(kind));
    }
}

package org.musubi.ingest.readers;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.adapter.SourceReader;

/** The adapter for each kind of source, made for the source it reads (an SS-MIX2 reader looks into its storage). */
public final class SourceReaders {

    private final Map<ImportKind, Function<ImportSource, SourceReader>> readers;

    public SourceReaders(Map<ImportKind, Function<ImportSource, SourceReader>> readers) {
        this.readers = Map.copyOf(readers);
    }

    /** The same adapter for every source of its kind. */
    public static SourceReaders of(Map<ImportKind, SourceReader> readers) {
        Map<ImportKind, Function<ImportSource, SourceReader>> made = new EnumMap<>(ImportKind.class);
        readers.forEach((kind, reader) -> made.put(kind, source -> reader));
        return new SourceReaders(made);
    }

    public Optional<SourceReader> of(ImportSource source) {
        return Optional.ofNullable(readers.get(source.kind())).map(make -> make.apply(source));
    }
}

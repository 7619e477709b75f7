package org.musubi.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered source of a facility: what it delivers ({@code kind}), where (an SS-MIX2 storage root
 * or a drop directory; null when it only receives uploads) and whether Musubi watches that place.
 */
public record ImportSource(long id, long facilityId, ImportKind kind, String name, String location, boolean watch,
                           boolean active, Instant createdAt) {

    public ImportSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /**
     * This source as one batch reads its files from {@code folder} (an upload unpacked into its spool folder): its reader
     * looks there for what a file refers to (an SS-MIX2 discharge's admission), as it looks in a storage source's own
     * folder.
     */
    public ImportSource readingFrom(Path folder) {
        return new ImportSource(id, facilityId, kind, name, folder.toString(), watch, active, createdAt);
    }
}

package org.musubi.ingest;

import java.util.List;
import java.util.Optional;

/** The registered sources. */
public interface ImportSources {

    ImportSource create(long facilityId, ImportKind kind, String name, String location, boolean watch);

    Optional<ImportSource> find(long id);

    Optional<ImportSource> find(long facilityId, ImportKind kind, String name);

    /** The source of this facility, kind and name, created (not watched) when there is none yet. */
    ImportSource findOrCreate(long facilityId, ImportKind kind, String name, String location);

    List<ImportSource> all();

    void update(long id, String location, boolean watch, boolean active);
}

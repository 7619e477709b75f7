package org.musubi.ingest.jahis.mapping;

import java.util.List;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.Problem;

/**
 * What one record (a block, an item, the patient's observations) became: its resources, the directory resources they
 * refer to (each once), and the warnings the mapping itself gives (what it stored otherwise than as written).
 */
record RecordMapping(List<MappedResource> resources, List<DirectoryResource> directory, List<Problem> warnings) {

    RecordMapping {
        resources = List.copyOf(resources);
        directory = List.copyOf(directory);
        warnings = List.copyOf(warnings);
    }

    static RecordMapping of(List<MappedResource> resources) {
        return new RecordMapping(resources, List.of(), List.of());
    }
}

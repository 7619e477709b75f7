package org.musubi.archfixtures.recorddoor;

import java.util.List;
import org.musubi.record.imports.ImportRecords;

/** A feature outside {@code ingest} that stores through the import's door: what the notebook once did. */
final class CallsTheImportDoor {

    private final ImportRecords imports;

    CallsTheImportDoor(ImportRecords imports) {
        this.imports = imports;
    }

    int store() {
        return imports.importAll(1, null, List.of(), List.of()).deleted();
    }
}

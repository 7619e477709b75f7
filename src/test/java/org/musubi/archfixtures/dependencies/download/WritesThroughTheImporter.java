package org.musubi.archfixtures.dependencies.download;

import org.musubi.ingest.ImportKind;

/** A download that asks the importer what it writes: the dependency the JAHIS downloads once had on ingest. */
final class WritesThroughTheImporter {

    String kind() {
        return ImportKind.JAHIS.name();
    }
}

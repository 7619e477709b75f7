package org.musubi.archfixtures.recorddoor;

import org.musubi.record.ReadRecords;

/** A store that knows a door it serves: the file cycle the record store once had. */
final class StoreKnowingADoor {

    private final ReadRecords reads;

    StoreKnowingADoor(ReadRecords reads) {
        this.reads = reads;
    }

    boolean serves() {
        return reads != null;
    }
}

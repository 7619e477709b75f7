package org.musubi.box;

import java.time.Clock;
import java.util.List;
import org.musubi.record.Reader;

/** The files sent to a reader: those not expired, and how many of them wait (not yet downloaded). */
public final class ListInbox {

    private final Box box;
    private final BoxStore store;
    private final Clock clock;

    public ListInbox(Box box) {
        this.box = box;
        this.store = box.store();
        this.clock = box.clock();
    }

    /** Files sent to the reader and not expired. */
    public List<BoxFile> received(Reader reader) {
        return store.received(reader.userId(), clock.instant());
    }

    /** How many files wait for the reader (sent to them, not yet downloaded, not expired). */
    public int waiting(Reader reader) {
        return store.waiting(reader.userId(), clock.instant());
    }
}

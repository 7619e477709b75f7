package org.musubi.box;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.record.Reader;

/** The files a reader sent and not expired, and who each was sent to and when they downloaded it. */
public final class ListSentFiles {

    private final Box box;
    private final BoxStore store;
    private final Clock clock;

    public ListSentFiles(Box box) {
        this.box = box;
        this.store = box.store();
        this.clock = box.clock();
    }

    /** Files the reader sent and not expired. */
    public List<BoxFile> sent(Reader reader) {
        return store.sent(reader.userId(), clock.instant());
    }

    /** Who a file of the reader's was sent to and when each downloaded it; empty when it is not the reader's. */
    public Optional<List<BoxStore.Recipient>> recipients(Reader reader, UUID id) {
        return store.find(id).filter(f -> f.senderUser() == reader.userId() && !f.expired(clock.instant()))
                .map(f -> store.recipients(id));
    }
}

package org.musubi.record.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.musubi.record.NotOwner;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.read.PersonRecord;
import org.musubi.record.store.ResourceStore;
import org.musubi.record.write.Entry;

/** The entry of one interaction ({@code WriteRecords.enter}): its reads are the record's, its writes the author's. */
public final class Entering implements Entry, PersonRecord.Forwarding {

    private final ResourceStore store;
    private final PersonRecord record;
    private final long userId;

    public Entering(ResourceStore store, PersonRecord record, long userId) {
        this.store = store;
        this.record = record;
        this.userId = userId;
    }

    @Override
    public PersonRecord delegate() {
        return record;
    }

    @Override
    public List<Written> store(List<ResourceWrite> writes, Function<List<Written>, ResourceWrite> provenance) {
        if (writes.isEmpty()) {
            throw new IllegalArgumentException("nothing to store");
        }
        long facility = writes.getFirst().sourceFacilityId();
        List<Written> written = new ArrayList<>(own(facility, writes));
        if (written.stream().anyMatch(WriteAudits::changed)) {
            written.addAll(own(facility, List.of(provenance.apply(List.copyOf(written)))));
        }
        wrote(written.stream().filter(WriteAudits::changed).map(w -> w.type() + "/" + w.id()).toList());
        return written;
    }

    private List<Written> own(long facility, List<ResourceWrite> writes) {
        for (ResourceWrite write : writes) {
            if (write.sourceFacilityId() != facility) {
                throw new NotOwner(write.type(), write.id());
            }
        }
        return store.writeOwn(facility, writes, userId);
    }
}

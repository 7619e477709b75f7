package org.musubi.consult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;

/** A participant opens a thread: its messages and the record items they reference; the other side's marked read. */
public final class OpenConsultation {

    private final Consultations consultations;
    private final ConsultRows rows;
    private final ConsultResources resources;
    private final ConsultContext context;

    public OpenConsultation(Consultations consultations) {
        this.consultations = consultations;
        this.rows = consultations.rows();
        this.resources = consultations.resources();
        this.context = consultations.context();
    }

    /**
     * The thread as its participant reads it; empty for anyone else and for an id nobody has (one audit row either
     * way). Reading marks the other side's messages read — except on a read-only standby, which writes nothing: the
     * marks stay until the thread is read on the primary.
     */
    public Optional<ThreadPage> open(Reader reader, UUID id) {
        ConsultThread thread = consultations.participantThread(reader, id, AuditAction.READ);
        if (thread == null) {
            return Optional.empty();
        }
        List<ConsultRows.Row> all = rows.rows(thread.id());
        Interaction<List<StoredResource>> read = consultations.read(reader, thread,
                all.stream().map(ConsultRows.Row::resourceId).toList());
        if (!read.permitted()) {
            return Optional.empty();
        }
        Map<String, StoredResource> byId = new LinkedHashMap<>();
        read.value().forEach(r -> byId.put(r.id(), r));
        if (!byId.containsKey(thread.headerId())) {
            return Optional.empty();
        }
        List<ConsultMessage> messages = new ArrayList<>();
        Map<String, RecordItem> references = new LinkedHashMap<>();
        int seen = rows.seen(thread.id(), reader.userId());
        int unread = 0;
        int last = seen;
        for (ConsultRows.Row row : all) {
            StoredResource stored = byId.get(row.resourceId());
            switch (row.kind()) {
                case MESSAGE -> {
                    if (stored != null) {
                        messages.add(resources.shown(stored));
                    }
                    if (row.seq() > seen && (row.authorUser() == null || row.authorUser() != reader.userId())) {
                        unread++;
                    }
                    last = Math.max(last, row.seq());
                }
                case REFERENCE -> references.putIfAbsent(stored == null ? row.resourceId()
                        : stored.type() + "/" + stored.id(), stored == null ? null : RecordItem.of(stored));
                case ATTACHMENT -> { }
            }
        }
        if (last > seen && !context.readOnly().getAsBoolean()) {
            rows.seen(thread, reader.userId(), last);
        }
        return Optional.of(new ThreadPage(thread, thread.askedBy(reader), messages, references, unread));
    }
}

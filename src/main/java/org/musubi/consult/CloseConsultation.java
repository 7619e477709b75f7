package org.musubi.consult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;

/** The asker closes the thread. */
public final class CloseConsultation {

    private final Consultations consultations;
    private final ReadRecords reads;
    private final WriteRecords writes;
    private final ConsultRows rows;
    private final ConsultResources resources;
    private final ConsultContext context;

    public CloseConsultation(Consultations consultations) {
        this.consultations = consultations;
        this.reads = consultations.reads();
        this.writes = consultations.writes();
        this.rows = consultations.rows();
        this.resources = consultations.resources();
        this.context = consultations.context();
    }

    /** The asker closes the thread (the header's status {@code completed}). Empty for anyone else. */
    public Optional<ConsultThread> close(Reader reader, UUID id) {
        consultations.requireWritable();
        ConsultThread thread = consultations.participantThread(reader, id, AuditAction.UPDATE);
        if (thread == null) {
            return Optional.empty();
        }
        if (!thread.askedBy(reader)) {
            reads.missed(reader, AuditAction.UPDATE, Consultations.TYPE, id.toString());
            return Optional.empty();
        }
        Instant now = context.clock().instant();
        Interaction<ConsultThread> done = writes.enter(reader, thread.personId(), AuditAction.UPDATE, Consultations.TYPE,
                PersonView::actAsHolder, entry -> {
                    StoredResource header = entry.contents(List.of(thread.headerId())).stream().findFirst().orElse(null);
                    if (header == null) {
                        return null;
                    }
                    ConsultThread closed = thread.with(ConsultStatus.CLOSED, thread.meetingAt(), thread.meetingUrl(), now);
                    rows.update(closed);
                    entry.store(List.of(resources.closed(header)), w -> resources.provenance(w,
                            consultations.sender(reader), now, thread.patientKey(), thread.askingFacility()));
                    return closed;
                });
        return Optional.ofNullable(done.value());
    }
}

package org.musubi.consult;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.policy.Interaction;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;

/** A participant opens an attachment of a thread. */
public final class OpenConsultationAttachment {

    private final Consultations consultations;
    private final ReadRecords reads;
    private final ConsultRows rows;
    private final ConsultResources resources;

    public OpenConsultationAttachment(Consultations consultations) {
        this.consultations = consultations;
        this.reads = consultations.reads();
        this.rows = consultations.rows();
        this.resources = consultations.resources();
    }

    /** An attachment of the thread, read through the participant's door; empty for anyone else. */
    public Optional<Consultations.File> attachment(Reader reader, UUID id, String binaryId) {
        ConsultThread thread = consultations.participantThread(reader, id, AuditAction.READ);
        if (thread == null) {
            return Optional.empty();
        }
        boolean ofThread = rows.rows(thread.id()).stream()
                .anyMatch(r -> r.kind() == ConsultRows.Kind.ATTACHMENT && r.resourceId().equals(binaryId));
        if (!ofThread) {
            reads.missed(reader, AuditAction.READ, Consultations.TYPE, id + "/" + binaryId);
            return Optional.empty();
        }
        Interaction<List<StoredResource>> read = consultations.read(reader, thread, List.of(binaryId));
        if (!read.permitted() || read.value().isEmpty()) {
            return Optional.empty();
        }
        StoredResource binary = read.value().getFirst();
        return resources.bytes(binary).map(b -> new Consultations.File(resources.contentType(binary), b));
    }
}

package org.musubi.consult;

import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.record.Reader;

/** A participant posts to a thread: the asker asks again, the addressee answers. */
public final class PostToConsultation {

    private final Consultations consultations;
    private final ConsultContext context;

    public PostToConsultation(Consultations consultations) {
        this.consultations = consultations;
        this.context = consultations.context();
    }

    /**
     * A message of a participant: the asker asks again (status open), the addressee answers (status answered).
     * Empty for anyone else and for an id nobody has.
     *
     * @throws ConsultFault nothing to post, a closed thread, a reference the asker does not see, a read-only standby
     */
    public Optional<ConsultThread> post(Reader reader, UUID id, Consultations.Post post) {
        consultations.requireWritable();
        String text = Consultations.trimmed(post.text());
        if (text == null && post.uploads().isEmpty()) {
            throw new ConsultFault(ConsultFault.NO_TEXT);
        }
        ConsultThread thread = consultations.participantThread(reader, id, AuditAction.CREATE);
        if (thread == null) {
            return Optional.empty();
        }
        ConsultStatus next = thread.askedBy(reader) ? ConsultStatus.OPEN : ConsultStatus.ANSWERED;
        return consultations.append(reader, thread, text == null ? "" : text, post,
                t -> t.with(next, t.meetingAt(), t.meetingUrl(), context.clock().instant()));
    }
}

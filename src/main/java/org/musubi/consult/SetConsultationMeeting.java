package org.musubi.consult;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.record.Reader;

/** A participant sets the thread's meeting: a time and a link to an external web-conference tool. */
public final class SetConsultationMeeting {

    private final Consultations consultations;
    private final ConsultContext context;

    public SetConsultationMeeting(Consultations consultations) {
        this.consultations = consultations;
        this.context = consultations.context();
    }

    /**
     * Sets the meeting: a time and a link to an external web-conference tool (https only), written into the thread as
     * a message of its setter. Either participant; empty for anyone else.
     *
     * @throws ConsultFault the link is not an https URL, a closed thread, a read-only standby
     */
    public Optional<ConsultThread> meeting(Reader reader, UUID id, Instant at, String url) {
        consultations.requireWritable();
        String link = Consultations.meetingUrl(url);
        if (at == null || link == null) {
            throw new ConsultFault(ConsultFault.MEETING_URL);
        }
        ConsultThread thread = consultations.participantThread(reader, id, AuditAction.CREATE);
        if (thread == null) {
            return Optional.empty();
        }
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(at.atZone(Consultations.JAPAN));
        return consultations.append(reader, thread, "Web会議 / Web meeting: " + when + " " + link,
                new Consultations.Post(null, List.of(), List.of()),
                t -> t.with(t.status(), at, link, context.clock().instant()));
    }
}

package org.musubi.consult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;

/** A doctor asks a consultation about a patient of their facility: the header Communication, its attachments and references. */
public final class AskConsultation {

    private final Consultations consultations;
    private final WriteRecords writes;
    private final ConsultRows rows;
    private final ConsultResources resources;
    private final ConsultContext context;

    public AskConsultation(Consultations consultations) {
        this.consultations = consultations;
        this.writes = consultations.writes();
        this.rows = consultations.rows();
        this.resources = consultations.resources();
        this.context = consultations.context();
    }

    /**
     * Asks a consultation about person {@code personId}: refused (empty) unless the asker's facility has standing for
     * the person; the header Communication and its attachments stored under the asker's own source patient (made at
     * its first question when the facility is linked by card alone: {@link ConsultContext.AskersPatient}).
     *
     * @throws ConsultFault for a question to fix (no subject or text, an addressee who cannot be asked, an item of the
     *                      record the asker does not see, a file too large, a read-only standby)
     */
    public Optional<ConsultThread> ask(Reader asker, long personId, Consultations.Question question) {
        consultations.requireWritable();
        String subject = Consultations.trimmed(question.subject());
        String text = Consultations.trimmed(question.text());
        if (subject == null) {
            throw new ConsultFault(ConsultFault.NO_SUBJECT);
        }
        if (text == null) {
            throw new ConsultFault(ConsultFault.NO_TEXT);
        }
        ConsultContext.Directory directory = context.directory();
        Long named = question.addresseeUser();
        if (!directory.askable(question.addresseeFacility()) || named != null
                && (named == asker.userId() || !directory.specialistOf(named, question.addresseeFacility()))) {
            throw new ConsultFault(ConsultFault.ADDRESSEE);
        }
        Instant now = context.clock().instant();
        String headerId = UUID.randomUUID().toString();
        String department = Consultations.trimmed(question.department());
        String recipient = directory.facilityName(question.addresseeFacility())
                + (department == null ? "" : " " + department)
                + (named == null ? "" : " " + directory.userName(named));
        String[] fault = new String[1];
        Interaction<ConsultThread> done = writes.enter(asker, personId, AuditAction.CREATE, Consultations.TYPE,
                PersonView::actAsHolder, entry -> {
                    List<StoredResource> referenced = Consultations.referenced(entry, question.references());
                    if (referenced == null) {
                        fault[0] = ConsultFault.REFERENCE;
                        return null;
                    }
                    SourcePatient own = context.patients().own(asker, entry.view()).orElse(null);
                    if (own == null) {
                        fault[0] = ConsultFault.NOT_OUR_PATIENT;
                        return null;
                    }
                    String patientName = entry.view().opened()
                            .map(p -> p.person().familyKanji() + " " + p.person().givenKanji()).orElse("");
                    ConsultThread thread = new ConsultThread(UUID.randomUUID(), personId, own.id(), own.facilityId(),
                            asker.userId(), question.addresseeFacility(), named, department, subject, patientName,
                            headerId, ConsultStatus.OPEN, null, null, now, now);
                    rows.insert(thread);
                    consultations.disclose(thread);
                    String sender = consultations.sender(asker);
                    List<ResourceWrite> message = resources.message(headerId, null, subject,
                            new ConsultResources.Draft(text, referenced, question.uploads()), sender, recipient, now,
                            own.id(), own.facilityId());
                    entry.store(message, w -> resources.provenance(w, sender, now, own.id(), own.facilityId()));
                    consultations.appended(thread, message, referenced, asker.userId(), now);
                    return thread;
                });
        if (fault[0] != null) {
            throw new ConsultFault(fault[0]);
        }
        return Optional.ofNullable(done.value());
    }
}

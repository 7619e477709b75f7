package org.musubi.phr;

import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;

/**
 * A resident asks the network office about one view in their access log (心当たりのない閲覧): the question names the
 * audit row, which must be one of the views the resident's own log lists; anything else (another person's row, a
 * refusal, the resident's own read, a row that does not exist) is refused alike. The office answers on its list;
 * the resident sees the answer beside the view. Both are audited.
 */
public final class AskTheOffice {

    public static final int MAX_MESSAGE = 1000;
    /** The refusal of a question about a row that is not one of the resident's listed views. */
    public static final String NOT_A_VIEW = "phr.inquiry.notAView";

    private final PersonAccess access;
    private final AuditTrail trail;
    private final IdentityStore identities;
    private final Inquiries inquiries;
    private final Audit audit;

    public AskTheOffice(PersonAccess access, AuditTrail trail, IdentityStore identities, Inquiries inquiries,
                        Audit audit) {
        this.access = access;
        this.trail = trail;
        this.identities = identities;
        this.inquiries = inquiries;
        this.audit = audit;
    }

    /** The question's id, or empty when the row is not one of the resident's views (or the message is unusable). */
    public Optional<Long> ask(long userId, long personId, long auditSeq, String message) {
        String text = message == null ? "" : message.strip();
        Interaction<Long> asked = access.interact(userId, Purpose.PATIENT_SELF_ACCESS, Reached.person(personId),
                AuditAction.PHR_INQUIRY,
                "AuditEvent", view -> {
                    List<String> names = identities.namesInAudit(view.opened().orElseThrow().person().regionalId());
                    boolean listed = trail.find(auditSeq).filter(r -> names.contains(r.patientId()))
                            .filter(r -> r.outcome() == Outcome.PERMIT && AuditTrail.VIEWS.contains(r.action()))
                            .filter(r -> r.actor().userId() == null || r.actor().userId() != userId).isPresent();
                    if (!listed || text.isEmpty() || text.length() > MAX_MESSAGE) {
                        return Interaction.refused(new Deny(NOT_A_VIEW), List.of(String.valueOf(auditSeq)));
                    }
                    long id = inquiries.add(personId, auditSeq, text, userId);
                    return Interaction.permitted(id, view.decision(), List.of(String.valueOf(auditSeq)));
                });
        return Optional.ofNullable(asked.value());
    }

    /** The office's answer (a network administrator's; the screen's security decides who that is). */
    public boolean answer(long operatorUserId, long inquiryId, String answer) {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > 2000 || !inquiries.answer(inquiryId, operatorUserId, text)) {
            return false;
        }
        audit.record(AuditEntry.of(AuditAction.PHR_INQUIRY_ANSWER, Outcome.PERMIT).on("PhrInquiry", inquiryId));
        return true;
    }
}

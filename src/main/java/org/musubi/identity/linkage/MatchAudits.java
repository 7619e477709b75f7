package org.musubi.identity.linkage;

import java.util.Locale;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.matching.Candidate;

/** The audit entries and link reasons of 名寄せ decisions, the same for one patient and for a batch. */
final class MatchAudits {

    static final String NEW_PERSON = "new person";

    private MatchAudits() {
    }

    /** The link's reason, e.g. "score 41.3". */
    static String linkReason(Candidate best) {
        return "score " + String.format(Locale.ROOT, "%.1f", best.score().total());
    }

    static AuditEntry linked(long sourcePatientId, Candidate best) {
        return AuditEntry.of(AuditAction.IDENTITY_LINK, Outcome.PERMIT).on("SourcePatient", sourcePatientId)
                .patient(best.person().regionalId()).reason("MATCH_AUTO " + linkReason(best));
    }

    static AuditEntry queued(long sourcePatientId, long reviewId, Set<String> reasons) {
        return AuditEntry.of(AuditAction.MATCH_REVIEW, Outcome.PERMIT).on("SourcePatient", sourcePatientId)
                .reason("queued as review " + reviewId + " " + reasons.stream().sorted().toList());
    }

    /** A waiting review closed to match its patient again (a person born as they were appeared). */
    static AuditEntry rematched(long reviewId, long sourcePatientId) {
        return AuditEntry.of(AuditAction.MATCH_REVIEW, Outcome.PERMIT).on("SourcePatient", sourcePatientId)
                .reason("review " + reviewId + " closed to match again: a person born the same day appeared");
    }

    static AuditEntry created(long sourcePatientId, String regionalId) {
        return AuditEntry.of(AuditAction.PERSON_CREATE, Outcome.PERMIT).on("SourcePatient", sourcePatientId)
                .patient(regionalId).reason("no matching person");
    }
}

package org.musubi.consult;

import java.util.List;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.policy.Decision;
import org.musubi.record.Reader;

/** The threads a user takes part in, and how many messages wait unread for them. */
public final class ListConsultations {

    private final Consultations consultations;
    private final ConsultRows rows;
    private final ConsultContext context;

    public ListConsultations(Consultations consultations) {
        this.consultations = consultations;
        this.rows = consultations.rows();
        this.context = consultations.context();
    }

    /**
     * The threads the reader takes part in, of these statuses, latest first, with their unread counts: one audit row
     * naming them. Nothing for a user who may not take part in correspondence between facilities.
     */
    public List<ConsultRows.Line> list(Reader reader, Set<ConsultStatus> statuses) {
        Decision decision = context.access().inbox(reader.userId());
        if (!decision.permitted()) {
            context.audit().record(AuditEntry.of(AuditAction.SEARCH, Outcome.DENY).on(Consultations.TYPE)
                    .purpose(Purpose.TREATMENT).reason(decision.key()));
            return List.of();
        }
        List<ConsultRows.Line> lines = rows.mine(reader.userId(), reader.facilityId(), statuses, Consultations.LIST_LIMIT);
        context.audit().record(AuditEntry.of(AuditAction.SEARCH, Outcome.PERMIT)
                .on(Consultations.TYPE, lines.stream().map(l -> l.thread().headerId()).toArray()).purpose(Purpose.TREATMENT)
                .reason(decision.key()));
        return lines;
    }

    /** How many messages wait unread for the reader (the home page's line; not a reading, not audited). */
    public int unread(Reader reader) {
        return context.access().inbox(reader.userId()).permitted()
                ? rows.unread(reader.userId(), reader.facilityId()) : 0;
    }
}

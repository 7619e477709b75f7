package org.musubi.identity.link;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;

/** Ends a source patient's link (a wrong link found); its data leaves that person's record at once. */
public final class UnlinkSourcePatient {

    private final IdentityStore store;
    private final Audit audit;

    public UnlinkSourcePatient(IdentityStore store, Audit audit) {
        this.store = store;
        this.audit = audit;
    }

    public void unlink(long userId, long sourcePatientId, String reason) {
        long personId = store.personOf(sourcePatientId)
                .orElseThrow(() -> new IdentityConflict("identity.sourcePatient.notLinked"));
        String regionalId = store.person(personId).orElseThrow().person().regionalId();
        store.unlink(sourcePatientId, userId, reason);
        audit.record(AuditEntry.of(AuditAction.IDENTITY_UNLINK, Outcome.PERMIT).on("SourcePatient", sourcePatientId)
                .patient(regionalId).reason(reason));
    }
}

package org.musubi.identity.link;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.PersonStatus;
import org.musubi.identity.RegisteredPerson;

/** Undoes a merge: afterwards both persons' records are exactly what they were before it. */
public final class UnmergePersons {

    private final IdentityStore store;
    private final Audit audit;

    public UnmergePersons(IdentityStore store, Audit audit) {
        this.store = store;
        this.audit = audit;
    }

    public void unmerge(long userId, long mergeId, String reason) {
        long[] parties = store.mergeParties(mergeId).orElseThrow(() -> new IdentityConflict("identity.merge.unknown"));
        RegisteredPerson survivor = store.person(parties[0]).orElseThrow();
        RegisteredPerson merged = store.person(parties[1]).orElseThrow();
        if (merged.status() != PersonStatus.MERGED || merged.mergedInto() == null || merged.mergedInto() != parties[0]) {
            audit.record(AuditEntry.of(AuditAction.PERSON_UNMERGE, Outcome.DENY).on("Person", parties[0], parties[1])
                    .patient(survivor.person().regionalId()).reason("identity.merge.notCurrent"));
            throw new IdentityConflict("identity.merge.notCurrent");
        }
        store.unmerge(mergeId, userId, reason);
        audit.record(AuditEntry.of(AuditAction.PERSON_UNMERGE, Outcome.PERMIT).on("Person", parties[0], parties[1])
                .patient(survivor.person().regionalId()).reason("unmerge " + mergeId + (reason == null ? "" : ": " + reason)));
    }
}

package org.musubi.identity.link;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;

/**
 * Merges a duplicate person into a survivor: the duplicate's source patients move to the survivor,
 * the survivor keeps its demographics and takes the duplicate's where its own are blank, and the
 * duplicate is marked merged. Reversible with {@link UnmergePersons}; stored data never changes.
 */
public final class MergePersons {

    private final IdentityStore store;
    private final Audit audit;

    public MergePersons(IdentityStore store, Audit audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Returns the merge id, which {@link UnmergePersons} takes. */
    public long merge(long userId, long survivorId, long mergedId, String reason) {
        if (survivorId == mergedId) {
            throw new IdentityConflict("identity.merge.samePerson");
        }
        RegisteredPerson survivor = store.person(survivorId).orElseThrow(() -> new IdentityConflict("identity.person.unknown"));
        RegisteredPerson merged = store.person(mergedId).orElseThrow(() -> new IdentityConflict("identity.person.unknown"));
        if (!survivor.active() || !merged.active()) {
            audit.record(AuditEntry.of(AuditAction.PERSON_MERGE, Outcome.DENY).on("Person", survivorId, mergedId)
                    .patient(survivor.person().regionalId()).reason("identity.person.notActive"));
            throw new IdentityConflict("identity.person.notActive");
        }
        long mergeId = store.merge(survivorId, mergedId, userId, reason);
        audit.record(AuditEntry.of(AuditAction.PERSON_MERGE, Outcome.PERMIT).on("Person", survivorId, mergedId)
                .patient(survivor.person().regionalId())
                .reason("merge " + mergeId + ": " + merged.person().regionalId() + " into " + survivor.person().regionalId()
                        + (reason == null ? "" : "; " + reason)));
        return mergeId;
    }
}

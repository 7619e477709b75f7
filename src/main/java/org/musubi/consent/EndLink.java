package org.musubi.consent;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;

/**
 * Ends a facility's link to a person (連携の終了): the facility sees the person's data only through a live link, so
 * from the very next request it sees no more than its own. A viewing facility's user ends their own facility's link
 * ({@link #byFacility}); the person ends any facility's link from their health notebook ({@link #end}). Audited.
 */
public final class EndLink {

    private final Consents consents;
    private final IdentityStore identities;
    private final SharingChanges changes;
    private final Audit audit;

    EndLink(Consents consents, IdentityStore identities, SharingChanges changes, Audit audit) {
        this.consents = consents;
        this.identities = identities;
        this.changes = changes;
        this.audit = audit;
    }

    /** The user's facility ends its own link to the person; false (and no audit row) when there was none. */
    public boolean byFacility(long userId, long facilityId, long personId) {
        if (!consents.endLink(personId, facilityId, userId)) {
            return false;
        }
        String regionalId = identities.person(personId).map(p -> p.person().regionalId()).orElse(null);
        audit.record(AuditEntry.of(AuditAction.PATIENT_UNLINK, Outcome.PERMIT).on("Patient", personId)
                .patient(regionalId).purpose(Purpose.TREATMENT));
        return true;
    }

    /**
     * At the person's request, ends the facility's open link to them. Throws {@link Refused} {@code link.none} (for a
     * resident {@link ChangedBy#NOT_FOUND}) when the facility has no open link to the person.
     */
    public void end(ChangedBy by, long personId, long facilityId) {
        AuditEntry attempt = AuditEntry.of(AuditAction.PATIENT_UNLINK, Outcome.DENY).on("Facility", facilityId);
        RegisteredPerson person = changes.person(by, personId, attempt);
        boolean open = consents.links(personId).stream().anyMatch(l -> l.facilityId() == facilityId && l.open());
        if (!open || !consents.endLink(personId, facilityId, by.userId())) {
            throw changes.notFound(by, person, attempt, "link.none");
        }
        changes.changed(by, person, AuditEntry.of(AuditAction.PATIENT_UNLINK, Outcome.PERMIT).on("Facility", facilityId)
                .reason("ended at the person's request"));
    }
}

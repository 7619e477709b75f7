package org.musubi.consent;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;

/**
 * At the person's request (a form handed to the network's secretariat), a facility is blocked from viewing the
 * person's record: the policy refuses it from the very next request, whatever consent, link or break-the-glass it
 * has, and it cannot link the person; lifting the block restores what the consent and a new link allow. Both are
 * audited.
 */
public final class BlockFacility {

    private final Consents consents;
    private final IdentityStore identities;
    private final Facilities facilities;
    private final Audit audit;

    public BlockFacility(Consents consents, IdentityStore identities, Facilities facilities, Audit audit) {
        this.consents = consents;
        this.identities = identities;
        this.facilities = facilities;
        this.audit = audit;
    }

    /** Throws {@link Refused} with a message key when the block cannot be recorded as asked. */
    public void block(long userId, long personId, Long facilityId) {
        RegisteredPerson person = identities.person(personId).orElseThrow(() -> new Refused("consent.person.unknown"));
        Facility facility = facility(facilityId);
        if (consents.blockedFacilities(personId).contains(facility.id())) {
            throw new Refused("block.already");
        }
        consents.block(personId, facility.id(), userId);
        audit.record(AuditEntry.of(AuditAction.FACILITY_BLOCK, Outcome.PERMIT).on("Facility", facility.id())
                .patient(person.person().regionalId()).reason("blocked at the person's request"));
    }

    public void unblock(long userId, long personId, Long facilityId) {
        RegisteredPerson person = identities.person(personId).orElseThrow(() -> new Refused("consent.person.unknown"));
        Facility facility = facility(facilityId);
        if (!consents.blockedFacilities(personId).contains(facility.id())) {
            throw new Refused("block.none");
        }
        consents.unblock(personId, facility.id());
        audit.record(AuditEntry.of(AuditAction.FACILITY_UNBLOCK, Outcome.PERMIT).on("Facility", facility.id())
                .patient(person.person().regionalId()).reason("block lifted at the person's request"));
    }

    private Facility facility(Long facilityId) {
        return java.util.Optional.ofNullable(facilityId).flatMap(facilities::find)
                .orElseThrow(() -> new Refused("block.facility.required"));
    }
}

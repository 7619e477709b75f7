package org.musubi.consent;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;

/**
 * At the person's request (a form handed to the network's secretariat, or the person themself in their health
 * notebook: {@link ChangedBy}), a facility is blocked from viewing the person's record: the policy refuses it from the
 * very next request, whatever consent, link or break-the-glass it has, and it cannot link the person; lifting the
 * block restores what the consent and a live link allow. Both are audited. A resident picks among the facilities
 * linked to them and those holding data about them ({@link #choices}).
 */
public final class BlockFacility {

    private final Consents consents;
    private final IdentityStore identities;
    private final Facilities facilities;
    private final SharingChanges changes;

    BlockFacility(Consents consents, IdentityStore identities, Facilities facilities, SharingChanges changes) {
        this.consents = consents;
        this.identities = identities;
        this.facilities = facilities;
        this.changes = changes;
    }

    /**
     * The facilities a person may block themself: those ever linked to them and those holding data about them (their
     * source patients' facilities), in id order.
     */
    public static Set<Long> choices(Collection<PatientLink> links, Collection<SourcePatient> sources) {
        Set<Long> ids = new TreeSet<>();
        links.forEach(l -> ids.add(l.facilityId()));
        sources.forEach(s -> ids.add(s.facilityId()));
        return ids;
    }

    /** Throws {@link Refused} with a message key when the block cannot be recorded as asked. */
    public void block(ChangedBy by, long personId, Long facilityId) {
        AuditEntry attempt = AuditEntry.of(AuditAction.FACILITY_BLOCK, Outcome.DENY).on("Facility", facilityId);
        RegisteredPerson person = changes.person(by, personId, attempt);
        if (by.resident() && (facilityId == null
                || !choices(consents.links(personId), identities.sourcePatientsOf(personId)).contains(facilityId))) {
            throw changes.notFound(by, person, attempt, "block.facility.required");
        }
        Facility facility = facility(by, person, attempt, facilityId);
        if (consents.blockedFacilities(personId).contains(facility.id())) {
            throw changes.refused(by, person, attempt, "block.already");
        }
        consents.block(personId, facility.id(), by.userId());
        changes.changed(by, person, AuditEntry.of(AuditAction.FACILITY_BLOCK, Outcome.PERMIT).on("Facility", facility.id())
                .reason("blocked at the person's request"));
    }

    public void unblock(ChangedBy by, long personId, Long facilityId) {
        AuditEntry attempt = AuditEntry.of(AuditAction.FACILITY_UNBLOCK, Outcome.DENY).on("Facility", facilityId);
        RegisteredPerson person = changes.person(by, personId, attempt);
        Set<Long> blocked = consents.blockedFacilities(personId);
        if (by.resident() && !blocked.contains(facilityId)) {
            throw changes.notFound(by, person, attempt, "block.none");
        }
        Facility facility = facility(by, person, attempt, facilityId);
        if (!blocked.contains(facility.id())) {
            throw changes.refused(by, person, attempt, "block.none");
        }
        consents.unblock(personId, facility.id());
        changes.changed(by, person, AuditEntry.of(AuditAction.FACILITY_UNBLOCK, Outcome.PERMIT)
                .on("Facility", facility.id()).reason("block lifted at the person's request"));
    }

    private Facility facility(ChangedBy by, RegisteredPerson person, AuditEntry attempt, Long facilityId) {
        return Optional.ofNullable(facilityId).flatMap(facilities::find)
                .orElseThrow(() -> changes.notFound(by, person, attempt, "block.facility.required"));
    }
}

package org.musubi.registry.profile;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.NotPermitted;

/** A network administrator sets a facility's profile: one audit row (FACILITY_UPDATE), refusals included. */
public final class SetFacilityProfile {

    private final FacilityProfiles profiles;
    private final Audit audit;

    public SetFacilityProfile(FacilityProfiles profiles, Audit audit) {
        this.profiles = profiles;
        this.audit = audit;
    }

    /** Stores the profile; {@link NotPermitted} for anyone but a network administrator and for no such facility. */
    public FacilityProfile set(Administrator admin, FacilityProfile profile) {
        if (!admin.mayManageFacilities()) {
            audit.record(AuditEntry.of(AuditAction.FACILITY_UPDATE, Outcome.DENY).on("Facility", profile.facilityId())
                    .reason("not a network admin"));
            throw new NotPermitted("facility administration");
        }
        if (!profiles.save(profile)) {
            audit.record(AuditEntry.of(AuditAction.FACILITY_UPDATE, Outcome.DENY).on("Facility", profile.facilityId())
                    .reason("no such facility"));
            throw new NotPermitted("facility administration");
        }
        audit.record(AuditEntry.of(AuditAction.FACILITY_UPDATE, Outcome.PERMIT).on("Facility", profile.facilityId())
                .reason("profile"));
        return profile;
    }
}

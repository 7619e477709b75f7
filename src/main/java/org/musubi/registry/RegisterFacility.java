package org.musubi.registry;

import java.util.ArrayList;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;

/** Adds a participating facility (network admins only), or changes one when an id is given. */
public final class RegisterFacility {

    private final Facilities facilities;
    private final Audit audit;

    public RegisterFacility(Facilities facilities, Audit audit) {
        this.facilities = facilities;
        this.audit = audit;
    }

    public Facility register(Administrator admin, Long existingId, FacilityDraft draft) {
        AuditAction action = existingId == null ? AuditAction.FACILITY_CREATE : AuditAction.FACILITY_UPDATE;
        if (!admin.mayManageFacilities()) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("Facility", idOrNew(existingId)).reason("not a network admin"));
            throw new NotPermitted("facility administration");
        }
        if (existingId != null && facilities.find(existingId).filter(f -> !f.kind().participating()).isPresent()) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("Facility", existingId)
                    .reason("the health notebook's own source is not a participant"));
            throw new NotPermitted("facility administration");
        }
        List<FieldFault> faults = new ArrayList<>(draft.check());
        if (faults.isEmpty() && draft.validCode() != null) {
            facilities.findByCode(draft.validCode().value())
                    .filter(other -> existingId == null || other.id() != existingId)
                    .ifPresent(other -> faults.add(FieldFault.of("code", "facility.code.taken", other.nameKanji())));
        }
        if (!faults.isEmpty()) {
            throw new InvalidRegistration(faults);
        }
        Facility saved = existingId == null ? facilities.insert(draft) : facilities.update(existingId, draft);
        audit.record(AuditEntry.of(action, Outcome.PERMIT).on("Facility", saved.id()));
        return saved;
    }

    private static Object idOrNew(Long id) {
        return id == null ? "new" : id;
    }
}

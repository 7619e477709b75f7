package org.musubi.registry.systems;

import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;

/**
 * Declares an identifier system as a facility's patient IDs, or removes the declaration: network administrators
 * for every facility, a facility's administrators for their own. A system names one facility network-wide; the
 * systems Musubi gives meaning to ({@link BuiltInSystems#reserved}) cannot be declared. Each change leaves one audit
 * row; a change refused for the administrator leaves one too (DENY), a faulty system none (nothing changed).
 *
 * <p>Removing a declaration changes what the FHIR API accepts and answers, never what is stored: the facility's
 * patients registered by that system stay its patients, linked as they were, with their data; the identifiers they
 * were registered with stay recorded, but the API no longer accepts that system in a Patient, a query or a
 * reference, and no longer lists identifiers in it, until the facility declares it again.
 */
public final class DeclareIdentifierSystem {

    private final DeclaredSystems declared;
    private final Facilities facilities;
    private final BuiltInSystems builtIn;
    private final Audit audit;

    public DeclareIdentifierSystem(DeclaredSystems declared, Facilities facilities, BuiltInSystems builtIn, Audit audit) {
        this.declared = declared;
        this.facilities = facilities;
        this.builtIn = builtIn;
        this.audit = audit;
    }

    public DeclaredSystem declare(Administrator admin, long facilityId, String system) {
        Facility facility = permitted(admin, facilityId, AuditAction.IDENTIFIER_SYSTEM_DECLARE);
        FieldFault fault = SystemUris.fault(system).orElse(null);
        String text = system == null ? "" : system.strip();
        if (fault == null && text.equals(builtIn.of(facility))) {
            fault = FieldFault.of("system", "facility.systems.ownBuiltIn");
        }
        if (fault == null) {
            fault = builtIn.reserved(text).map(key -> FieldFault.of("system", key)).orElse(null);
        }
        if (fault == null) {
            fault = declared.find(text).map(other -> taken(other, facilityId)).orElse(null);
        }
        if (fault != null) {
            throw new InvalidRegistration(List.of(fault));
        }
        DeclaredSystem saved = declared.insert(facilityId, text, admin.userId()).orElseThrow(() -> new InvalidRegistration(
                List.of(declared.find(text).map(other -> taken(other, facilityId))
                        .orElse(FieldFault.of("system", "facility.systems.already")))));
        audit.record(AuditEntry.of(AuditAction.IDENTIFIER_SYSTEM_DECLARE, Outcome.PERMIT).on("Facility", facilityId)
                .reason(text));
        return saved;
    }

    /** Removes the facility's declaration of {@code system}; a system it has not declared is a field fault. */
    public void remove(Administrator admin, long facilityId, String system) {
        permitted(admin, facilityId, AuditAction.IDENTIFIER_SYSTEM_REMOVE);
        String text = system == null ? "" : system.strip();
        if (!declared.delete(facilityId, text)) {
            throw new InvalidRegistration(List.of(FieldFault.of("system", "facility.systems.notDeclared", text)));
        }
        audit.record(AuditEntry.of(AuditAction.IDENTIFIER_SYSTEM_REMOVE, Outcome.PERMIT).on("Facility", facilityId)
                .reason(text));
    }

    private FieldFault taken(DeclaredSystem other, long facilityId) {
        return other.facilityId() == facilityId ? FieldFault.of("system", "facility.systems.already")
                : FieldFault.of("system", "facility.systems.taken", facilities.find(other.facilityId())
                        .map(Facility::nameKanji).orElse(String.valueOf(other.facilityId())));
    }

    /** The facility, when the administrator may manage its systems; otherwise refused (audited) as not permitted. */
    private Facility permitted(Administrator admin, long facilityId, AuditAction action) {
        Facility facility = mayManage(admin, facilityId) ? facilities.find(facilityId).orElse(null) : null;
        if (facility == null) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("Facility", facilityId)
                    .reason("outside the administrator's facilities"));
            throw new NotPermitted("identifier systems of facility " + facilityId);
        }
        return facility;
    }

    /** Network administrators manage every facility's systems, facility administrators their own facilities'. */
    public static boolean mayManage(Administrator admin, long facilityId) {
        return admin.networkAdmin() || admin.adminFacilityIds().contains(facilityId);
    }
}

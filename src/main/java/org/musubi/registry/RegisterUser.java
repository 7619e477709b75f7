package org.musubi.registry;

import java.util.ArrayList;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;

/**
 * Adds a user, or changes one when an id is given. Facility admins may only manage members of
 * their own facilities and never grant network administration. Users are disabled, not deleted.
 */
public final class RegisterUser {

    private final Users users;
    private final Facilities facilities;
    private final Audit audit;

    public RegisterUser(Users users, Facilities facilities, Audit audit) {
        this.users = users;
        this.facilities = facilities;
        this.audit = audit;
    }

    public User register(Administrator admin, Long existingId, UserDraft draft) {
        AuditAction action = existingId == null ? AuditAction.USER_CREATE : AuditAction.USER_UPDATE;
        User existing = existingId == null ? null : users.find(existingId).orElseThrow(() -> new NotPermitted("unknown user"));
        if ((existing != null && !admin.mayManage(existing)) || !admin.mayAssign(draft)) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("User", existingId == null ? "new" : existingId)
                    .reason("outside the administrator's facilities"));
            throw new NotPermitted("user administration");
        }
        List<FieldFault> faults = new ArrayList<>(draft.check());
        if (draft.profession() == Profession.FACILITY_SYSTEM || draft.profession() == Profession.RESIDENT
                || (existing != null && existing.profession() == Profession.FACILITY_SYSTEM)) {
            faults.add(FieldFault.of("profession", "user.profession.systemOnly"));
        }
        draft.memberships().stream().filter(m -> facilities.find(m.facilityId()).filter(f -> f.kind().participating()).isEmpty()).findFirst()
                .ifPresent(m -> faults.add(FieldFault.of("memberships", "user.memberships.unknown", m.facilityId())));
        if (draft.loginId() != null) {
            users.findByLoginId(draft.loginId()).filter(other -> existing == null || other.id() != existing.id())
                    .ifPresent(other -> faults.add(FieldFault.of("loginId", "user.loginId.taken", draft.loginId())));
        }
        if (!faults.isEmpty()) {
            throw new InvalidRegistration(faults);
        }
        User saved = existing == null ? users.insert(draft, false) : users.update(existing.id(), draft);
        audit.record(AuditEntry.of(action, Outcome.PERMIT).on("User", saved.id()));
        return saved;
    }
}

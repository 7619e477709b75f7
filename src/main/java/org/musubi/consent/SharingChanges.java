package org.musubi.consent;

import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditEntry;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * What the use cases changing a person's sharing choices share: whether the one asking ({@link ChangedBy}) may change
 * this person's choices, the refusals (for a resident, anything not theirs is {@link ChangedBy#NOT_FOUND}), and the
 * audit rows: one per change, naming the person and the purpose; for a resident one per refused attempt as well.
 */
final class SharingChanges {

    private final IdentityStore identities;
    private final Users users;
    private final Audit audit;

    SharingChanges(IdentityStore identities, Users users, Audit audit) {
        this.identities = identities;
        this.users = users;
        this.audit = audit;
    }

    /**
     * The person whose choices change, once {@code by} may change them: an operator any existing person's, a resident
     * only their own. {@code attempt} is the DENY row a resident's refusal leaves.
     */
    RegisteredPerson person(ChangedBy by, long personId, AuditEntry attempt) {
        Optional<RegisteredPerson> person = identities.person(personId);
        if (!by.resident()) {
            return person.orElseThrow(() -> new Refused("consent.person.unknown"));
        }
        boolean own = person.isPresent() && users.find(by.userId()).filter(User::active).filter(User::resident)
                .map(User::personId).filter(id -> id == personId).isPresent();
        if (!own) {
            throw denied(by, person.orElse(null), attempt, ChangedBy.NOT_FOUND + ": not the resident's own person");
        }
        return person.get();
    }

    /**
     * What {@code by} named is not the person's (or does not exist): {@code operatorKey} for an operator; for a
     * resident the one {@link ChangedBy#NOT_FOUND}, audited.
     */
    Refused notFound(ChangedBy by, RegisteredPerson person, AuditEntry attempt, String operatorKey) {
        return by.resident() ? denied(by, person, attempt, ChangedBy.NOT_FOUND + ": " + operatorKey)
                : new Refused(operatorKey);
    }

    /** The change cannot be made as asked ({@code key} says why); audited for a resident. */
    Refused refused(ChangedBy by, RegisteredPerson person, AuditEntry attempt, String key) {
        return by.resident() ? denied(by, person, attempt, key) : new Refused(key);
    }

    /** Records the change's one row, naming the person and the purpose of the one who asked. */
    void changed(ChangedBy by, RegisteredPerson person, AuditEntry entry) {
        audit.record(entry.patient(person.person().regionalId()).purpose(by.purpose()));
    }

    private Refused denied(ChangedBy by, RegisteredPerson person, AuditEntry attempt, String reason) {
        audit.record(attempt.patient(person == null ? null : person.person().regionalId()).purpose(by.purpose())
                .reason(reason));
        int colon = reason.indexOf(": ");
        return new Refused(colon < 0 ? reason : reason.substring(0, colon));
    }
}

package org.musubi.consent;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;

/**
 * An operator records a consent form the patient signed, or its withdrawal; the person themself may withdraw their
 * own consent from their health notebook ({@link ChangedBy}). A consent covers all participating facilities' data or
 * one disclosing facility's (a disclosure card); research is a separate opt-in purpose. Both take effect on the very
 * next request; both are audited.
 */
public final class RecordConsent {

    /** The purposes a consent form can give, in the form's order; research is a separate opt-in. */
    public static final List<Purpose> PURPOSES = List.of(Purpose.TREATMENT, Purpose.EMERGENCY, Purpose.RESEARCH);

    private final Consents consents;
    private final IdentityStore identities;
    private final Facilities facilities;
    private final SharingChanges changes;
    private final Audit audit;

    RecordConsent(Consents consents, IdentityStore identities, Facilities facilities, SharingChanges changes,
                  Audit audit) {
        this.consents = consents;
        this.identities = identities;
        this.facilities = facilities;
        this.changes = changes;
        this.audit = audit;
    }

    /** Throws {@link Refused} with a message key when the form cannot be recorded as filled in. */
    public Consent grant(long userId, Long userFacilityId, ConsentForm form) {
        RegisteredPerson person = identities.person(form.personId()).orElseThrow(() -> new Refused("consent.person.unknown"));
        if (!person.active()) {
            throw new Refused("consent.person.notActive");
        }
        if (form.purposes().isEmpty()) {
            throw new Refused("consent.purposes.required");
        }
        if (!PURPOSES.containsAll(form.purposes())) {
            throw new Refused("consent.purposes.invalid");
        }
        Long scopeFacility = scopeFacility(form);
        Consent consent = consents.grant(person.id(), form.scope(), scopeFacility, form.purposes(), userId, userFacilityId);
        audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("Consent", consent.id())
                .patient(person.person().regionalId())
                .reason(form.scope() + (scopeFacility == null ? "" : " " + scopeFacility) + " " + new TreeSet<>(form.purposes())));
        return consent;
    }

    /**
     * Withdraws one of the person's consents. Throws {@link Refused}: {@code consent.unknown} (for a resident
     * {@link ChangedBy#NOT_FOUND}) when it is not the person's, {@code consent.notActive} when already withdrawn.
     */
    public void withdraw(ChangedBy by, long personId, long consentId) {
        AuditEntry attempt = AuditEntry.of(AuditAction.UPDATE, Outcome.DENY).on("Consent", consentId);
        RegisteredPerson person = changes.person(by, personId, attempt);
        Consent consent = consents.of(personId).stream().filter(c -> c.id() == consentId).findFirst()
                .orElseThrow(() -> changes.notFound(by, person, attempt, "consent.unknown"));
        if (!consent.active() || !consents.withdraw(consentId, by.userId())) {
            throw changes.refused(by, person, attempt, "consent.notActive");
        }
        changes.changed(by, person, AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on("Consent", consentId)
                .reason("withdrawn"));
    }

    private Long scopeFacility(ConsentForm form) {
        if (form.scope() == null) {
            throw new Refused("consent.scope.required");
        }
        if (form.scope() == ConsentScope.ALL_FACILITIES) {
            return null;
        }
        if (form.scopeFacilityId() == null) {
            throw new Refused("consent.scope.facilityRequired");
        }
        return facilities.find(form.scopeFacilityId()).filter(Facility::active).filter(Facility::disclosing)
                .map(Facility::id).orElseThrow(() -> new Refused("consent.scope.notDisclosing"));
    }

    /** What the signed form says: whose, which data (all facilities' or one facility's) and for what. */
    public record ConsentForm(long personId, ConsentScope scope, Long scopeFacilityId, Set<Purpose> purposes) {

        public ConsentForm {
            purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        }
    }
}

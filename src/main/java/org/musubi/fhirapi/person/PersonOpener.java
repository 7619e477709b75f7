package org.musubi.fhirapi.person;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.access.Caller;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.Permit;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.policy.PersonView;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceLookup;
import org.springframework.stereotype.Component;

/**
 * Opens persons for API callers through the access policy (one audited decision per person asked for) and shows them
 * as Patients with what the caller may see of them ({@link PersonPatients}): asked by the person's id, or through a
 * patient of the caller's own facility (its own patient ID), which without standing shows that patient only, under
 * its own identifiers and its own Patient's id ({@link org.musubi.policy.Permit#OWN_PATIENT}).
 */
@Component
public class PersonOpener {

    private final IdentityStore identities;
    private final PersonAccess access;
    private final PersonPatients patients;
    private final ResourceLookup store;

    PersonOpener(IdentityStore identities, PersonAccess access, PersonPatients patients, ResourceLookup store) {
        this.identities = identities;
        this.access = access;
        this.patients = patients;
        this.store = store;
    }

    /**
     * The person as the caller may see them; empty both when no such person exists and when the policy
     * refuses, so that callers answer both alike. Either way the decision is audited once. A resident's app asking
     * about another person than its resident is refused in that one row too ({@link org.musubi.record.Reader#onlyPerson}).
     */
    public Optional<OpenedPerson> open(Caller caller, long personId) {
        Reader reader = caller.reader();
        PersonView view = reader.mayAsk(personId) ? access.viewPerson(caller.userId(), reader.purpose(), personId)
                : new PersonView(access.interact(caller.userId(), reader.purpose(), Reached.person(personId),
                        AuditAction.READ, "Patient", refused -> Interaction.refused(
                                new Deny(ReadRecords.APP_OWN_PERSON_ONLY), List.of(String.valueOf(personId)))).decision(),
                        null);
        if (!view.permitted()) {
            return Optional.empty();
        }
        return view.opened().map(person -> opened(caller, person, view));
    }

    /**
     * The person behind {@code source}, a patient of the caller's own facility, as the caller may see them (audited
     * once): the person when the caller's facility has standing, else that patient only; empty when refused.
     */
    public Optional<OpenedPerson> openThrough(Caller caller, long personId, SourcePatient source) {
        Reader reader = caller.reader();
        Interaction<PersonView> opened = access.interact(caller.userId(), reader.purpose(), Reached.through(personId,
                source.id()),
                AuditAction.READ, "Patient", view -> reader.mayAsk(personId)
                        ? Interaction.permitted(view, view.decision(), List.of(String.valueOf(personId)))
                        : Interaction.refused(new Deny(ReadRecords.APP_OWN_PERSON_ONLY), List.of(String.valueOf(personId))));
        return Optional.ofNullable(opened.value()).filter(PersonView::permitted).map(view -> opened(caller, view));
    }

    /**
     * {@code held}, a patient of the caller's own facility that 名寄せ has joined to no person, as the caller may see it
     * (audited once, {@link PersonAccess#interact}, {@link org.musubi.policy.Reached#held}): that patient only, under
     * its own identifiers and its own
     * Patient's id; empty when refused.
     */
    public Optional<OpenedPerson> openHeld(Caller caller, SourcePatient held) {
        Interaction<PersonView> opened = access.interact(caller.userId(), caller.reader().purpose(),
                Reached.held(held.id()),
                AuditAction.READ, "Patient", view -> Interaction.permitted(view, view.decision(),
                        List.of(org.musubi.record.PatientRef.ownKey(held.id()))));
        return Optional.ofNullable(opened.value()).filter(PersonView::permitted).map(view -> opened(caller, view));
    }

    /** The person (or the caller's own patient) of a permitting view decided (and audited) elsewhere. */
    public OpenedPerson opened(Caller caller, PersonView view) {
        if (view.ownPatient().isPresent()) {
            SourcePatient own = view.ownPatient().get();
            return new OpenedPerson(null, view, List.of(own), own,
                    store.patientIds(own.facilityId(), List.of(own.id())).get(own.id()));
        }
        return opened(caller, view.opened().orElseThrow(), view);
    }

    /** The person as seen through a view already decided (and audited) elsewhere. */
    public OpenedPerson opened(Caller caller, RegisteredPerson person, PersonView view) {
        if (!view.permitted()) {
            return new OpenedPerson(person, view, List.of(), null);
        }
        List<SourcePatient> sources = view.opened().isPresent() ? view.sources() : identities.sourcePatientsOf(person.id());
        List<SourcePatient> visible = sources.stream()
                .filter(s -> view.sees(new DataItem(s.facilityId(), DataCategory.DEMOGRAPHICS))).toList();
        SourcePatient own = view.decision().key().equals(Permit.OWN_FACILITY_DATA) ? sources.stream()
                .filter(s -> caller.facilityId() != null && s.facilityId() == caller.facilityId())
                .findFirst().orElse(null) : null;
        return new OpenedPerson(person, view, visible, own);
    }

    /** The opened person (or the caller's own patient) as a JP Core Patient. */
    public Patient patient(OpenedPerson opened) {
        return patients.toPatient(opened);
    }
}

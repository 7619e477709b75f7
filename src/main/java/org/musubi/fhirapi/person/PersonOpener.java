package org.musubi.fhirapi.person;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.fhirapi.access.Caller;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonView;
import org.musubi.record.ReadRecords;
import org.springframework.stereotype.Component;

/**
 * Opens persons for API callers through the access policy (one audited decision per person asked for) and shows them
 * as Patients with what the caller may see of them ({@link PersonPatients}).
 */
@Component
public class PersonOpener {

    private final IdentityStore identities;
    private final PersonAccess access;
    private final PersonPatients patients;

    PersonOpener(IdentityStore identities, PersonAccess access, PersonPatients patients) {
        this.identities = identities;
        this.access = access;
        this.patients = patients;
    }

    /**
     * The person as the caller may see them; empty both when no such person exists and when the policy
     * refuses, so that callers answer both alike. Either way the decision is audited once. A resident's app asking
     * about another person than its resident is refused in that one row too ({@link org.musubi.record.Reader#onlyPerson}).
     */
    public Optional<OpenedPerson> open(Caller caller, long personId) {
        org.musubi.record.Reader reader = caller.reader();
        PersonView view = reader.mayAsk(personId) ? access.viewPerson(caller.userId(), reader.purpose(), personId)
                : new PersonView(access.interact(caller.userId(), reader.purpose(), personId,
                        org.musubi.audit.AuditAction.READ, "Patient", refused -> Interaction.refused(
                                new Deny(ReadRecords.APP_OWN_PERSON_ONLY), List.of(String.valueOf(personId)))).decision(),
                        null);
        if (!view.permitted()) {
            return Optional.empty();
        }
        return view.opened().map(person -> opened(caller, person, view));
    }

    /** The person of a permitting view decided (and audited) elsewhere, as the decision saw them. */
    public OpenedPerson opened(Caller caller, PersonView view) {
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
        SourcePatient own = view.ownDataOnly() ? sources.stream()
                .filter(s -> caller.facilityId() != null && s.facilityId() == caller.facilityId())
                .findFirst().orElse(null) : null;
        return new OpenedPerson(person, view, visible, own);
    }

    /** The opened person as a JP Core Patient. */
    public Patient patient(OpenedPerson opened) {
        return patients.toPatient(opened.person(), opened.visible(), opened.ownOnly());
    }
}

package org.musubi.fhirapi.internal;

import java.util.List;
import java.util.Optional;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonView;
import org.springframework.stereotype.Component;

/** Opens persons for API callers through the access policy: one audited decision per person asked for. */
@Component
class PersonOpener {

    private final IdentityStore identities;
    private final PersonAccess access;

    PersonOpener(IdentityStore identities, PersonAccess access) {
        this.identities = identities;
        this.access = access;
    }

    /**
     * The person as the caller may see them; empty both when no such person exists and when the policy
     * refuses, so that callers answer both alike. Either way the decision is audited once.
     */
    Optional<OpenedPerson> open(Caller caller, long personId) {
        PersonView view = access.viewPerson(caller.userId(), PurposeOfUse.current(), personId);
        if (!view.permitted()) {
            return Optional.empty();
        }
        return identities.person(personId).map(person -> opened(caller, person, view));
    }

    /** The person as seen through a view already decided (and audited) elsewhere. */
    OpenedPerson opened(Caller caller, RegisteredPerson person, PersonView view) {
        if (!view.permitted()) {
            return new OpenedPerson(person, view, List.of(), null);
        }
        List<SourcePatient> sources = identities.sourcePatientsOf(person.id());
        List<SourcePatient> visible = sources.stream()
                .filter(s -> view.sees(new DataItem(s.facilityId(), DataCategory.DEMOGRAPHICS))).toList();
        SourcePatient own = view.ownDataOnly() ? sources.stream()
                .filter(s -> caller.facilityId() != null && s.facilityId() == caller.facilityId())
                .findFirst().orElse(null) : null;
        return new OpenedPerson(person, view, visible, own);
    }
}

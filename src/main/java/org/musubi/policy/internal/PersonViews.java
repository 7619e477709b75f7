package org.musubi.policy.internal;

import java.util.List;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.PersonFacts;
import org.musubi.policy.PersonView;
import org.musubi.policy.Requester;
import org.springframework.stereotype.Component;

/**
 * A person's view as the policy decides it now, by the person's id, neither audited nor touching the facility's link:
 * for a caller whose own audit row covers the person (the linked-patient list's row per patient shown), so that a
 * glance at what is new neither writes a second row nor keeps an idle link alive.
 */
@Component
class PersonViews {

    private final AccessPolicy policy;
    private final PolicyFacts facts;
    private final IdentityStore identities;

    PersonViews(AccessPolicy policy, PolicyFacts facts, IdentityStore identities) {
        this.policy = policy;
        this.facts = facts;
        this.identities = identities;
    }

    AccessPolicy policy() {
        return policy;
    }

    PolicyFacts facts() {
        return facts;
    }

    IdentityStore identities() {
        return identities;
    }

    PersonView view(Requester requester, Purpose purpose, long personId) {
        RegisteredPerson registered = identities.person(personId).orElse(null);
        if (registered == null) {
            return new PersonView(new Deny(Deny.UNKNOWN_PERSON), null);
        }
        List<SourcePatient> sources = identities.sourcePatientsOf(personId);
        PersonFacts person = facts.person(personId, registered.person().address(), sources);
        Decision decision = policy.decidePerson(requester, purpose, person, false);
        return new PersonView(decision, decision.permitted() ? policy.itemDecisions(requester, purpose, person) : null,
                registered, sources, decision.permitted() && policy.standing(requester, person));
    }
}

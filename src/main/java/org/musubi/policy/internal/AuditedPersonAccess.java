package org.musubi.policy.internal;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.Decision;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.Permit;
import org.musubi.policy.PersonView;
import org.musubi.policy.PersonFacts;
import org.musubi.policy.Requester;
import org.springframework.stereotype.Service;

@Service
class AuditedPersonAccess implements PersonAccess {

    private final AccessPolicy policy;
    private final PolicyFacts facts;
    private final IdentityStore identities;
    private final Audit audit;

    AuditedPersonAccess(AccessPolicy policy, PolicyFacts facts, IdentityStore identities, Audit audit) {
        this.policy = policy;
        this.facts = facts;
        this.identities = identities;
        this.audit = audit;
    }

    @Override
    public Decision openPerson(long userId, Purpose purpose, long personId) {
        return viewPerson(userId, purpose, personId).decision();
    }

    @Override
    public PersonView viewPerson(long userId, Purpose purpose, long personId) {
        String regionalId = identities.person(personId).map(p -> p.person().regionalId()).orElse(null);
        Requester requester = facts.requester(userId);
        PersonFacts person = facts.person(personId);
        Decision decision = regionalId == null ? new org.musubi.policy.Deny(org.musubi.policy.Deny.NO_RULE)
                : policy.decidePerson(requester, purpose, person);
        audit.record(AuditEntry.of(AuditAction.READ, decision.permitted() ? Outcome.PERMIT : Outcome.DENY)
                .on("Patient", personId).patient(regionalId).purpose(purpose).reason(decision.key()));
        if (decision.key().equals(Permit.TREATMENT_CONSENT_AND_LINK) && requester.facilityId() != null) {
            facts.touchLink(personId, requester.facilityId());
        }
        return new PersonView(decision, decision.permitted() ? policy.filter(requester, purpose, person) : null);
    }
}

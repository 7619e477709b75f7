package org.musubi.policy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.EmergencyAccess;
import org.musubi.policy.EmergencyEligibility;
import org.musubi.policy.PersonFacts;
import org.musubi.policy.Requester;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.springframework.stereotype.Service;

/** Asks the access policy what an emergency access would give, by adding one to the facts it decides on. */
@Service
class EmergencyGate implements EmergencyEligibility {

    private final AccessPolicy policy;
    private final PolicyFacts facts;
    private final IdentityStore identities;
    private final Clock clock = Clock.systemUTC();

    EmergencyGate(AccessPolicy policy, PolicyFacts facts, IdentityStore identities) {
        this.policy = policy;
        this.facts = facts;
        this.identities = identities;
    }

    @Override
    public Decision user(long userId) {
        return policy.decideBreakGlass(facts.requester(userId), facts.disasterModeOn());
    }

    @Override
    public boolean crew(long userId) {
        Requester requester = facts.requester(userId);
        return requester.profession() == Profession.PARAMEDIC
                && facts.facilityKind(requester.facilityId()) == FacilityKind.FIRE_DEPARTMENT;
    }

    @Override
    public Long facilityOf(long userId) {
        return facts.requester(userId).facilityId();
    }

    @Override
    public Decision person(long userId, long personId) {
        if (identities.person(personId).isEmpty()) {
            return new Deny(Deny.UNKNOWN_PERSON);
        }
        PersonFacts known = facts.person(personId);
        List<EmergencyAccess> assumed = new ArrayList<>(known.emergencies());
        assumed.add(new EmergencyAccess(userId, clock.instant().plus(Duration.ofMinutes(1)), "assumed"));
        // without the person's source facilities: a requester's own data opens without the glass, and must not
        // make the glass look useful when the emergency rule itself refuses
        PersonFacts withGlass = new PersonFacts(personId, known.consents(), known.links(), known.blockedFacilityIds(),
                assumed, Set.of(), known.proxies(), known.inDisasterArea(), known.teamMembers());
        return policy.decidePerson(facts.requester(userId), Purpose.EMERGENCY, withGlass, false);
    }
}

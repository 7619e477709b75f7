package org.musubi.policy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.consent.PatientLink;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.ConsentGrant;
import org.musubi.policy.EmergencyAccess;
import org.musubi.policy.FacilityLink;
import org.musubi.policy.PersonFacts;
import org.musubi.policy.Requester;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.springframework.stereotype.Component;

/** Reads the policy's inputs fresh from the registry and the consent records, for every decision. */
@Component
class PolicyFacts {

    private final Users users;
    private final Facilities facilities;
    private final Consents consents;
    private final IdentityStore identities;
    private final DisasterCoverage disaster;
    private final Clock clock = Clock.systemUTC();

    PolicyFacts(Users users, Facilities facilities, Consents consents, IdentityStore identities,
                DisasterCoverage disaster) {
        this.users = users;
        this.facilities = facilities;
        this.consents = consents;
        this.identities = identities;
        this.disaster = disaster;
    }

    /** Whether disaster mode is on anywhere now (from memory). */
    boolean disasterModeOn() {
        return disaster.on();
    }

    Requester requester(long userId) {
        User user = users.find(userId).orElseThrow();
        Facility facility = user.actingFacilityId().flatMap(facilities::find).orElse(null);
        return new Requester(user.id(), user.active(), facility == null ? null : facility.id(),
                facility == null || facility.active(), facility != null && facility.viewing(), user.profession(),
                user.networkAdmin(), user.personId(), facility != null && disaster.responder(facility.id()));
    }

    /** The kind of the facility, or null without one. */
    FacilityKind facilityKind(Long facilityId) {
        return facilityId == null ? null : facilities.find(facilityId).map(Facility::kind).orElse(null);
    }

    PersonFacts person(long personId) {
        return person(personId, identities.person(personId).map(p -> p.person().address()).orElse(null),
                identities.sourcePatientsOf(personId));
    }

    /**
     * The person's facts, given their registry address and the source patients already read (they make up the source
     * facilities).
     */
    PersonFacts person(long personId, String address, List<SourcePatient> sources) {
        Consents.Standing standing = consents.standing(personId);
        List<FacilityLink> links = standing.links().stream().map(PolicyFacts::link).toList();
        return new PersonFacts(personId,
                standing.consents().stream().map(PolicyFacts::grant).toList(),
                links,
                standing.blocked(),
                standing.emergencies().stream()
                        .map(e -> new EmergencyAccess(e.userId(), e.expiresAt(), e.reason())).toList(),
                sources.stream().map(SourcePatient::facilityId)
                        .collect(Collectors.toSet()),
                standing.proxies().stream()
                        .map(p -> new PersonFacts.ProxyAccess(p.proxyUserId(), p.validTo(), p.revokedAt() != null))
                        .toList(),
                disaster.covers(address, links),
                standing.teamMembers().stream().map(m -> new PersonFacts.TeamMembership(m.userId(), m.facilityId(),
                        m.validUntil(), m.endedAt() != null)).toList());
    }

    void touchLink(long personId, long facilityId) {
        consents.touchLink(personId, facilityId, Instant.now(clock));
    }

    private static ConsentGrant grant(Consent c) {
        ConsentGrant.Scope scope = c.scope() == ConsentScope.ALL_FACILITIES
                ? ConsentGrant.Scope.ALL_FACILITIES : ConsentGrant.Scope.ONE_FACILITY;
        return new ConsentGrant(c.id(), scope, c.scopeFacilityId(), c.purposes(), c.active());
    }

    private static FacilityLink link(PatientLink l) {
        return new FacilityLink(l.facilityId(), l.lastUsedAt(), !l.open());
    }
}

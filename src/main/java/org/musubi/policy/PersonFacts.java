package org.musubi.policy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the policy needs to know about the person whose data is asked for: their consents
 * (withdrawn ones included, they count for nothing), facility links, the facilities they blocked
 * from viewing, the break-the-glass accesses opened on them, the facilities whose own patients
 * make up the person's record (their source facilities), the proxies (代理人) they granted, and whether disaster mode
 * (災害モード) is on now where they live ({@code inDisasterArea}: by their address in the registry, or where the facilities
 * with a live link to them are when the registry has none — never an address a facility sent), and the members of
 * their care teams ({@code teamMembers}, ended ones included).
 */
public record PersonFacts(
        long personId,
        List<ConsentGrant> consents,
        List<FacilityLink> links,
        Set<Long> blockedFacilityIds,
        List<EmergencyAccess> emergencies,
        Set<Long> sourceFacilityIds,
        List<ProxyAccess> proxies,
        boolean inDisasterArea,
        List<TeamMembership> teamMembers) {

    public PersonFacts {
        consents = List.copyOf(consents);
        links = List.copyOf(links);
        blockedFacilityIds = Set.copyOf(blockedFacilityIds);
        emergencies = List.copyOf(emergencies);
        sourceFacilityIds = Set.copyOf(sourceFacilityIds);
        proxies = List.copyOf(proxies);
        teamMembers = List.copyOf(teamMembers);
    }

    /** Facts of a person without care teams. */
    public PersonFacts(long personId, List<ConsentGrant> consents, List<FacilityLink> links, Set<Long> blockedFacilityIds,
                       List<EmergencyAccess> emergencies, Set<Long> sourceFacilityIds, List<ProxyAccess> proxies,
                       boolean inDisasterArea) {
        this(personId, consents, links, blockedFacilityIds, emergencies, sourceFacilityIds, proxies, inDisasterArea,
                List.of());
    }

    /** Facts of a person disaster mode does not cover. */
    public PersonFacts(long personId, List<ConsentGrant> consents, List<FacilityLink> links, Set<Long> blockedFacilityIds,
                       List<EmergencyAccess> emergencies, Set<Long> sourceFacilityIds, List<ProxyAccess> proxies) {
        this(personId, consents, links, blockedFacilityIds, emergencies, sourceFacilityIds, proxies, false);
    }

    /** Facts without proxies. */
    public PersonFacts(long personId, List<ConsentGrant> consents, List<FacilityLink> links, Set<Long> blockedFacilityIds,
                       List<EmergencyAccess> emergencies, Set<Long> sourceFacilityIds) {
        this(personId, consents, links, blockedFacilityIds, emergencies, sourceFacilityIds, List.of());
    }

    /** Facts of a person no facility has sent data for (yet). */
    public PersonFacts(long personId, List<ConsentGrant> consents, List<FacilityLink> links, Set<Long> blockedFacilityIds,
                       List<EmergencyAccess> emergencies) {
        this(personId, consents, links, blockedFacilityIds, emergencies, Set.of(), List.of());
    }

    /**
     * A proxy grant as the policy sees it: the proxy's user id and until when it lets them in.
     *
     * @param revoked whether the person (or the operator) revoked it
     */
    public record ProxyAccess(long userId, Instant validTo, boolean revoked) {

        public boolean liveAt(Instant now) {
            return !revoked && now.isBefore(validTo);
        }
    }

    /**
     * A member of one of the person's care teams as the policy sees it: the user, the facility they joined for, until
     * when (null: until they leave) and whether they left or were removed.
     */
    public record TeamMembership(long userId, long facilityId, Instant validUntil, boolean ended) {

        public boolean liveAt(Instant now) {
            return !ended && (validUntil == null || now.isBefore(validUntil));
        }
    }

    /** Whether the requester is, now, a live member of one of the person's care teams for the facility they act for. */
    public boolean teamMember(Requester requester, Instant now) {
        return teamMembers.stream().anyMatch(m -> m.userId() == requester.userId() && requester.actsFor(m.facilityId())
                && m.liveAt(now));
    }

    /** Whether the requester's facility has sent data of its own patient that is linked to this person. */
    public boolean hasDataFrom(Requester requester) {
        return requester.facilityId() != null && sourceFacilityIds.contains(requester.facilityId());
    }

    /** Whether the person blocked the requester's facility; a requester without one is never blocked. */
    public boolean blocks(Requester requester) {
        return requester.facilityId() != null && blockedFacilityIds.contains(requester.facilityId());
    }
}

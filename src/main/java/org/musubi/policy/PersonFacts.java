package org.musubi.policy;

import java.util.List;
import java.util.Set;

/**
 * What the policy needs to know about the person whose data is asked for: their consents
 * (withdrawn ones included, they count for nothing), facility links, the facilities they blocked
 * from viewing, and the break-the-glass accesses opened on them.
 */
public record PersonFacts(
        long personId,
        List<ConsentGrant> consents,
        List<FacilityLink> links,
        Set<Long> blockedFacilityIds,
        List<EmergencyAccess> emergencies) {

    public PersonFacts {
        consents = List.copyOf(consents);
        links = List.copyOf(links);
        blockedFacilityIds = Set.copyOf(blockedFacilityIds);
        emergencies = List.copyOf(emergencies);
    }

    /** Whether the person blocked the requester's facility; a requester without one is never blocked. */
    public boolean blocks(Requester requester) {
        return requester.facilityId() != null && blockedFacilityIds.contains(requester.facilityId());
    }
}

package org.musubi.policy.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.musubi.disaster.DisasterMode;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.FacilityLink;
import org.musubi.registry.Facilities;
import org.musubi.registry.places.Prefectures;
import org.springframework.stereotype.Component;

/**
 * Whether disaster mode (災害モード) covers a person now, for the policy's rule on disaster responders: asked of
 * memory, and only while it is on for some municipalities are places read — the person's own address in the registry,
 * or, when the registry has none, where the facilities with standing (a live link made with the person's card) are.
 * Never what a facility sent: a look-alike patient registered with an address inside the area, before or after the
 * period started, is data, not a reason for responders to find the person ({@link AccessPolicy#standing}).
 */
@Component
class DisasterCoverage {

    private final DisasterMode disaster;
    private final Facilities facilities;
    private final AccessPolicy policy;

    DisasterCoverage(DisasterMode disaster, Facilities facilities, AccessPolicy policy) {
        this.disaster = disaster;
        this.facilities = facilities;
        this.policy = policy;
    }

    /** Whether disaster mode is on anywhere now (from memory). */
    boolean on() {
        return disaster.on();
    }

    /** Whether the facility is a designated disaster responder. */
    boolean responder(long facilityId) {
        return disaster.responder(facilityId);
    }

    /** Whether disaster mode covers the person with this registry address and these facility links now. */
    boolean covers(String registryAddress, Collection<FacilityLink> links) {
        if (!disaster.on()) {
            return false;
        }
        if (disaster.networkWide()) {
            return true;
        }
        if (registryAddress != null && !registryAddress.isBlank()) {
            return disaster.covers(List.of(registryAddress));
        }
        return disaster.covers(policy.standingFacilities(links).stream().map(facilities::find).flatMap(Optional::stream)
                .filter(f -> f.kind().participating())
                .map(f -> Prefectures.withPrefecture(f.prefecture(), f.address())).filter(Objects::nonNull).toList());
    }
}

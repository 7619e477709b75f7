package org.musubi.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A viewing facility's link (連携) to a person. It ends on request and expires when it has not
 * been used for longer than the idle period: it is still live at exactly {@code lastUsed + idle}.
 */
public record FacilityLink(long facilityId, Instant lastUsed, boolean ended) {

    public FacilityLink {
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    public boolean expiredAt(Instant now, Duration idlePeriod) {
        return lastUsed.plus(idlePeriod).isBefore(now);
    }

    public boolean liveAt(Instant now, Duration idlePeriod) {
        return !ended && !expiredAt(now, idlePeriod);
    }
}

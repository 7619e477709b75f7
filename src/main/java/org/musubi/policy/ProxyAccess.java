package org.musubi.policy;

import java.time.Instant;

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

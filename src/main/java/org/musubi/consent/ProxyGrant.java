package org.musubi.consent;

import java.time.Instant;

/**
 * A proxy (代理人): another resident's account may see this person's health notebook until {@code validTo}, unless
 * revoked.
 */
public record ProxyGrant(long id, long personId, long proxyUserId, long grantedBy, Instant grantedAt, Instant validTo,
                         Instant revokedAt) {

    /** Whether the grant lets the proxy in at {@code now}: not revoked, not past its end. */
    public boolean liveAt(Instant now) {
        return revokedAt == null && now.isBefore(validTo);
    }
}

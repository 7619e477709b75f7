package org.musubi.consent;

import java.time.Instant;

/** An emergency (break-the-glass) access opened by one user on one person, with its reason and time limit. */
public record EmergencyAccess(long id, long personId, long userId, String reason, Instant openedAt, Instant expiresAt,
                              Instant reviewedAt) {

    public boolean openAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}

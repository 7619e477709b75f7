package org.musubi.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A break-the-glass access a user opened on a person, with its stated reason. It is open up to,
 * but not including, {@code expiresAt}.
 */
public record EmergencyAccess(long userId, Instant expiresAt, String reason) {

    public EmergencyAccess {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean openAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

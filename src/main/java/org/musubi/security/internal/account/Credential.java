package org.musubi.security.internal.account;

import java.time.Instant;

/** A user's stored login state. */
public record Credential(long userId, String passwordHash, boolean passwordChangeRequired, String totpSecret,
                  long totpLastStep, String enrolmentCodeHash, Instant enrolmentCodeExpires, int failedAttempts,
                  Instant lockedUntil) {

    public boolean enrolled() {
        return totpSecret != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

package org.musubi.security.internal;

import java.time.Instant;

/** A user's stored login state. */
record Credential(long userId, String passwordHash, boolean passwordChangeRequired, String totpSecret,
                  long totpLastStep, String enrolmentCodeHash, Instant enrolmentCodeExpires, int failedAttempts,
                  Instant lockedUntil) {

    boolean enrolled() {
        return totpSecret != null;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

package org.musubi.phr.recovery;

/** Where a re-registration of an existing account stands; only a pending one holds the new credentials. */
public enum RecoveryState {
    PENDING, CONFIRMED, REFUSED, CANCELLED, EXPIRED, REPLACED
}

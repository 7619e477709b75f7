package org.musubi.registry;

/** Users are disabled, never deleted, so the audit trail always names a known person. */
public enum UserStatus {
    ACTIVE,
    DISABLED
}

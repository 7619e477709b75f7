package org.musubi.identity;

public enum CardStatus {
    ACTIVE,
    LOST,
    REISSUED,
    REVOKED
}

package org.musubi.identity.cards;

public enum CardStatus {
    ACTIVE,
    LOST,
    REISSUED,
    REVOKED
}

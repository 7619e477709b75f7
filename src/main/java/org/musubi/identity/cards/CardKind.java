package org.musubi.identity.cards;

/** The regional card (shared by all participants) or one hospital's disclosure card (開示カード). */
public enum CardKind {
    REGIONAL,
    DISCLOSURE
}

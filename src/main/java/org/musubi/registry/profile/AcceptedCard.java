package org.musubi.registry.profile;

/**
 * A card a facility accepts as the resident's proof of presence when it links them (the public 開示病院一覧 shows them):
 * the network's regional card, the facility's own disclosure card (開示カード), the My Number card.
 */
public enum AcceptedCard {
    REGIONAL,
    DISCLOSURE,
    MY_NUMBER
}

package org.musubi.attack;

/**
 * How hospital A's patient stands towards the attacking clinic B: consent, link (連携), block, break-the-glass.
 * Only {@link #CONSENT_AND_LINK} lets B see A's data for treatment, and only {@link #EMERGENCY_GLASS} (the person
 * consented to emergency use, and the user opened break-the-glass) lets B's emergency professions see the
 * emergency minimum for an emergency. {@link #MATCH_ONLY} (B's look-alike patient matched to the person) lets B see
 * nothing of A's.
 */
enum AttackState {
    NONE,
    CONSENT_ONLY,
    LINK_ONLY,
    CONSENT_AND_LINK,
    LINK_ENDED,
    CONSENT_WITHDRAWN,
    FACILITY_BLOCKED,
    /** A disclosure card of another hospital: the consent covers only that hospital's data, not A's. */
    OTHER_HOSPITALS_DISCLOSURE_CARD,
    EMERGENCY_GLASS,
    /**
     * B's own system registered a look-alike of the person (the name, kana, sex, birth date, phone and address a
     * referral letter carries) and 名寄せ linked it to the person at once: B holds data of its own about the person and
     * no standing (no link made with the card, no consent-based access). It must get exactly what a facility without
     * any data of theirs gets (issue 37).
     */
    MATCH_ONLY
}

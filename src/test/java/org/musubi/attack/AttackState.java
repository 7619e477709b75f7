package org.musubi.attack;

/**
 * How hospital A's patient stands towards the attacking clinic B: consent, link (連携), block, break-the-glass.
 * Only {@link #CONSENT_AND_LINK} lets B see A's data for treatment, and only {@link #EMERGENCY_GLASS} (the person
 * consented to emergency use, and the user opened break-the-glass) lets B's emergency professions see the
 * emergency minimum for an emergency.
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
    EMERGENCY_GLASS
}

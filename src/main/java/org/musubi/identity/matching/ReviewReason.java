package org.musubi.identity.matching;

/** Why a candidate goes to an operator instead of being linked automatically. */
public enum ReviewReason {
    /** The best score lies between the review and the auto-link thresholds. */
    SCORE_BELOW_AUTO_LINK,
    /** Safety: the birth dates disagree (not a swap, one digit or the same month). */
    BIRTH_DATE_DISAGREES,
    /** Safety: the sexes disagree. */
    SEX_DISAGREES,
    /** Safety: family and given names both disagree. */
    NAMES_DISAGREE,
    /** Safety: the given names disagree — twins and other household members share everything else. */
    GIVEN_NAME_DISAGREES,
    /** Safety: the insured numbers name the same card with another 枝番 — another member of the family. */
    INSURED_FAMILY_MEMBER,
    /** A runner-up scored within 10 bits of the best: a duplicate person to merge, or a namesake. */
    CLOSE_RUNNER_UP
}

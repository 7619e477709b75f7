package org.musubi.identity.matching.compare;

/**
 * How far two values of one field agree, from a field comparator. Each field uses
 * {@link #DISAGREE}, {@link #MISSING} and its own subset of the agreement levels.
 */
public enum Agreement {
    /** Equal after normalisation (every field). */
    EXACT,
    /** Names: the same kana reading, different kanji. */
    SAME_READING,
    /** Names: kana Jaro-Winkler ≥ 0.92, or the same kanji read differently. */
    CLOSE,
    /** Birth date: day and month transposed. */
    DAY_MONTH_SWAPPED,
    /** Birth date: exactly one digit of YYYYMMDD differs. */
    ONE_DIGIT,
    /** Birth date: same year and month, day otherwise different. */
    SAME_YEAR_MONTH,
    /** Phone: the last eight digits agree (with and without area code, +81 and the like). */
    LAST_8_DIGITS,
    /** Postal code: the first three digits agree (the same post-office area). */
    FIRST_3_DIGITS,
    /** Address: one, with a house number, is contained in the other (prefecture or city left out). */
    CONTAINS,
    /** Address: token Jaccard overlap ≥ 0.6 (same town, different house number or a typo). */
    TOKEN_OVERLAP,
    /** Insured number: the same card (insurer, 記号, 番号), one side without a 枝番 — the person or a family member. */
    SAME_CARD,
    /** Insured number: the same card with another 枝番 — another member of the family, never the person. */
    FAMILY_MEMBER,
    /** Both present, none of the above. */
    DISAGREE,
    /** At least one side has no value; carries no weight. */
    MISSING
}

package org.musubi.policy;

import java.util.Set;

/** What kind of data an item is; the access policy decides per category. */
public enum DataCategory {
    DEMOGRAPHICS,
    ENCOUNTERS,
    DIAGNOSES,
    ALLERGIES,
    MEDICATIONS,
    LAB_RESULTS,
    VITALS,
    DOCUMENTS,
    IMAGING,
    PROCEDURES,
    IMMUNIZATIONS,
    CARE_RECORDS,
    /** The emergency information sheet (命の宝箱). */
    EMERGENCY_SHEET,
    REFERRALS;

    /** The minimum dataset a break-the-glass emergency access may see. */
    public static final Set<DataCategory> EMERGENCY_MINIMUM = Set.of(
            DEMOGRAPHICS, ALLERGIES, MEDICATIONS, DIAGNOSES, VITALS, LAB_RESULTS, EMERGENCY_SHEET);
}

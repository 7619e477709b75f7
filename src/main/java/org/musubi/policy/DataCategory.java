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
    REFERRALS,
    /**
     * Administrative and financial data about the patient (Claim, ExplanationOfBenefit, Coverage, Account,
     * ChargeItem, Invoice …): no clinical content, seen only within the facility that recorded it
     * ({@link #SOURCE_FACILITY_ONLY}) and, by default, only by its systems and clerks.
     */
    ADMINISTRATIVE;

    /**
     * The minimum dataset a break-the-glass emergency access may see. Encounters belong to it (issue 26): an ambulance
     * crew and the emergency room need to know where the person was treated last (マイナ救急 shows 受診歴 too).
     */
    public static final Set<DataCategory> EMERGENCY_MINIMUM = Set.of(
            DEMOGRAPHICS, ENCOUNTERS, ALLERGIES, MEDICATIONS, DIAGNOSES, VITALS, LAB_RESULTS, EMERGENCY_SHEET);

    /**
     * The categories the network never shares: for treatment and emergencies they are seen only by the users of the
     * facility that recorded them (and by the patient themself), whatever consents and links say. A hospital's claims
     * and coverage are its own business with the patient and the payer, not part of the regional record.
     */
    public static final Set<DataCategory> SOURCE_FACILITY_ONLY = Set.of(ADMINISTRATIVE);
}

package org.musubi.policy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
    ADMINISTRATIVE,
    /**
     * A flag, not a kind of data: the JP-CLINS tag 未告知 ({@code meta.tag} UNINFORMED of
     * {@code http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication}): the patient has not been told yet. A
     * resource tagged so, and any container holding one, holds this besides its own category; the policy never shows it
     * to the patient, a proxy or the patient's apps, and shows it to clinicians like the data it flags (the screens mark
     * it). See {@link #FLAGS}.
     */
    UNINFORMED,
    /**
     * A flag, not a kind of data: the JP-CLINS tag 未提供 (UNDELIVERED): not to be shared. Held like {@link #UNINFORMED};
     * seen only by the facility that sent it ({@link #SOURCE_FACILITY_ONLY}), not by the patient either.
     */
    UNDELIVERED;

    /**
     * The JP-CLINS flags a resource may hold besides its categories. The profession matrix and the emergency minimum
     * govern kinds of data, not flags: an item of a flag is decided by who the reader is and whose data it is (the
     * flagged data's own category is decided as its own item).
     */
    public static final Set<DataCategory> FLAGS = Set.of(UNINFORMED, UNDELIVERED);

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
    public static final Set<DataCategory> SOURCE_FACILITY_ONLY = Set.of(ADMINISTRATIVE, UNDELIVERED);

    /**
     * The flags among what a resource holds, in this enum's order: what every screen marks beside it (the one reader of
     * the marks; their labels are {@code chart.mark.<flag>}).
     */
    public static List<DataCategory> flagsIn(Set<DataCategory> held) {
        return Stream.of(values()).filter(c -> c.flag() && held.contains(c)).toList();
    }

    /** Whether this is one of the {@link #FLAGS} rather than a kind of data. */
    public boolean flag() {
        return FLAGS.contains(this);
    }
}

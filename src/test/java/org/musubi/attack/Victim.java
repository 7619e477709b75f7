package org.musubi.attack;

import java.util.Map;
import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * Hospital A's patient as the attack matrix sets it up, with one recognisable value (a marker) in each kind of
 * data, and the ids an attacker would ask about.
 *
 * @param localId the hospital's own patient id
 * @param familyKana the person's kana family name, as the hospital sent it
 * @param birthDate the person's birth date, as the hospital sent it
 * @param uninformed  a diagnosis the hospital tagged JP-CLINS 未告知 (UNINFORMED)
 * @param undelivered a diagnosis the hospital tagged JP-CLINS 未提供 (UNDELIVERED)
 * @param task        the hospital's Task for the patient (a letter's state, coded as one: a referral)
 * @param careTask    the hospital's care task for the patient (a care record, issue 44)
 * @param letter      the id of the hospital's letter about the patient to another hospital (never clinic B's)
 * @param markers what each kind of data holds that no other patient has, to tell whether an answer leaked it
 */
record Victim(AttackState state, long personId, String localId, String familyKana, String birthDate, String observation,
              String allergy, String bundle, String binary, String documentReference, String claim, String careTeam,
              String uninformed, String undelivered, String task, String careTask, String letter,
              Map<Marker, String> markers) {

    /** A kind of data the answers may carry, with the categories and resource type it takes to see it. */
    enum Marker {
        /** The person's kana given name (demographics). */
        DEMOGRAPHICS(Set.of(DataCategory.DEMOGRAPHICS), "Patient"),
        /** The hospital's own patient id, an identifier only a caller who may see the hospital's data is told. */
        LOCAL_ID(Set.of(DataCategory.DEMOGRAPHICS), "Patient"),
        LAB(Set.of(DataCategory.LAB_RESULTS), "Observation"),
        DIAGNOSIS(Set.of(DataCategory.DIAGNOSES), "Condition"),
        ALLERGY(Set.of(DataCategory.ALLERGIES), "AllergyIntolerance"),
        MEDICATION(Set.of(DataCategory.MEDICATIONS), "MedicationRequest"),
        /** The identifier of a collection Bundle holding the patient and a lab result: a container. */
        BUNDLE(Set.of(DataCategory.DOCUMENTS, DataCategory.LAB_RESULTS, DataCategory.DEMOGRAPHICS), "Bundle"),
        /** The text of a referral letter stored as Binary content. */
        DOCUMENT(Set.of(DataCategory.DOCUMENTS), "Binary"),
        /** The type text of the hospital's claim: administrative data, never shown beyond the hospital. */
        CLAIM(Set.of(DataCategory.ADMINISTRATIVE), "Claim"),
        /** The name of the patient's care team. */
        CARE_TEAM(Set.of(DataCategory.CARE_RECORDS), "CareTeam"),
        /** A diagnosis not yet told to the patient (JP-CLINS 未告知): clinicians see it like any diagnosis. */
        UNINFORMED_DIAGNOSIS(Set.of(DataCategory.DIAGNOSES, DataCategory.UNINFORMED), "Condition"),
        /** A diagnosis the hospital does not share (JP-CLINS 未提供): never shown beyond the hospital. */
        UNDELIVERED_DIAGNOSIS(Set.of(DataCategory.DIAGNOSES, DataCategory.UNDELIVERED), "Condition"),
        /** The description of a Task about the patient (the state of a referral letter). */
        TASK(Set.of(DataCategory.REFERRALS), "Task"),
        /** The description of a care task about the patient (a care team's work: a care record). */
        CARE_TASK(Set.of(DataCategory.CARE_RECORDS), "Task");

        final Set<DataCategory> categories;
        final String type;

        Marker(Set<DataCategory> categories, String type) {
            this.categories = categories;
            this.type = type;
        }
    }

    String marker(Marker marker) {
        return markers.get(marker);
    }
}

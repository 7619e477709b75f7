package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.PolicyFixtures.decision;
import static org.musubi.policy.PolicyFixtures.facts;
import static org.musubi.policy.PolicyFixtures.item;
import static org.musubi.policy.PolicyFixtures.purpose;
import static org.musubi.policy.PolicyFixtures.requester;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link AccessPolicy#decide}, one rule-relevant variation per row. Vocabulary (facilities A, B, C,
 * requester flags, named facts) in {@link PolicyFixtures}; the clock stands at
 * {@link PolicyFixtures#NOW}, the link idle period is 180 days.
 */
class AccessPolicyDecisionTableTest {

    static final String TABLE = """
        | row                                               | requester                   | purpose             | facts                        | item               | expected                              |
        |---------------------------------------------------|-----------------------------|---------------------|------------------------------|--------------------|---------------------------------------|
        | 1 disabled user is denied even own data           | DOCTOR@A disabled           | TREATMENT           | consented                    | A:DIAGNOSES        | deny userDisabled                     |
        | 1 disabled patient is denied own record           | patient disabled            | PATIENT_SELF_ACCESS | consented                    | A:DIAGNOSES        | deny userDisabled                     |
        | 1 disabled admin is denied operations             | NETWORK_OPERATOR@- admin disabled | OPERATIONS    | consented                    | A:DEMOGRAPHICS     | deny userDisabled                     |
        | 1 disabled wins over suspended facility           | DOCTOR@B disabled suspended | TREATMENT           | consented                    | A:DIAGNOSES        | deny userDisabled                     |
        | 1 suspended facility is denied own data           | DOCTOR@A suspended          | TREATMENT           | consented                    | A:DIAGNOSES        | deny facilitySuspended                |
        | 1 suspended facility is denied break-the-glass    | DOCTOR@B suspended          | EMERGENCY           | breakGlass                   | A:ALLERGIES        | deny facilitySuspended                |
        | 1 suspended facility is denied operations         | NETWORK_OPERATOR@B admin suspended | OPERATIONS   | consented                    | A:DEMOGRAPHICS     | deny facilitySuspended                |
        | 1 no facility means nothing to suspend            | patient suspended           | PATIENT_SELF_ACCESS | noConsent                    | A:LAB_RESULTS      | permit patientSelfAccess              |
        | 2 patient sees own labs without consent           | patient                     | PATIENT_SELF_ACCESS | noConsent                    | A:LAB_RESULTS      | permit patientSelfAccess              |
        | 2 patient sees every category                     | patient                     | PATIENT_SELF_ACCESS | consented                    | C:IMAGING          | permit patientSelfAccess              |
        | 2 patient sees data of a facility they blocked    | patient                     | PATIENT_SELF_ACCESS | blockedB                     | B:DOCUMENTS        | permit patientSelfAccess              |
        | 2 patient sees own record after withdrawal        | patient                     | PATIENT_SELF_ACCESS | withdrawn                    | A:CARE_RECORDS     | permit patientSelfAccess              |
        | 2 patient sees own administrative data            | patient                     | PATIENT_SELF_ACCESS | noConsent                    | A:ADMINISTRATIVE   | permit patientSelfAccess              |
        | 2 another patient is not the patient              | otherPatient                | PATIENT_SELF_ACCESS | consented                    | A:DEMOGRAPHICS     | deny notThePatient                    |
        | 2 staff cannot claim self access                  | DOCTOR@B                    | PATIENT_SELF_ACCESS | consented                    | A:DIAGNOSES        | deny notThePatient                    |
        | 2 a live proxy sees the person's record           | proxy                       | PATIENT_SELF_ACCESS | proxyLive                    | A:LAB_RESULTS      | permit proxyAccess                    |
        | 2 a proxy sees every category                     | proxy                       | PATIENT_SELF_ACCESS | proxyLive                    | C:ADMINISTRATIVE   | permit proxyAccess                    |
        | 2 a proxy grant ending exactly now is over        | proxy                       | PATIENT_SELF_ACCESS | proxyEndsNow                 | A:DEMOGRAPHICS     | deny proxyExpired                     |
        | 2 a revoked proxy grant counts for nothing        | proxy                       | PATIENT_SELF_ACCESS | proxyRevoked                 | A:DEMOGRAPHICS     | deny proxyExpired                     |
        | 2 a resident without a grant is not the patient   | proxy                       | PATIENT_SELF_ACCESS | consented                    | A:DEMOGRAPHICS     | deny notThePatient                    |
        | 2 staff cannot be anyone's proxy                  | DOCTOR@B                    | PATIENT_SELF_ACCESS | proxyForStaff                | A:DEMOGRAPHICS     | deny notThePatient                    |
        | 2 patient is not shown what is not yet told       | patient                     | PATIENT_SELF_ACCESS | consented                    | A:UNINFORMED       | deny notToldToPatient                 |
        | 2 nor is a live proxy                             | proxy                       | PATIENT_SELF_ACCESS | proxyLive                    | A:UNINFORMED       | deny notToldToPatient                 |
        | 2 patient is not shown what is not shared         | patient                     | PATIENT_SELF_ACCESS | noConsent                    | B:UNDELIVERED      | deny notForSharing                    |
        | 2 another patient still is not the patient        | otherPatient                | PATIENT_SELF_ACCESS | consented                    | A:UNINFORMED       | deny notThePatient                    |
        | 2 a proxy gets nothing for treatment              | proxy                       | TREATMENT           | proxyLive                    | A:LAB_RESULTS      | deny categoryNotAllowedForProfession  |
        | 2 patient has no profession for treatment         | patient                     | TREATMENT           | consented                    | A:DIAGNOSES        | deny categoryNotAllowedForProfession  |
        | 3 research on own facility data is denied         | DOCTOR@A                    | RESEARCH            | consented                    | A:DIAGNOSES        | deny researchNotThroughRecords        |
        | 3 research by an admin is denied                  | NETWORK_OPERATOR@- admin    | RESEARCH            | consented                    | A:DEMOGRAPHICS     | deny researchNotThroughRecords        |
        | 3 research by the patient is denied               | patient                     | RESEARCH            | consented                    | A:LAB_RESULTS      | deny researchNotThroughRecords        |
        | 4 admin sees demographics                         | NETWORK_OPERATOR@- admin    | OPERATIONS          | consented                    | A:DEMOGRAPHICS     | permit operationsDemographics         |
        | 4 admin sees demographics without consent         | NETWORK_OPERATOR@- admin    | OPERATIONS          | noConsent                    | C:DEMOGRAPHICS     | permit operationsDemographics         |
        | 4 operations comes before the facility block      | NETWORK_OPERATOR@B admin    | OPERATIONS          | blockedB                     | B:DEMOGRAPHICS     | permit operationsDemographics         |
        | 4 admin does not see diagnoses                    | NETWORK_OPERATOR@- admin    | OPERATIONS          | consented                    | A:DIAGNOSES        | deny operationsDemographicsOnly       |
        | 4 admin does not see the emergency sheet          | NETWORK_OPERATOR@- admin    | OPERATIONS          | breakGlass                   | A:EMERGENCY_SHEET  | deny operationsDemographicsOnly       |
        | 4 operator who is not admin is denied             | NETWORK_OPERATOR@-          | OPERATIONS          | consented                    | A:DEMOGRAPHICS     | deny notNetworkAdmin                  |
        | 4 doctor is no network admin                      | DOCTOR@A                    | OPERATIONS          | consented                    | A:DEMOGRAPHICS     | deny notNetworkAdmin                  |
        | 5 block wins over consent and link                | DOCTOR@B                    | TREATMENT           | blockedB                     | A:DIAGNOSES        | deny facilityBlocked                  |
        | 5 block wins over own facility data               | DOCTOR@B                    | TREATMENT           | blockedB                     | B:DIAGNOSES        | deny facilityBlocked                  |
        | 5 block wins over break-the-glass                 | DOCTOR@B                    | EMERGENCY           | breakGlassBlockedB           | A:ALLERGIES        | deny facilityBlocked                  |
        | 5 block comes before the matrix                   | MEDICAL_CLERK@B             | TREATMENT           | blockedB                     | A:IMAGING          | deny facilityBlocked                  |
        | 5 blocking another facility changes nothing       | DOCTOR@B                    | TREATMENT           | blockedC                     | A:DIAGNOSES        | permit treatmentConsentAndLink        |
        | 6 doctor sees imaging                             | DOCTOR@B                    | TREATMENT           | consented                    | A:IMAGING          | permit treatmentConsentAndLink        |
        | 6 doctor sees care records                        | DOCTOR@B                    | TREATMENT           | consented                    | A:CARE_RECORDS     | permit treatmentConsentAndLink        |
        | 6 dentist sees imaging                            | DENTIST@B                   | TREATMENT           | consented                    | A:IMAGING          | permit treatmentConsentAndLink        |
        | 6 dentist sees referrals                          | DENTIST@B                   | TREATMENT           | consented                    | A:REFERRALS        | permit treatmentConsentAndLink        |
        | 6 pharmacist sees medications                     | PHARMACIST@B                | TREATMENT           | consented                    | A:MEDICATIONS      | permit treatmentConsentAndLink        |
        | 6 pharmacist sees lab results                     | PHARMACIST@B                | TREATMENT           | consented                    | A:LAB_RESULTS      | permit treatmentConsentAndLink        |
        | 6 pharmacist does not see imaging                 | PHARMACIST@B                | TREATMENT           | consented                    | A:IMAGING          | deny categoryNotAllowedForProfession  |
        | 6 pharmacist sees care records (home-care team)   | PHARMACIST@B                | TREATMENT           | consented                    | A:CARE_RECORDS     | permit treatmentConsentAndLink        |
        | 6 pharmacist does not see encounters              | PHARMACIST@B                | TREATMENT           | consented                    | A:ENCOUNTERS       | deny categoryNotAllowedForProfession  |
        | 6 nurse sees imaging                              | NURSE@B                     | TREATMENT           | consented                    | A:IMAGING          | permit treatmentConsentAndLink        |
        | 6 nurse sees care records                         | NURSE@B                     | TREATMENT           | consented                    | A:CARE_RECORDS     | permit treatmentConsentAndLink        |
        | 6 public-health nurse sees immunizations          | PUBLIC_HEALTH_NURSE@B       | TREATMENT           | consented                    | A:IMMUNIZATIONS    | permit treatmentConsentAndLink        |
        | 6 public-health nurse does not see imaging        | PUBLIC_HEALTH_NURSE@B       | TREATMENT           | consented                    | A:IMAGING          | deny categoryNotAllowedForProfession  |
        | 6 midwife sees imaging                            | MIDWIFE@B                   | TREATMENT           | consented                    | A:IMAGING          | permit treatmentConsentAndLink        |
        | 6 midwife sees lab results                        | MIDWIFE@B                   | TREATMENT           | consented                    | A:LAB_RESULTS      | permit treatmentConsentAndLink        |
        | 6 physical therapist sees procedures              | PHYSICAL_THERAPIST@B        | TREATMENT           | consented                    | A:PROCEDURES       | permit treatmentConsentAndLink        |
        | 6 physical therapist does not see lab results     | PHYSICAL_THERAPIST@B        | TREATMENT           | consented                    | A:LAB_RESULTS      | deny categoryNotAllowedForProfession  |
        | 6 occupational therapist sees care records        | OCCUPATIONAL_THERAPIST@B    | TREATMENT           | consented                    | A:CARE_RECORDS     | permit treatmentConsentAndLink        |
        | 6 occupational therapist does not see imaging     | OCCUPATIONAL_THERAPIST@B    | TREATMENT           | consented                    | A:IMAGING          | deny categoryNotAllowedForProfession  |
        | 6 speech therapist sees diagnoses                 | SPEECH_THERAPIST@B          | TREATMENT           | consented                    | A:DIAGNOSES        | permit treatmentConsentAndLink        |
        | 6 speech therapist does not see encounters        | SPEECH_THERAPIST@B          | TREATMENT           | consented                    | A:ENCOUNTERS       | deny categoryNotAllowedForProfession  |
        | 6 care manager sees diagnoses                     | CARE_MANAGER@B              | TREATMENT           | consented                    | A:DIAGNOSES        | permit treatmentConsentAndLink        |
        | 6 care manager does not see lab results           | CARE_MANAGER@B              | TREATMENT           | consented                    | A:LAB_RESULTS      | deny categoryNotAllowedForProfession  |
        | 6 care worker sees medications                    | CARE_WORKER@B               | TREATMENT           | consented                    | A:MEDICATIONS      | permit treatmentConsentAndLink        |
        | 6 care worker does not see diagnoses              | CARE_WORKER@B               | TREATMENT           | consented                    | A:DIAGNOSES        | deny categoryNotAllowedForProfession  |
        | 6 medical clerk sees demographics                 | MEDICAL_CLERK@B             | TREATMENT           | consented                    | A:DEMOGRAPHICS     | permit treatmentConsentAndLink        |
        | 6 medical clerk does not see allergies            | MEDICAL_CLERK@B             | TREATMENT           | consented                    | A:ALLERGIES        | deny categoryNotAllowedForProfession  |
        | 6 doctor does not see administrative data         | DOCTOR@A                    | TREATMENT           | noConsent                    | A:ADMINISTRATIVE   | deny categoryNotAllowedForProfession  |
        | 6 nurse does not see administrative data          | NURSE@B                     | TREATMENT           | consented                    | A:ADMINISTRATIVE   | deny categoryNotAllowedForProfession  |
        | 6 paramedic sees the emergency sheet              | PARAMEDIC@C                 | EMERGENCY           | breakGlass                   | A:EMERGENCY_SHEET  | permit emergencyAccess                |
        | 6 paramedic does not see documents                | PARAMEDIC@C                 | EMERGENCY           | breakGlass                   | A:DOCUMENTS        | deny categoryNotAllowedForProfession  |
        | 6 municipal staff sees immunizations              | MUNICIPAL_STAFF@B           | TREATMENT           | consented                    | A:IMMUNIZATIONS    | permit treatmentConsentAndLink        |
        | 6 municipal staff does not see medications        | MUNICIPAL_STAFF@B           | TREATMENT           | consented                    | A:MEDICATIONS      | deny categoryNotAllowedForProfession  |
        | 6 network operator sees demographics              | NETWORK_OPERATOR@B          | TREATMENT           | consented                    | A:DEMOGRAPHICS     | permit treatmentConsentAndLink        |
        | 6 network operator does not see diagnoses         | NETWORK_OPERATOR@B          | TREATMENT           | consented                    | A:DIAGNOSES        | deny categoryNotAllowedForProfession  |
        | 6 matrix applies to own facility data             | CARE_WORKER@A               | TREATMENT           | noConsent                    | A:LAB_RESULTS      | deny categoryNotAllowedForProfession  |
        | 6 matrix applies within the emergency minimum     | CARE_WORKER@C               | EMERGENCY           | breakGlass                   | A:DIAGNOSES        | deny categoryNotAllowedForProfession  |
        | 6 matrix comes before consent                     | MEDICAL_CLERK@B             | TREATMENT           | noConsent                    | A:DIAGNOSES        | deny categoryNotAllowedForProfession  |
        | 7 own facility data needs no consent              | DOCTOR@A                    | TREATMENT           | noConsent                    | A:DIAGNOSES        | permit ownFacilityData                |
        | 7 own facility data needs no link                 | DOCTOR@A                    | TREATMENT           | consented                    | A:IMAGING          | permit ownFacilityData                |
        | 7 own facility data survives withdrawal           | DOCTOR@A                    | TREATMENT           | withdrawn                    | A:LAB_RESULTS      | permit ownFacilityData                |
        | 7 own facility data need not be viewing           | DOCTOR@A nonViewing         | TREATMENT           | noConsent                    | A:DOCUMENTS        | permit ownFacilityData                |
        | 7 own facility data in emergency needs no glass   | NURSE@A                     | EMERGENCY           | noConsent                    | A:IMAGING          | permit ownFacilityData                |
        | 7 own facility does not extend to others' data    | DOCTOR@A                    | TREATMENT           | noConsent                    | B:DIAGNOSES        | deny noConsent                        |
        | 7 clerk sees own facility's administrative data   | MEDICAL_CLERK@A             | TREATMENT           | noConsent                    | A:ADMINISTRATIVE   | permit ownFacilityData                |
        | 7 system sees own facility's administrative data  | FACILITY_SYSTEM@A           | TREATMENT           | withdrawn                    | A:ADMINISTRATIVE   | permit ownFacilityData                |
        | 7 administrative data stays in its facility       | MEDICAL_CLERK@B             | TREATMENT           | consented                    | A:ADMINISTRATIVE   | deny sourceFacilityOnly               |
        | 7 another facility's system never sees it         | FACILITY_SYSTEM@B           | TREATMENT           | consented                    | A:ADMINISTRATIVE   | deny sourceFacilityOnly               |
        | 7 nor in an emergency with consent                | FACILITY_SYSTEM@C           | EMERGENCY           | breakGlass                   | B:ADMINISTRATIVE   | deny sourceFacilityOnly               |
        | 7 a doctor sees what is not yet told, marked      | DOCTOR@B                    | TREATMENT           | consented                    | A:UNINFORMED       | permit treatmentConsentAndLink        |
        | 7 the flag is no kind the matrix governs          | PHARMACIST@B                | TREATMENT           | consented                    | A:UNINFORMED       | permit treatmentConsentAndLink        |
        | 7 what is not yet told still needs a link         | DOCTOR@B                    | TREATMENT           | noLink                       | A:UNINFORMED       | deny notLinked                        |
        | 7 not shared stays in its facility                | DOCTOR@B                    | TREATMENT           | consented                    | A:UNDELIVERED      | deny notForSharing                    |
        | 7 not shared, not even in an emergency            | DOCTOR@C                    | EMERGENCY           | breakGlass                   | A:UNDELIVERED      | deny notForSharing                    |
        | 7 not shared is seen by its own facility          | NURSE@A                     | TREATMENT           | noConsent                    | A:UNDELIVERED      | permit ownFacilityData                |
        | 8 not yet told is seen under break-the-glass      | PARAMEDIC@C nonViewing      | EMERGENCY           | breakGlass                   | A:UNINFORMED       | permit emergencyAccess                |
        | 4 admin never sees a flag                         | NETWORK_OPERATOR@- admin    | OPERATIONS          | consented                    | A:UNINFORMED       | deny operationsDemographicsOnly       |
        | 10 own records: own data not shared               | DOCTOR@A                    | OWN_RECORDS         | sourceA                      | A:UNDELIVERED      | permit ownSourceData                  |
        | 8 break-the-glass needs no link                   | DOCTOR@C                    | EMERGENCY           | breakGlass                   | A:ALLERGIES        | permit emergencyAccess                |
        | 8 a clerk may not break the glass                 | MEDICAL_CLERK@C             | EMERGENCY           | breakGlass                   | A:DEMOGRAPHICS     | deny professionNotForEmergency        |
        | 8 a care manager may not break the glass          | CARE_MANAGER@C              | EMERGENCY           | breakGlass                   | A:ALLERGIES        | deny professionNotForEmergency        |
        | 8 a pharmacist may break the glass                | PHARMACIST@C                | EMERGENCY           | breakGlass                   | A:MEDICATIONS      | permit emergencyAccess                |
        | 8 the profession is checked before the glass      | MEDICAL_CLERK@C             | EMERGENCY           | consented                    | A:DEMOGRAPHICS     | deny professionNotForEmergency        |
        | 8 break-the-glass needs no viewing facility       | PARAMEDIC@C nonViewing      | EMERGENCY           | breakGlass                   | B:MEDICATIONS      | permit emergencyAccess                |
        | 8 emergency without break-the-glass is denied     | DOCTOR@C                    | EMERGENCY           | consented                    | A:ALLERGIES        | deny noEmergencyAccess                |
        | 8 another user's break-the-glass does not count   | DOCTOR@C                    | EMERGENCY           | breakGlassOtherUser          | A:ALLERGIES        | deny noEmergencyAccess                |
        | 8 break-the-glass expiring exactly now is closed  | DOCTOR@C                    | EMERGENCY           | breakGlassExpiresNow         | A:ALLERGIES        | deny emergencyAccessExpired           |
        | 8 break-the-glass with one second left is open    | DOCTOR@C                    | EMERGENCY           | breakGlassExpiresInOneSecond | A:ALLERGIES        | permit emergencyAccess                |
        | 8 reopened break-the-glass is open                | DOCTOR@C                    | EMERGENCY           | breakGlassReopened           | A:VITALS           | permit emergencyAccess                |
        | 8 break-the-glass is checked before the minimum   | DOCTOR@C                    | EMERGENCY           | consented                    | A:IMAGING          | deny noEmergencyAccess                |
        | 8 imaging is outside the emergency minimum        | DOCTOR@C                    | EMERGENCY           | breakGlass                   | A:IMAGING          | deny notInEmergencyMinimum            |
        | 8 documents are outside the emergency minimum     | DOCTOR@B                    | EMERGENCY           | breakGlass                   | A:DOCUMENTS        | deny notInEmergencyMinimum            |
        | 8 encounters are in the emergency minimum         | PARAMEDIC@C nonViewing      | EMERGENCY           | breakGlass                   | A:ENCOUNTERS       | permit emergencyAccess                |
        | 8 emergency sheet is in the emergency minimum     | NURSE@C                     | EMERGENCY           | breakGlass                   | B:EMERGENCY_SHEET  | permit emergencyAccess                |
        | 8 emergency without consent is denied             | DOCTOR@C                    | EMERGENCY           | breakGlassNoConsent          | A:ALLERGIES        | deny noConsent                        |
        | 8 treatment-only consent does not cover emergency | DOCTOR@C                    | EMERGENCY           | breakGlassTreatmentOnly      | A:ALLERGIES        | deny noConsent                        |
        | 8 withdrawn consent does not cover emergency      | DOCTOR@C                    | EMERGENCY           | breakGlassWithdrawn          | A:ALLERGIES        | deny noConsent                        |
        | 8 disclosure card covers its hospital in emergency | DOCTOR@C                   | EMERGENCY           | breakGlassDisclosureCardA    | A:MEDICATIONS      | permit emergencyAccess                |
        | 8 disclosure card excludes others in emergency    | DOCTOR@C                    | EMERGENCY           | breakGlassDisclosureCardA    | B:MEDICATIONS      | deny consentScopeExcludesSource       |
        | 9 consent and link permit treatment               | DOCTOR@B                    | TREATMENT           | consented                    | A:LAB_RESULTS      | permit treatmentConsentAndLink        |
        | 9 non-viewing facility is denied                  | DOCTOR@B nonViewing         | TREATMENT           | consented                    | A:LAB_RESULTS      | deny facilityNotViewing               |
        | 9 user without facility is not viewing            | DOCTOR@-                    | TREATMENT           | consented                    | A:LAB_RESULTS      | deny facilityNotViewing               |
        | 9 viewing is checked before consent               | DOCTOR@B nonViewing         | TREATMENT           | noConsent                    | A:LAB_RESULTS      | deny facilityNotViewing               |
        | 9 treatment without consent is denied             | DOCTOR@B                    | TREATMENT           | noConsent                    | A:LAB_RESULTS      | deny noConsent                        |
        | 9 withdrawn consent does not count                | DOCTOR@B                    | TREATMENT           | withdrawn                    | A:LAB_RESULTS      | deny noConsent                        |
        | 9 emergency-only consent does not cover treatment | DOCTOR@B                    | TREATMENT           | emergencyOnlyConsent         | A:LAB_RESULTS      | deny noConsent                        |
        | 9 consent is checked before the link              | DOCTOR@C                    | TREATMENT           | noConsent                    | A:LAB_RESULTS      | deny noConsent                        |
        | 9 disclosure card covers its issuing hospital     | DOCTOR@B                    | TREATMENT           | disclosureCardA              | A:LAB_RESULTS      | permit treatmentConsentAndLink        |
        | 9 disclosure card excludes another source         | DOCTOR@B                    | TREATMENT           | disclosureCardA              | C:LAB_RESULTS      | deny consentScopeExcludesSource       |
        | 9 disclosure card excludes the viewer's neighbour | PHARMACIST@B                | TREATMENT           | disclosureCardA              | C:MEDICATIONS      | deny consentScopeExcludesSource       |
        | 9 withdrawn disclosure card is no consent         | DOCTOR@B                    | TREATMENT           | disclosureCardAWithdrawn     | A:LAB_RESULTS      | deny noConsent                        |
        | 9 a care-team member needs no link               | CARE_MANAGER@C nonViewing   | TREATMENT           | careTeamC                    | A:CARE_RECORDS     | permit careTeamMember                 |
        | 9 a member who left is not linked                | CARE_MANAGER@C              | TREATMENT           | careTeamCEnded               | A:CARE_RECORDS     | deny notLinked                        |
        | 9 a member needs the consent                     | CARE_MANAGER@C              | TREATMENT           | careTeamCWithdrawn           | A:CARE_RECORDS     | deny noConsent                        |
        | 9 unlinked facility is denied                     | DOCTOR@B                    | TREATMENT           | noLink                       | A:LAB_RESULTS      | deny notLinked                        |
        | 9 another facility's link does not count          | DOCTOR@B                    | TREATMENT           | linkedElsewhere              | A:LAB_RESULTS      | deny notLinked                        |
        | 9 ended link is denied                            | DOCTOR@B                    | TREATMENT           | linkEnded                    | A:LAB_RESULTS      | deny linkEnded                        |
        | 9 link at exactly the idle period is live         | DOCTOR@B                    | TREATMENT           | linkAtIdleLimit              | A:LAB_RESULTS      | permit treatmentConsentAndLink        |
        | 9 link one second past the idle period expired    | DOCTOR@B                    | TREATMENT           | linkPastIdleLimit            | A:LAB_RESULTS      | deny linkExpired                      |
        | 9 ended and expired links count as expired        | DOCTOR@B                    | TREATMENT           | linkEndedAndExpired          | A:LAB_RESULTS      | deny linkExpired                      |
        | 9 relinking after an end is live                  | DOCTOR@B                    | TREATMENT           | relinkedAfterEnd             | A:LAB_RESULTS      | permit treatmentConsentAndLink        |
        | 8 a responder's glass outside disaster mode       | DOCTOR@C responder          | EMERGENCY           | breakGlass                   | A:ALLERGIES        | deny outsideDisasterMode              |
        | 8 a responder's glass in the disaster area        | DOCTOR@C responder          | EMERGENCY           | breakGlassInDisasterArea     | A:ALLERGIES        | permit emergencyAccess                |
        | 8 disaster mode opens only the minimum            | DOCTOR@C responder          | EMERGENCY           | breakGlassInDisasterArea     | A:IMAGING          | deny notInEmergencyMinimum            |
        | 8 disaster mode keeps the emergency consent       | DOCTOR@C responder          | EMERGENCY           | breakGlassInAreaNoConsent    | A:ALLERGIES        | deny noConsent                        |
        | 8 disaster mode alone opens nothing               | DOCTOR@C responder          | EMERGENCY           | inDisasterArea               | A:ALLERGIES        | deny noEmergencyAccess                |
        | 8 others' glass needs no disaster mode            | DOCTOR@C                    | EMERGENCY           | breakGlass                   | A:ALLERGIES        | permit emergencyAccess                |
        | 10 own records: the facility's own item           | DOCTOR@A                    | OWN_RECORDS         | sourceAB                     | A:IMAGING          | permit ownSourceData                  |
        | 10 own records: never another facility's item     | DOCTOR@A                    | OWN_RECORDS         | sourceAB                     | B:LAB_RESULTS      | deny notOwnSource                     |
        | 10 own records: linked and consented changes none | DOCTOR@B                    | OWN_RECORDS         | sourceAB                     | A:LAB_RESULTS      | deny notOwnSource                     |
        | 10 own records: not for a clerk                   | MEDICAL_CLERK@A             | OWN_RECORDS         | sourceA                      | A:DEMOGRAPHICS     | deny professionNotForOwnRecords       |
        | 10 own records: a block wins                      | DOCTOR@A                    | OWN_RECORDS         | sourceABlockedA              | A:LAB_RESULTS      | deny facilityBlocked                  |
        | 10 own records: the matrix still applies          | PHARMACIST@A                | OWN_RECORDS         | sourceA                      | A:IMAGING          | deny categoryNotAllowedForProfession  |
        | 10 request without purpose is denied              | DOCTOR@B                    | -                   | consented                    | A:LAB_RESULTS      | deny noRule                           |
        | 10 own data without purpose is denied             | DOCTOR@A                    | -                   | consented                    | A:DEMOGRAPHICS     | deny noRule                           |
        """;

    private final AccessPolicy policy = PolicyFixtures.policy();

    static Stream<Arguments> rows() {
        return table().stream().map(cells -> Arguments.of((Object[]) cells));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesAsTheTableSays(String row, String requester, String purpose, String facts, String item,
            String expected) {
        Decision decision = policy.decide(requester(requester), purpose(purpose), facts(facts), item(item));

        assertThat(decision).isEqualTo(decision(expected));
    }

    @Test
    void theTableCoversEveryRuleAndEveryReason() {
        Set<String> keys = table().stream().map(cells -> decision(cells[5]).key()).collect(Collectors.toSet());

        assertThat(table()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(keys).containsAll(Permit.RULES).containsAll(Deny.REASONS);
        assertThat(Stream.concat(Permit.RULES.stream(), Deny.REASONS.stream())).containsAll(keys);
    }

    /** The table's rows, each split into its six cells; the header and rule lines are skipped. */
    static List<String[]> table() {
        return parse(TABLE);
    }

    static List<String[]> parse(String table) {
        List<String[]> rows = new ArrayList<>();
        for (String line : table.strip().lines().skip(2).toList()) {
            String[] cells = line.strip().split("\\|");
            String[] row = new String[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                row[i - 1] = cells[i].strip();
            }
            rows.add(row);
        }
        return rows;
    }
}

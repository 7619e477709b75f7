package org.musubi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.PolicyFixtures.decision;
import static org.musubi.policy.PolicyFixtures.facts;
import static org.musubi.policy.PolicyFixtures.purpose;
import static org.musubi.policy.PolicyFixtures.requester;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.musubi.audit.Purpose;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Profession;

/**
 * {@link AccessPolicy#decidePerson}: may the requester open the person (the patient header) at all — asked by the
 * person's id, or through a patient of the requester's own facility ({@code own} after the purpose)? A facility's own
 * data opens the person only with standing (a live link made with the card); without, only its own patient, through it
 * (issue 37).
 */
class PersonDecisionTableTest {

    static final String TABLE = """
        | row                                              | requester                   | purpose             | facts                     | expected                              |
        |--------------------------------------------------|-----------------------------|---------------------|---------------------------|---------------------------------------|
        | disabled user is denied                          | DOCTOR@B disabled           | TREATMENT           | consented                 | deny userDisabled                     |
        | suspended facility is denied                     | DOCTOR@B suspended          | TREATMENT           | consented                 | deny facilitySuspended                |
        | patient opens own record                         | patient                     | PATIENT_SELF_ACCESS | noConsent                 | permit patientSelfAccess              |
        | another patient is not the patient               | otherPatient                | PATIENT_SELF_ACCESS | consented                 | deny notThePatient                    |
        | research is denied                               | DOCTOR@B                    | RESEARCH            | consented                 | deny researchNotThroughRecords        |
        | admin opens for identity management              | NETWORK_OPERATOR@- admin    | OPERATIONS          | noConsent                 | permit operationsDemographics         |
        | operator who is not admin is denied              | NETWORK_OPERATOR@-          | OPERATIONS          | consented                 | deny notNetworkAdmin                  |
        | blocked facility is denied                       | DOCTOR@B                    | TREATMENT           | blockedB                  | deny facilityBlocked                  |
        | blocked facility is denied in emergency          | DOCTOR@B                    | EMERGENCY           | breakGlassBlockedB        | deny facilityBlocked                  |
        | patient has no profession for treatment          | patient                     | TREATMENT           | consented                 | deny categoryNotAllowedForProfession  |
        | consent and link open the person                 | DOCTOR@B                    | TREATMENT           | consented                 | permit treatmentConsentAndLink        |
        | a clerk opens the person for demographics        | MEDICAL_CLERK@B             | TREATMENT           | consented                 | permit treatmentConsentAndLink        |
        | disclosure card consent opens the person         | DOCTOR@B                    | TREATMENT           | disclosureCardA           | permit treatmentConsentAndLink        |
        | non-viewing facility is denied                   | DOCTOR@B nonViewing         | TREATMENT           | consented                 | deny facilityNotViewing               |
        | no consent is denied                             | DOCTOR@B                    | TREATMENT           | noConsent                 | deny noConsent                        |
        | withdrawn consent is denied                      | DOCTOR@B                    | TREATMENT           | withdrawn                 | deny noConsent                        |
        | emergency-only consent does not open treatment   | DOCTOR@B                    | TREATMENT           | emergencyOnlyConsent      | deny noConsent                        |
        | unlinked facility is denied                      | DOCTOR@B                    | TREATMENT           | noLink                    | deny notLinked                        |
        | the source hospital needs a link for the header  | DOCTOR@A                    | TREATMENT           | consented                 | deny notLinked                        |
        | ended link is denied                             | DOCTOR@B                    | TREATMENT           | linkEnded                 | deny linkEnded                        |
        | link at exactly the idle period is live          | DOCTOR@B                    | TREATMENT           | linkAtIdleLimit           | permit treatmentConsentAndLink        |
        | expired link is denied                           | DOCTOR@B                    | TREATMENT           | linkPastIdleLimit         | deny linkExpired                      |
        | break-the-glass opens the person                 | PARAMEDIC@C                 | EMERGENCY           | breakGlass                | permit emergencyAccess                |
        | a clerk's break-the-glass opens nothing          | MEDICAL_CLERK@C             | EMERGENCY           | breakGlass                | deny professionNotForEmergency        |
        | disclosure card consent opens in emergency       | DOCTOR@C                    | EMERGENCY           | breakGlassDisclosureCardA | permit emergencyAccess                |
        | emergency without break-the-glass is denied      | DOCTOR@C                    | EMERGENCY           | consented                 | deny noEmergencyAccess                |
        | expired break-the-glass is denied                | DOCTOR@C                    | EMERGENCY           | breakGlassExpiresNow      | deny emergencyAccessExpired           |
        | emergency without emergency consent is denied    | DOCTOR@C                    | EMERGENCY           | breakGlassTreatmentOnly   | deny noConsent                        |
        | no purpose is denied                             | DOCTOR@B                    | -                   | consented                 | deny noRule                           |
        | a match is no standing: not by the person's id   | DOCTOR@A                    | TREATMENT           | sourceA                   | deny notLinked                        |
        | a match opens only the own patient through it    | DOCTOR@A                    | TREATMENT own       | sourceA                   | permit ownPatient                     |
        | without consent: not by the person's id          | DOCTOR@A                    | TREATMENT           | sourceANoConsent          | deny noConsent                        |
        | own patient needs no consent for own data        | DOCTOR@A                    | TREATMENT own       | sourceANoConsent          | permit ownPatient                     |
        | a card link is standing: own data opens by id    | DOCTOR@A                    | TREATMENT           | sourceALinkedNoConsent    | permit ownFacilityData                |
        | with standing the own patient opens the person   | DOCTOR@A                    | TREATMENT own       | sourceALinkedNoConsent    | permit ownFacilityData                |
        | an ended link is no standing                     | DOCTOR@A                    | TREATMENT           | sourceALinkEnded          | deny linkEnded                        |
        | an expired link is no standing                   | DOCTOR@A                    | TREATMENT           | sourceALinkExpired        | deny noConsent                        |
        | another facility's patient is asked as by id     | DOCTOR@C                    | TREATMENT own       | sourceA                   | deny notLinked                        |
        | a blocked source facility is still denied        | DOCTOR@A                    | TREATMENT           | sourceABlockedA           | deny facilityBlocked                  |
        | a disabled user of the source facility is denied | DOCTOR@A disabled           | TREATMENT           | sourceA                   | deny userDisabled                     |
        | another facility gains nothing from A's source   | DOCTOR@C                    | TREATMENT           | sourceA                   | deny notLinked                        |
        | consent and link win over own data as the rule   | DOCTOR@B                    | TREATMENT           | sourceAB                  | permit treatmentConsentAndLink        |
        | a match opens no person in emergency unglassed   | DOCTOR@A                    | EMERGENCY           | sourceANoConsent          | deny noEmergencyAccess                |
        | the own patient opens in emergency unglassed     | DOCTOR@A                    | EMERGENCY own       | sourceANoConsent          | permit ownPatient                     |
        | a responder's glass outside disaster mode        | DOCTOR@C responder          | EMERGENCY           | breakGlass                | deny outsideDisasterMode              |
        | a responder's glass in the disaster area         | PARAMEDIC@C responder       | EMERGENCY           | breakGlassInDisasterArea  | permit emergencyAccess                |
        | a responder's clerk opens nothing in the area    | MEDICAL_CLERK@C responder   | EMERGENCY           | breakGlassInDisasterArea  | deny professionNotForEmergency        |
        | a responder treats like anyone else              | DOCTOR@B responder          | TREATMENT           | consented                 | permit treatmentConsentAndLink        |
        | own records: not by the person's id unlinked     | DOCTOR@A                    | OWN_RECORDS         | sourceANoConsent          | deny notLinked                        |
        | own records open the own patient through it      | DOCTOR@A                    | OWN_RECORDS own     | sourceANoConsent          | permit ownPatient                     |
        | own records with standing open the person        | DOCTOR@A                    | OWN_RECORDS         | sourceALinkedNoConsent    | permit ownSourceData                  |
        | own records need a patient the facility sent     | DOCTOR@C                    | OWN_RECORDS         | sourceA                   | deny notOwnSource                     |
        | own records are not for a clerk                  | MEDICAL_CLERK@A             | OWN_RECORDS         | sourceA                   | deny professionNotForOwnRecords       |
        | own records of a blocked facility stay closed    | DOCTOR@A                    | OWN_RECORDS         | sourceABlockedA           | deny facilityBlocked                  |
        | own data opens no research                       | DOCTOR@A                    | RESEARCH            | sourceA                   | deny researchNotThroughRecords        |
        """;

    private final AccessPolicy policy = PolicyFixtures.policy();

    static Stream<Arguments> rows() {
        return AccessPolicyDecisionTableTest.parse(TABLE).stream().map(cells -> Arguments.of((Object[]) cells));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesAsTheTableSays(String row, String requester, String purpose, String facts, String expected) {
        boolean throughOwnPatient = purpose.endsWith(" own");
        assertThat(policy.decidePerson(requester(requester), purpose(purpose.replace(" own", "")), facts(facts),
                throughOwnPatient)).isEqualTo(decision(expected));
    }

    @Test
    void standingIsALiveLinkOfTheRequestersOwnFacility() {
        assertThat(policy.standing(requester("DOCTOR@A"), facts("sourceALinkedNoConsent"))).isTrue();
        assertThat(policy.standing(requester("DOCTOR@A"), facts("sourceA"))).as("a source, linked by 名寄せ only").isFalse();
        assertThat(policy.standing(requester("DOCTOR@A"), facts("sourceALinkEnded"))).isFalse();
        assertThat(policy.standing(requester("DOCTOR@A"), facts("sourceALinkExpired"))).isFalse();
        assertThat(policy.standing(requester("DOCTOR@C"), facts("sourceALinkedNoConsent"))).as("another's link").isFalse();
        assertThat(policy.standingFacilities(facts("sourceA").links())).containsExactly(2L);
    }

    @Test
    void deniesAProfessionThatMaySeeNothing() {
        AccessPolicy strict = new AccessPolicy(
                ProfessionMatrix.defaults().with(Profession.MEDICAL_CLERK, Set.of()), PolicyFixtures.CLOCK);

        assertThat(strict.decidePerson(requester("MEDICAL_CLERK@B"), Purpose.TREATMENT, facts("consented"), false))
                .isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
    }

    @Test
    void deniesEmergencyToAProfessionThatMaySeeNothingOfTheMinimum() {
        AccessPolicy strict = new AccessPolicy(ProfessionMatrix.defaults()
                .with(Profession.CARE_WORKER, Set.of(DataCategory.CARE_RECORDS)), PolicyFixtures.CLOCK);

        assertThat(strict.decidePerson(requester("CARE_WORKER@C"), Purpose.EMERGENCY, facts("breakGlass"), false))
                .isEqualTo(new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION));
    }

    @Test
    void appliesAConfiguredIdlePeriod() {
        AccessPolicy shortLinks = new AccessPolicy(ProfessionMatrix.defaults(), Duration.ofDays(5), PolicyFixtures.CLOCK);

        assertThat(shortLinks.decidePerson(requester("DOCTOR@B"), Purpose.TREATMENT, facts("consented"), false))
                .isEqualTo(new Deny(Deny.LINK_EXPIRED));
    }

    @Test
    void refusesANonPositiveIdlePeriod() {
        for (Duration idle : List.of(Duration.ZERO, Duration.ofDays(-1))) {
            Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> new AccessPolicy(ProfessionMatrix.defaults(), idle, PolicyFixtures.CLOCK));
        }
    }
}

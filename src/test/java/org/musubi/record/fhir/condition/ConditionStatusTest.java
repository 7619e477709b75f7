package org.musubi.record.fhir.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.json.JsonMapper;

/** 疑い read one way, whatever code a sender used for it; what holds now and what counts. */
class ConditionStatusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}/{1}: active {2}, suspected {3}, counted {4}")
    @CsvSource(nullValues = "-", value = {
            "active, confirmed, true, false, true",
            "active, unconfirmed, true, true, true",
            "active, provisional, true, true, true",
            "active, differential, true, true, true",
            "active, refuted, false, false, false",
            "-, entered-in-error, false, false, false",
            "resolved, confirmed, false, false, true",
            "inactive, -, false, false, true",
            "remission, confirmed, false, false, true",
            "recurrence, -, true, false, true",
            "relapse, unconfirmed, true, true, true",
            "-, -, true, false, true",
    })
    void readsEveryCodeTheSameWayInJsonAndInHapisModel(String clinical, String verification, boolean active,
                                                        boolean suspected, boolean counted) {
        String json = "{\"resourceType\":\"Condition\""
                + (clinical == null ? "" : ",\"clinicalStatus\":{\"coding\":[{\"system\":\"" + FhirSystems.CONDITION_CLINICAL
                + "\",\"code\":\"" + clinical + "\"}]}")
                + (verification == null ? "" : ",\"verificationStatus\":{\"coding\":[{\"system\":\""
                + FhirSystems.CONDITION_VERIFICATION + "\",\"code\":\"" + verification + "\"}]}") + "}";
        ConditionStatus read = ConditionStatus.of(JSON.readTree(json));
        assertThat(read.active()).isEqualTo(active);
        assertThat(read.suspected()).isEqualTo(suspected);
        assertThat(read.counted()).isEqualTo(counted);
        assertThat(read.sent()).isEqualTo(verification);

        Condition model = new Condition();
        if (clinical != null) {
            model.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_CLINICAL, clinical, null)));
        }
        if (verification != null) {
            model.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_VERIFICATION, verification, null)));
        }
        assertThat(ConditionStatus.of(model)).isEqualTo(read);
        assertThat(read.clinsVerification()).isEqualTo(suspected ? "unconfirmed" : verification);
    }

    @ParameterizedTest
    @CsvSource({"abatementDateTime, '\"2026-01-01\"'", "abatementString, '\"寛解\"'", "abatementAge, '{\"value\":70}'",
            "abatementBoolean, true"})
    void anAbatementEndsTheDiagnosis(String element, String value) {
        ConditionStatus read = ConditionStatus.of(JSON.readTree("{\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},\""
                + element + "\":" + value + "}"));
        assertThat(read.abated()).isTrue();
        assertThat(read.active()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"true, unconfirmed, Unconfirmed", "false, confirmed, Confirmed"})
    void everyWriterWritesSuspectedAsJpClinsAsksForIt(boolean suspected, String code, String display) {
        Coding written = ConditionStatus.verification(suspected).getCodingFirstRep();
        assertThat(written.getSystem()).isEqualTo(FhirSystems.CONDITION_VERIFICATION);
        assertThat(written.getCode()).isEqualTo(code);
        assertThat(written.getDisplay()).isEqualTo(display);
    }

    /** The outcome (転帰) in its sender's words: JP Core's disease-outcome text, else its first coding's name; else none. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "{\"text\":\"死亡\",\"coding\":[{\"code\":\"D\",\"display\":\"死亡\"}]} | 死亡",
            "{\"coding\":[{\"code\":\"I\",\"display\":\"中止\"}]} | 中止",
            "{\"coding\":[{\"code\":\"I\"}]} | -",
    })
    void theOutcomeIsReadInItsSendersWords(String value, String words) {
        String json = "{\"resourceType\":\"Condition\",\"extension\":[{\"url\":\"" + FhirSystems.DISEASE_OUTCOME
                + "\",\"valueCodeableConcept\":" + value + "}]}";
        assertThat(ConditionStatus.outcome(JSON.readTree(json))).isEqualTo(words);
        assertThat(ConditionStatus.outcome(JSON.readTree("{\"resourceType\":\"Condition\"}"))).isNull();
    }
}

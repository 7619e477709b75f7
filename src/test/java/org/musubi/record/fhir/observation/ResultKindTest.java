package org.musubi.record.fhir.observation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musubi.registry.FacilityKind;

/** A blood type is a lab result only when a facility that tests blood reported it; every other result stays one. */
class ResultKindTest {

    private static final String LOINC = "http://loinc.org";
    private static final String JLAC10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
    private static final String JLAC10_OID = "urn:oid:1.2.392.200119.4.504";

    @ParameterizedTest(name = "{0}|{1} from {2} → {3}")
    @CsvSource({
            LOINC + ",882-1,PHARMACY,PATIENT_DATA",
            LOINC + ",883-9,PHARMACY,PATIENT_DATA",
            LOINC + ",10331-7,PHARMACY,PATIENT_DATA",
            LOINC + ",882-1,CLINIC,PATIENT_DATA",
            LOINC + ",882-1,CARE_FACILITY,PATIENT_DATA",
            LOINC + ",882-1,HOME_NURSING_STATION,PATIENT_DATA",
            LOINC + ",882-1,PERSONAL_HEALTH_RECORD,PATIENT_DATA",
            LOINC + ",882-1,,PATIENT_DATA",
            LOINC + ",882-1,LAB_CENTRE,LAB_RESULT",
            LOINC + ",882-1,HOSPITAL,LAB_RESULT",
            LOINC + ",882-1,CHECKUP_CENTRE,LAB_RESULT",
            JLAC10 + ",5H010000009199911,PHARMACY,PATIENT_DATA",
            JLAC10_OID + ",5H020000002399911,CLINIC,PATIENT_DATA",
            JLAC10 + ",5H010000009199911,HOSPITAL,LAB_RESULT",
            JLAC10 + ",3D046000001920402,PHARMACY,LAB_RESULT",
            LOINC + ",4548-4,PHARMACY,LAB_RESULT",
            JLAC10 + ",5H01,PHARMACY,LAB_RESULT",
            "urn:local:lab,882-1,PHARMACY,LAB_RESULT"})
    void judgesWhatAResultIsByItsCodeAndItsReporter(String system, String code, FacilityKind reporter,
                                                    ResultKind expected) {
        String observation = """
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"%s","code":"%s"}]},
                 "valueCodeableConcept":{"text":"A型 Rh(+)"}}""".formatted(system, code);

        assertThat(ResultKind.of(ObservationValue.tree(observation), reporter)).isEqualTo(expected);
    }
}

package org.musubi.ingest.ssmix2.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.ssmix2.NhoSamples;
import org.musubi.record.fhir.FhirSystems;

/** What the NHO samples map to. */
class NhoSampleMappingTest {

    private static final String ADT00 = "999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1";
    private static final String ADT61 = "999/901/9999013/-/ADT-61/9999013_-_ADT-61_999999999999999_20111014232213000_-_1";
    private static final String PPR01 = "999/901/9999013/-/PPR-01/9999013_-_PPR-01_999999999999999_20111209163030000_01_1";
    private static final String ADT22 = "999/901/9999013/20111120/ADT-22/9999013_20111120_ADT-22_999999999999999_20111220224447339_01_1";
    private static final String ADT52 = "999/901/9999013/20111220/ADT-52/9999013_20111220_ADT-52_999999999999999_20111220224447339_08_1";

    @Test
    void patientInformationGivesTheAuthoritativePatient() {
        ParseResult.Parsed parsed = NhoSamples.parsed(ADT00);

        assertThat(parsed.authoritative()).isTrue();
        assertThat(parsed.patient().familyKanji() + " " + parsed.patient().givenKanji()).isEqualTo("患者 太郎");
        assertThat(parsed.patient().familyKana() + " " + parsed.patient().givenKana()).isEqualTo("カンジャ タロウ");
        assertThat(parsed.patient().sex()).isEqualTo(Sex.MALE);
        assertThat(parsed.patient().birthDate()).hasToString("1948-04-05");
        assertThat(parsed.patient().postalCode()).isEqualTo("422-8033");
        assertThat(parsed.patient().address()).isEqualTo("静岡県静岡市登呂１−３−５");
        assertThat(parsed.patient().phone()).isEqualTo("054-000-0000");
        assertThat(parsed.patientResource().getIdentifierFirstRep().getValue()).isEqualTo("9999013");
        assertThat(parsed.patientResource().getName()).extracting(HumanName::getText).containsExactly("患者 太郎", "カンジャ タロウ");
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void patientInformationGivesHeightWeightBloodTypeAndPenicillinAllergy() {
        ParseResult.Parsed parsed = NhoSamples.parsed(ADT00);

        Observation height = resource(parsed, "/Observation/9N001000000000001", Observation.class);
        assertThat(height.getValueQuantity().getValue()).isEqualByComparingTo(new BigDecimal("167.8"));
        assertThat(height.getValueQuantity().getCode()).isEqualTo("cm");
        assertThat(height.getValueQuantity().getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(height.getCode().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("8302-2"));
        assertThat(height.getMeta().getProfile().getFirst().getValue()).isEqualTo(PatientObservations.JP_BODY);
        Observation weight = resource(parsed, "/Observation/9N006000000000001", Observation.class);
        assertThat(weight.getValueQuantity().getValue()).isEqualByComparingTo(new BigDecimal("63.5"));
        assertThat(weight.getValueQuantity().getCode()).isEqualTo("kg");
        assertThat(weight.getCode().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("29463-7"));
        Observation blood = resource(parsed, "/Observation/5H010000009199911", Observation.class);
        assertThat(blood.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("A");
        assertThat(blood.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.JLAC10);
        AllergyIntolerance penicillin = resource(parsed, "/AllergyIntolerance/DA:1", AllergyIntolerance.class);
        assertThat(penicillin.getCode().getText()).isEqualTo("ペニシリン");
        assertThat(penicillin.getCategory()).extracting(c -> c.getValue())
                .containsExactly(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
    }

    @Test
    void allergyListGivesFourAllergiesAndWarnsAboutPid3() {
        ParseResult.Parsed parsed = NhoSamples.parsed(ADT61);

        assertThat(parsed.resources()).hasSize(4);
        AllergyIntolerance cedar = resource(parsed, "/AllergyIntolerance/LA:5A1002216023023", AllergyIntolerance.class);
        assertThat(cedar.getCode().getCodingFirstRep().getDisplay()).isEqualTo("スギ");
        // A 15-character JC10 allergen code is not a code of the 17-digit JLAC10 system: kept under its v2 name.
        assertThat(cedar.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.V2_CODING_SYSTEM + "JC10");
        assertThat(cedar.getCategory().getFirst().getValue()).isEqualTo(AllergyIntolerance.AllergyIntoleranceCategory.ENVIRONMENT);
        assertThat(cedar.getReactionFirstRep().getManifestationFirstRep().getText()).isEqualTo("目のかゆみ");
        assertThat(cedar.getOnsetDateTimeType().getValueAsString()).isEqualTo("1996-01");
        AllergyIntolerance buckwheat = resource(parsed, "/AllergyIntolerance/FA:5A1002411023006", AllergyIntolerance.class);
        assertThat(buckwheat.getOnsetStringType().getValue()).isEqualTo("小学校低学年の頃");
        assertThat(buckwheat.getReactionFirstRep().getSeverity()).isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
        assertThat(resource(parsed, "/AllergyIntolerance/DA:106824501", AllergyIntolerance.class).getCode()
                .getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.HOT9);
        assertThat(parsed.patient().localId()).isEqualTo("9999013");
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.pid-differs");
            assertThat(w.where().field()).isEqualTo("PID-3");
            assertThat(w.english()).contains("12345678", "9999013");
        });
    }

    @Test
    void diagnosisListGivesGastritisWithItsCodesDatesAndMainDiagnosisFlag() {
        Condition gastritis = resource(NhoSamples.parsed(PPR01), "/Condition/123456789012345", Condition.class);

        assertThat(gastritis.getCode().getText()).isEqualTo("胃炎");
        assertThat(gastritis.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode()).containsExactly(
                FhirSystems.DISEASE_KEY + "|20054174", FhirSystems.DISEASE_EXCHANGE + "|TSQF", FhirSystems.ICD10 + "|K297");
        assertThat(gastritis.getOnsetDateTimeType().getValueAsString()).isEqualTo("2011-08-31");
        assertThat(gastritis.getRecordedDateElement().getValueAsString()).isEqualTo("2011-08-31");
        assertThat(gastritis.getAbatementDateTimeType().getValueAsString()).isEqualTo("2011-09-15");
        assertThat(gastritis.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("inactive");
        assertThat(gastritis.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(gastritis.getExtensionsByUrl(DiagnosisContext.DIAGNOSIS_TYPE)).anySatisfy(e ->
                assertThat(((CodeableConcept) e.getValue()).getCodingFirstRep().getCode()).isEqualTo("principal"));
        assertThat(gastritis.getMeta().getSecurity()).extracting(c -> c.getCode()).containsExactly("V");
    }

    @Test
    void admissionAndDischargeMakeOneEncounter() {
        var admission = NhoSamples.parsed(ADT22).resources();
        var discharge = NhoSamples.parsed(ADT52).resources();

        assertThat(admission).singleElement().satisfies(r -> assertThat(r.sourceKey()).isEqualTo("ssmix2:stay:20111120"));
        assertThat(discharge).singleElement().satisfies(r -> assertThat(r.sourceKey()).isEqualTo("ssmix2:stay:20111120"));
        Encounter admitted = (Encounter) admission.getFirst().resource();
        Encounter discharged = (Encounter) discharge.getFirst().resource();
        assertThat(admitted.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
        assertThat(admitted.getPeriod().getStartElement().getValueAsString()).isEqualTo("2011-11-20T16:00:00+09:00");
        assertThat(discharged.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(discharged.getPeriod().getStartElement().getValueAsString()).isEqualTo("2011-11-20T16:00:00+09:00");
        assertThat(discharged.getPeriod().getEndElement().getValueAsString()).isEqualTo("2011-12-20T12:00:00+09:00");
        assertThat(discharged.getClass_().getCode()).isEqualTo("IMP");
        assertThat(discharged.getParticipantFirstRep().getIndividual().getDisplay()).isEqualTo("医師 一郎");
        assertThat(Hl7Values.dateTime("201111201600")).isPresent();
    }

    private static <T> T resource(ParseResult.Parsed parsed, String keyEnding, Class<T> type) {
        return parsed.resources().stream().filter(r -> r.sourceKey().endsWith(keyEnding)).findFirst()
                .map(r -> type.cast(r.resource())).orElseThrow(() -> new AssertionError("no " + keyEnding + " in "
                        + parsed.resources().stream().map(r -> r.sourceKey()).toList()));
    }
}

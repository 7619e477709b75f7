package org.musubi.ingest.ssmix2.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.parsed;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.ssmix2.Ssmix2Messages;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;

/** ADT-00 observations and allergies, ADT-61 allergy lists and PPR-01 diagnosis lists from small messages. */
class ClinicalMappingTest {

    private static final String PATIENT_RECORD = "000/100/0001000052/-/ADT-00/0001000052_-_ADT-00_999999999999999_20240401093000123_-_1";
    private static final String ALLERGIES = "000/100/0001000052/-/ADT-61/0001000052_-_ADT-61_999999999999999_20240401093000123_-_1";
    private static final String DIAGNOSES = "000/100/0001000052/-/PPR-01/0001000052_-_PPR-01_999999999999999_20240401093000123_-_1";

    @Test
    void mapsBodyMeasurementsWithTheirTimeAndBloodTypeAndAl1Allergy() {
        ParseResult.Parsed parsed = parsed(PATIENT_RECORD, Ssmix2Messages.patientRecord());

        Observation height = resource(parsed, "Observation/9N001000000000001", Observation.class);
        assertThat(height.getValueQuantity().getValue()).isEqualByComparingTo(new BigDecimal("158.2"));
        assertThat(height.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024-04-01T09:00:00+09:00");
        assertThat(height.getSubject().getReference()).isEqualTo(SourceRefs.PATIENT);
        Observation weight = resource(parsed, "Observation/9N006000000000001", Observation.class);
        assertThat(weight.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024-03-15");
        assertThat(resource(parsed, "Observation/5H010000009199911", Observation.class).getValueCodeableConcept()
                .getCodingFirstRep().getCode()).isEqualTo("O");
        AllergyIntolerance egg = resource(parsed, "AllergyIntolerance/FA:J001", AllergyIntolerance.class);
        assertThat(egg.getCriticality()).isEqualTo(AllergyIntoleranceCriticality.HIGH);
        assertThat(egg.getReactionFirstRep().getManifestationFirstRep().getText()).isEqualTo("じんましん");
        assertThat(egg.getOnsetDateTimeType().getValueAsString()).isEqualTo("2020-01-01");
    }

    @Test
    void keepsANonNumericMeasurementAsTextWithAWarning() {
        String message = Ssmix2Messages.patientRecord().replace("||158.2|", "||不明|");
        ParseResult.Parsed parsed = parsed(PATIENT_RECORD, message);

        assertThat(resource(parsed, "Observation/9N001000000000001", Observation.class).getValueStringType().getValue())
                .isEqualTo("不明");
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.invalid-number");
            assertThat(w.where().field()).isEqualTo("OBX-5");
            assertThat(w.where().line()).isEqualTo(5);
        });
    }

    @Test
    void mapsTheAllergyListLeavingOutDeletedAllergies() {
        ParseResult.Parsed parsed = parsed(ALLERGIES, Ssmix2Messages.allergies());

        assertThat(parsed.resources()).extracting(MappedResource::sourceKey).containsExactly(
                "ssmix2:ADT-61:-:999999999999999/AllergyIntolerance/A-1", "ssmix2:ADT-61:-:999999999999999/AllergyIntolerance/A-2");
        AllergyIntolerance cedar = resource(parsed, "AllergyIntolerance/A-1", AllergyIntolerance.class);
        assertThat(cedar.getType()).isEqualTo(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        assertThat(cedar.getCategory().getFirst().getValue()).isEqualTo(AllergyIntoleranceCategory.ENVIRONMENT);
        AllergyIntolerance drug = resource(parsed, "AllergyIntolerance/A-2", AllergyIntolerance.class);
        assertThat(drug.getIdentifierFirstRep().getValue()).isEqualTo("A-2");
        assertThat(drug.getOnsetDateTimeType().getValueAsString()).isEqualTo("2007-07-10");
        assertThat(drug.getRecordedDateElement().getValueAsString()).isEqualTo("2024-04-01");
        assertThat(drug.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(drug.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.HOT9);
    }

    @Test
    void mapsTheDiagnosisListWithStatusesAndLeavesOutDeletedOnes() {
        ParseResult.Parsed parsed = parsed(DIAGNOSES, Ssmix2Messages.diagnoses());

        assertThat(parsed.resources()).extracting(MappedResource::sourceKey).containsExactly(
                "ssmix2:PPR-01:-:999999999999999/Condition/P0001", "ssmix2:PPR-01:-:999999999999999/Condition/P0002");
        Condition diabetes = resource(parsed, "Condition/P0001", Condition.class);
        assertThat(diabetes.getCode().getCoding()).extracting(c -> c.getCode()).containsExactly("20056573", "DNL6", "E119");
        assertThat(diabetes.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(diabetes.getOnsetDateTimeType().getValueAsString()).isEqualTo("2024-02-01");
        assertThat(diabetes.getRecordedDateElement().getValueAsString()).isEqualTo("2024-02-10");
        assertThat(diabetes.getRecorder().getDisplay()).isEqualTo("医師 一郎");
        assertThat(((CodeableConcept) diabetes.getExtensionByUrl(DiagnosisContext.DEPARTMENT).getValue())
                .getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.DEPARTMENT);
        Condition ulcer = resource(parsed, "Condition/P0002", Condition.class);
        assertThat(ulcer.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("unconfirmed");
        assertThat(ulcer.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
        assertThat(ulcer.getAbatementDateTimeType().getValueAsString()).isEqualTo("2024-03-25");
        assertThat(ulcer.getExtensionsByUrl(DiagnosisContext.DIAGNOSIS_TYPE)).isEmpty();
    }

    @Test
    void warnsAboutAnUnreadableDateAndLeavesItOut() {
        String message = Ssmix2Messages.diagnoses().replace("|20240201|", "|20241301|");
        ParseResult.Parsed parsed = parsed(DIAGNOSES, message);

        assertThat(resource(parsed, "Condition/P0001", Condition.class).hasOnset()).isFalse();
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.invalid-date");
            assertThat(w.where().field()).isEqualTo("PRB-16");
            assertThat(w.english()).contains("20241301", "PRB-16");
            assertThat(w.english()).contains("it was left out and the rest of the record was stored");
            assertThat(w.japanese()).contains("この日時は取り込まず、記録の残りを保存しました。");
        });
    }

    static <T> T resource(ParseResult.Parsed parsed, String keyEnding, Class<T> type) {
        return parsed.resources().stream().filter(r -> r.sourceKey().endsWith(keyEnding)).findFirst()
                .map(r -> type.cast(r.resource())).orElseThrow(() -> new AssertionError("no " + keyEnding + " in "
                        + parsed.resources().stream().map(MappedResource::sourceKey).toList()));
    }
}

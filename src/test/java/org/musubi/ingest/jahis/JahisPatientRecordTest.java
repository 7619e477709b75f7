package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;

/** Record 1 (患者情報): who the patient is, and what else it says about them. */
class JahisPatientRecordTest {

    @Test
    void carriesTheKanjiNameSexAndBirthDateIntoTheIdentityWhenTheKanaNameIsEmpty() {
        Parsed patient = parsed(read("x.txt", Notebooks.HEADER, "1,山田 花子,2,S330303,,,,,,,", "5,20260310,1")).getFirst();

        PatientIdentity identity = patient.patient();
        assertThat(identity.familyKanji()).isEqualTo("山田");
        assertThat(identity.givenKanji()).isEqualTo("花子");
        assertThat(identity.familyKana()).isNull();
        assertThat(identity.givenKana()).isNull();
        assertThat(identity.sex()).isEqualTo(Sex.FEMALE);
        assertThat(identity.birthDate()).isEqualTo(LocalDate.of(1958, 3, 3));
        assertThat(identity.localId()).startsWith("jahis-");
        assertThat(patient.patientResource().getName()).singleElement()
                .satisfies(n -> assertThat(n.getText()).isEqualTo("山田 花子"));
    }

    @Test
    void storesBloodTypeAndWeightAsObservationsDatedByTheNewestDispensingOfTheFile() {
        List<ParseResult> results = read("x.txt", Notebooks.HEADER, "1,山田 花子,2,S330303,,,,,A+,52.3,ヤマダ ハナコ",
                "5,20260201,1", "11,しんばし薬局,13,4,2345678,,,,1", "5,20260310,1", "11,みなと薬局,13,4,1234567,,,,1");

        Parsed body = record(results, "jahis:patient-info:20260310");
        assertThat(body.where()).isEqualTo(new Location("x.txt", 2, "1", null));
        assertThat(body.warnings()).isEmpty();
        Observation weight = observation(body, "29463-7");
        assertThat(weight.getValueQuantity().getValue()).isEqualByComparingTo("52.3");
        assertThat(weight.getValueQuantity()).extracting(q -> q.getUnit(), q -> q.getSystem(), q -> q.getCode())
                .containsExactly("kg", FhirSystems.UCUM, "kg");
        assertThat(weight.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-03-10");
        assertThat(weight.getCategory()).flatExtracting(c -> c.getCoding()).extracting(Coding::getCode)
                .contains("body-measurement", "vital-signs");
        assertThat(weight.getSubject().getReference()).isEqualTo(SourceRefs.PATIENT);
        assertThat(weight.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        Observation blood = observation(body, "882-1");
        assertThat(blood.getValueCodeableConcept().getText()).isEqualTo("A+");
        assertThat(blood.getValueCodeableConcept().getCodingFirstRep()).extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(FhirSystems.LOINC, "LA21325-8");
        assertThat(blood.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-03-10");
        assertThat(blood.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("laboratory");
    }

    @ParameterizedTest
    @CsvSource({"Ｂ＋, 882-1, LA21327-4", "AB型 Rh(−), 882-1, LA21324-1", "O型, 883-9, LA19708-9",
            "Ａ型ＲｈＤ（－）, 882-1, LA21326-6", "Rh-, 10331-7, LA6577-6", "b rh+, 882-1, LA21327-4"})
    void readsTheWaysBloodTypesAreWritten(String written, String loinc, String answer) {
        Parsed body = record(read("x.txt", Notebooks.HEADER, "1,山田 花子,2,S330303,,,,," + written + ",,", "5,20260310,1"),
                "jahis:patient-info:20260310");

        Observation blood = observation(body, loinc);
        assertThat(blood.getValueCodeableConcept().getText()).isEqualTo(written);
        assertThat(blood.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo(answer);
        assertThat(body.warnings()).isEmpty();
    }

    @Test
    void keepsABloodTypeItCannotReadAsTextWithAWarning() {
        Parsed body = record(read("x.txt", Notebooks.HEADER, "1,山田 花子,2,S330303,,,,,不明,,", "5,20260310,1"),
                "jahis:patient-info:20260310");

        Observation blood = observation(body, "882-1");
        assertThat(blood.getValueCodeableConcept().getText()).isEqualTo("不明");
        assertThat(blood.getValueCodeableConcept().hasCoding()).isFalse();
        assertThat(body.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("jahis.patient.bloodType");
            assertThat(w.where()).isEqualTo(new Location("x.txt", 2, "1", "1.血液型"));
            assertThat(w.japanese()).contains("不明");
            assertThat(w.english()).contains("不明");
        });
    }

    @Test
    void readsAWeightWrittenWithFullWidthDigitsOrItsUnit() {
        for (String written : List.of("５２．３", "52.3kg", "52.3 ｋｇ")) {
            Parsed body = record(read("x.txt", Notebooks.HEADER, "1,山田 花子,2,S330303,,,,,," + written + ",",
                    "5,20260310,1"), "jahis:patient-info:20260310");

            assertThat(observation(body, "29463-7").getValueQuantity().getValue()).as(written).isEqualByComparingTo("52.3");
            assertThat(body.warnings()).as(written).isEmpty();
        }
    }

    @Test
    void keepsAWeightItCannotReadAsTextWithAWarning() {
        Parsed body = record(read("x.txt", Notebooks.HEADER, "1,山田 花子,2,S330303,,,,,,約50,", "5,20260310,1"),
                "jahis:patient-info:20260310");

        Observation weight = observation(body, "29463-7");
        assertThat(weight.hasValueQuantity()).isFalse();
        assertThat(weight.getValueStringType().getValue()).isEqualTo("約50");
        assertThat(body.warnings()).extracting(Problem::code).containsExactly("jahis.patient.weight");
        assertThat(body.warnings().getFirst().where().field()).isEqualTo("1.体重");
    }

    @Test
    void keepsBloodTypeAndWeightOfAFileWithoutDispensingUndatedWithAWarning() {
        Parsed body = record(read("x.txt", Notebooks.HEADER, "1,山田 花子,2,S330303,,,,,A+,52.3,", "2,1,卵,1"),
                "jahis:patient-info:undated");

        assertThat(observation(body, "29463-7").hasEffective()).isFalse();
        assertThat(observation(body, "882-1").hasEffective()).isFalse();
        assertThat(body.warnings()).extracting(Problem::code).containsExactly("jahis.patient.undated");
    }

    @Test
    void storesNothingMoreForAPatientRecordWithoutBloodTypeOrWeight() {
        assertThat(parsed(read("x.txt", Notebooks.notebook(Notebooks.ointmentBlock()))))
                .noneMatch(p -> p.recordKey().startsWith("jahis:patient-info"));
    }

    private static Parsed record(List<ParseResult> results, String key) {
        return parsed(results).stream().filter(p -> p.recordKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + key + " among "
                        + parsed(results).stream().map(Parsed::recordKey).toList()));
    }

    private static Observation observation(Parsed record, String loinc) {
        return record.resources().stream().map(m -> m.resource()).filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> loinc.equals(c.getCode())))
                .findFirst().orElseThrow(() -> new AssertionError("no Observation " + loinc));
    }
}

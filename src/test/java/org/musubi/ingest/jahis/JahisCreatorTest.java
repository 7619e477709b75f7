package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.jahis.JahisFiles.parsed;
import static org.musubi.ingest.jahis.JahisFiles.read;
import static org.musubi.ingest.jahis.JahisFiles.resources;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.medication.notebook.JahisWriter;

/** 作成者 (who made a record: 1 医療関係者, 2 患者等, 8 その他, 9 不明) is carried into FHIR and written back. */
class JahisCreatorTest {

    private static final String CREATOR = "urn:musubi:fhir:jahis-creator";

    private final List<ParseResult> notebook = read("x.txt", Notebooks.HEADER, Notebooks.PATIENT,
            "2,1,卵,2", "2,3,高血圧,1",
            "3,バファリンＡ,20260301,20260305,2,1,4987107609229", "31,1,アセチルサリチル酸,1,,2",
            "3,正露丸,20260310,,8,2,", "4,健康診断で血圧が高めと言われた,20260311,2", "4,薬局で記入,20260312,9",
            "5,20260310,1", "11,みなと薬局,13,4,1234567,,,,1", "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1039,1",
            "301,1,１日１回朝食後,14,日分,1,1,,1", "411,粉砕して交付,99,1", "501,家族が記入,2");

    @Test
    void carriesThePatientAsTheSourceOfAnOtcDrugTheyRecorded() {
        MedicationStatement byPatient = statement("バファリンＡ");

        assertThat(byPatient.getInformationSource().getReference()).isEqualTo(SourceRefs.PATIENT);
        assertThat(byPatient.getInformationSource().getDisplay()).isEqualTo("患者等");
        assertThat(byPatient.getCategory().getCodingFirstRep().getCode()).isEqualTo("patientspecified");
        assertThat(creator(byPatient)).isEqualTo("2");
        Medication contained = (Medication) byPatient.getContained().getFirst();
        assertThat(creator(contained.getIngredientFirstRep())).isEqualTo("2");
        MedicationStatement byOther = statement("正露丸");
        assertThat(byOther.hasInformationSource()).as("8 その他 names no one").isFalse();
        assertThat(creator(byOther)).isEqualTo("8");
    }

    @Test
    void carriesTheAuthorOfAMemoAndTheAsserterOfANote() {
        List<DocumentReference> memos = resources(notebook, DocumentReference.class);
        assertThat(memos.get(0).getAuthorFirstRep().getReference()).isEqualTo(SourceRefs.PATIENT);
        assertThat(memos.get(0).getAuthorFirstRep().getDisplay()).isEqualTo("患者等");
        assertThat(creator(memos.get(0))).isEqualTo("2");
        assertThat(memos.get(1).hasAuthor()).as("9 不明 names no one").isFalse();
        assertThat(creator(memos.get(1))).isEqualTo("9");
        AllergyIntolerance egg = resources(notebook, AllergyIntolerance.class).getFirst();
        assertThat(egg.getAsserter().getReference()).isEqualTo(SourceRefs.PATIENT);
        var history = resources(notebook, Condition.class).getFirst();
        assertThat(history.getAsserter().getDisplay()).isEqualTo("医療関係者");
        assertThat(history.getAsserter().getType()).isEqualTo("Practitioner");
        assertThat(history.getCategoryFirstRep().getCodingFirstRep().getCode())
                .as("a history written down, read as 既往歴（申告）, never as 疑い").isEqualTo("reported-history");
        assertThat(history.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("unconfirmed");
    }

    @Test
    void carriesTheCreatorOfADispensingAndOfEachNote() {
        MedicationDispense dispense = resources(notebook, MedicationDispense.class).getFirst();

        assertThat(creator(dispense)).isEqualTo("1");
        Annotation family = dispense.getNote().stream().filter(n -> n.getText().equals("家族が記入")).findFirst().orElseThrow();
        assertThat(family.getAuthorReference().getReference()).isEqualTo(SourceRefs.PATIENT);
        assertThat(creator(family)).isEqualTo("2");
        assertThat(parsed(notebook).getLast().warnings()).isEmpty();
    }

    @Test
    void writesEachCreatorBack() {
        String text = new String(new JahisWriter(StandardCharsets.UTF_8).write(parsed(notebook).getFirst().patientResource(),
                JahisRoundTripTest.resources(notebook), JahisRoundTripTest.directory(notebook)), StandardCharsets.UTF_8);

        assertThat(text).contains("\r\n2,1,卵,2\r\n", "\r\n2,3,高血圧,1\r\n", "\r\n3,バファリンＡ,20260301,20260305,2,1,4987107609229\r\n",
                "\r\n31,1,アセチルサリチル酸,1,,2\r\n", "\r\n3,正露丸,20260310,,8,2\r\n", "\r\n4,健康診断で血圧が高めと言われた,20260311,2\r\n",
                "\r\n4,薬局で記入,20260312,9\r\n", "\r\n501,家族が記入,2\r\n");
        JahisRoundTripTest.assertRoundTrip(notebook, JahisFiles.SHIFT_JIS);
    }

    @Test
    void keepsTheCreatorOfABlockThePatientWroteAndWritesItBack() {
        List<ParseResult> typed = read("x.txt", "JAHISTC08,2", Notebooks.PATIENT, "5,20260310,2", "11,みなと薬局,,,,,,,2",
                "201,1,アムロジピン錠５ｍｇ,1,錠,1,,2", "301,1,１日１回朝食後,14,日分,1,1,,2");

        assertThat(creator(resources(typed, MedicationDispense.class).getFirst())).isEqualTo("2");
        assertThat(parsed(typed).get(1).warnings()).extracting(Problem::code).containsExactly("jahis.dose.noQuantity");
        String text = new String(new JahisWriter(StandardCharsets.UTF_8).write(parsed(typed).getFirst().patientResource(),
                JahisRoundTripTest.resources(typed), JahisRoundTripTest.directory(typed)), StandardCharsets.UTF_8);
        assertThat(text).contains("5,20260310,2\r\n11,みなと薬局,,,,,,,2\r\n201,1,アムロジピン錠５ｍｇ,1,錠,1,,2\r\n"
                + "301,1,１日１回朝食後,14,日分,1,1,,2\r\n");
    }

    @Test
    void warnsOfARecordOfABlockWhoseCreatorDiffersFromTheBlocks() {
        List<ParseResult> mixed = read("x.txt", Notebooks.HEADER, Notebooks.PATIENT, "5,20260310,1", "11,みなと薬局,,,,,,,1",
                "201,1,アムロジピン錠５ｍｇ,1,錠,1,,2", "301,1,１日１回朝食後,14,日分,1,1,,1");

        assertThat(parsed(mixed).get(1).warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("jahis.creator.differs");
            assertThat(w.where()).isEqualTo(new Location("x.txt", 5, "201", "201.作成者"));
        });
    }

    private MedicationStatement statement(String name) {
        return resources(notebook, MedicationStatement.class).stream()
                .filter(s -> (s.hasMedicationCodeableConcept() ? s.getMedicationCodeableConcept()
                        : ((Medication) s.getContained().getFirst()).getCode()).getText().equals(name))
                .findFirst().orElseThrow();
    }

    private static String creator(Element element) {
        var extension = element.getExtensionByUrl(CREATOR);
        return extension == null ? null : extension.getValue().primitiveValue();
    }

    private static String creator(Resource resource) {
        var extension = ((DomainResource) resource).getExtensionByUrl(CREATOR);
        return extension == null ? null : extension.getValue().primitiveValue();
    }
}

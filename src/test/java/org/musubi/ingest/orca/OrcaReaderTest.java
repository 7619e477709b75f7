package org.musubi.ingest.orca;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;

/** What the ORCA reader makes of a pulled file that is not as it should be: each fault named, the rest still read. */
class OrcaReaderTest {

    private static final MappingContext CONTEXT = new MappingContext("3410000001", "ORCA診療所");

    @Test
    void aFileThatIsNotXmlIsRejectedWithItsName() {
        List<ParseResult> results = read("<orca_pull><patient>");
        assertThat(results).singleElement().isInstanceOfSatisfying(ParseResult.Rejected.class, r -> {
            assertThat(r.problem().where().file()).isEqualTo("orca/x/00001.xml");
            assertThat(r.problem().code()).isEqualTo("ingest.orca.notXml");
        });
    }

    @Test
    void aDoctypeIsRefused() {
        List<ParseResult> results = read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<orca_pull><patient><patientinfores><Patient_Information><Patient_ID>&e;</Patient_ID>"
                + "</Patient_Information></patientinfores></patient></orca_pull>");
        assertThat(results).singleElement().isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void aPatientWithoutIdIsRejectedAndABadVisitDayAlone() {
        assertThat(read("<orca_pull><patient><patientinfores><Patient_Information><WholeName>日医　太郎</WholeName>"
                + "</Patient_Information></patientinfores></patient></orca_pull>")).singleElement()
                .isInstanceOfSatisfying(ParseResult.Rejected.class,
                        r -> assertThat(r.problem().where().field()).isEqualTo("Patient_ID"));

        List<ParseResult> results = read("<orca_pull><patient><patientinfores><Patient_Information>"
                + "<Patient_ID>00001</Patient_ID><Sex>1</Sex></Patient_Information></patientinfores></patient><diseases/>"
                + "<visits><medicalget01res><Medical_List_Information>"
                + "<Medical_List_Information_child><Perform_Date>2026-13-01</Perform_Date></Medical_List_Information_child>"
                + "<Medical_List_Information_child><Perform_Date>2026-11-02</Perform_Date><Department_Code>01</Department_Code>"
                + "</Medical_List_Information_child></Medical_List_Information></medicalget01res></visits></orca_pull>");
        assertThat(results).hasSize(4);
        assertThat(results.get(0)).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
            assertThat(p.recordKey()).isEqualTo("orca:patient:00001");
            assertThat(p.authoritative()).isTrue();
            assertThat(p.patient().localId()).isEqualTo("00001");
        });
        assertThat(results.get(1)).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
            assertThat(p.recordKey()).as("an empty disease list is a list: what ORCA deleted is deleted")
                    .isEqualTo("orca:diseases:00001");
            assertThat(p.resources()).isEmpty();
        });
        assertThat(results.get(2)).isInstanceOfSatisfying(ParseResult.Rejected.class,
                r -> assertThat(r.problem().where().field()).isEqualTo("Medical_List_Information[1].Perform_Date"));
        assertThat(results.get(3)).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
            assertThat(p.recordKey()).isEqualTo("orca:visit:00001:2026-11-02:01");
            assertThat(p.resources()).extracting(r -> r.type()).containsExactly("Encounter");
        });
    }

    /**
     * Values off ORCA's documented lists are kept as sent and named in a warning, never changed in silence: a 転帰 and
     * a 疑い flag ORCA does not document, a retired disease code, a quantity and a 回数 that are not numbers, a date that
     * is not one, more diseases than were pulled.
     */
    @Test
    void valuesOffOrcasListsAreKeptAsSentWithAWarningNamingThem() {
        List<ParseResult> results = read("<orca_pull><patient><patientinfores><Patient_Information>"
                + "<Patient_ID>00001</Patient_ID><Patient_Contra_Information><Patient_Contra_Info>"
                + "<Patient_Contra_Info_child><Medication_Code>620000201</Medication_Code><Medication_Name>ワルファリン</Medication_Name>"
                + "<Contra_StartDate>00000000</Contra_StartDate></Patient_Contra_Info_child></Patient_Contra_Info>"
                + "</Patient_Contra_Information></Patient_Information></patientinfores></patient>"
                + "<diseases><disease_infores><Information_Overflow>True</Information_Overflow><Disease_Information>"
                + "<Disease_Information_child><Disease_Name>高血圧症</Disease_Name><Disease_Single><Disease_Single_child>"
                + "<Disease_Single_Code>8833421</Disease_Single_Code><Disease_Single_Condition>2</Disease_Single_Condition>"
                + "</Disease_Single_child></Disease_Single><Disease_SuspectedFlag>Q</Disease_SuspectedFlag>"
                + "<Disease_StartDate>2019-04-01</Disease_StartDate><Disease_OutCome>X</Disease_OutCome>"
                + "</Disease_Information_child></Disease_Information></disease_infores></diseases>"
                + "<visits><medicalget01res><Medical_List_Information><Medical_List_Information_child>"
                + "<Perform_Date>2026-05-18</Perform_Date><Department_Code>01</Department_Code>"
                + "</Medical_List_Information_child></Medical_List_Information></medicalget01res></visits>"
                + "<acts><medicalget02res><Perform_Date>2026-05-18</Perform_Date><Department_Code>01</Department_Code>"
                + "<Sequential_Number>1</Sequential_Number><Medical_List_Information><Medical_List_Information_child>"
                + "<Medical_Information><Medical_Information_child><Medical_Class>212</Medical_Class>"
                + "<Medical_Class_Number>１４</Medical_Class_Number><Medication_info><Medication_info_child>"
                + "<Medication_Code>620000101</Medication_Code><Medication_Name>アムロジピン錠</Medication_Name>"
                + "<Medication_Number>１</Medication_Number></Medication_info_child><Medication_info_child>"
                + "<Medication_Code>001000203</Medication_Code><Medication_Name>朝夕食後</Medication_Name>"
                + "<Medication_Number>2</Medication_Number></Medication_info_child></Medication_info>"
                + "</Medical_Information_child></Medical_Information></Medical_List_Information_child>"
                + "</Medical_List_Information></medicalget02res></acts></orca_pull>");

        assertThat(OrcaPullTest.warnings(results)).containsExactly(
                "ingest.orca.notADate Patient_Contra_Info[1].Contra_StartDate",
                "ingest.orca.retiredCode Disease_Information[1].Disease_Single[1].Disease_Single_Condition",
                "ingest.orca.unknownOutcome Disease_Information[1].Disease_OutCome",
                "ingest.orca.unknownFlag Disease_Information[1].Disease_SuspectedFlag",
                "ingest.orca.diseaseOverflow Information_Overflow",
                "ingest.orca.numberNotStored visit[2026-05-18:01].剤[1].Medication_info[2].Medication_Number",
                "ingest.orca.notANumber visit[2026-05-18:01].剤[1].Medication_info[1].Medication_Number",
                "ingest.orca.notANumber visit[2026-05-18:01].剤[1].Medical_Class_Number");
        String condition = OrcaPullTest.json(OrcaPullTest.of(results, org.hl7.fhir.r4.model.Condition.class).getFirst());
        assertThat(condition).contains("\"code\":\"active\"", "\"code\":\"X\"", "\"valueCode\":\"Q\"",
                "\"code\":\"confirmed\"", "\"code\":\"8833421\"");
        String drug = OrcaPullTest.json(OrcaPullTest.of(results, org.hl7.fhir.r4.model.MedicationRequest.class).getFirst());
        assertThat(drug).contains("\"valueString\":\"１４\"", "\"text\":\"朝夕食後\"").doesNotContain("doseAndRate",
                "expectedSupplyDuration");
        assertThat(results.getFirst()).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> assertThat(p.warnings())
                .singleElement().satisfies(w -> assertThat(w.japanese()).isEqualTo(
                        "ORCAの日付「00000000」が日付ではないため保存していません")));
    }

    /** A disease ORCA marks deleted (転帰 O) is not one of the patient's: not stored, and the import says so. */
    @Test
    void aDiseaseDeletedInOrcaIsNotStoredAndTheImportSaysSo() {
        List<ParseResult> results = read("<orca_pull><patient><patientinfores><Patient_Information>"
                + "<Patient_ID>00001</Patient_ID></Patient_Information></patientinfores></patient>"
                + "<diseases><disease_infores><Disease_Information><Disease_Information_child>"
                + "<Disease_Name>胃潰瘍</Disease_Name><Disease_Single><Disease_Single_child>"
                + "<Disease_Single_Code>5319009</Disease_Single_Code></Disease_Single_child></Disease_Single>"
                + "<Disease_StartDate>2025-07-07</Disease_StartDate><Disease_OutCome>O</Disease_OutCome>"
                + "</Disease_Information_child><Disease_Information_child><Disease_Name>高血圧症</Disease_Name>"
                + "<Disease_StartDate>2019-04-01</Disease_StartDate></Disease_Information_child></Disease_Information>"
                + "</disease_infores></diseases></orca_pull>");

        assertThat(OrcaPullTest.of(results, org.hl7.fhir.r4.model.Condition.class)).extracting(c -> c.getCode().getText())
                .containsExactly("高血圧症");
        assertThat(results.get(1)).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> assertThat(p.warnings())
                .singleElement().satisfies(w -> {
                    assertThat(w.where().field()).isEqualTo("Disease_Information[1].Disease_OutCome");
                    assertThat(w.japanese()).isEqualTo("ORCAで削除された病名「胃潰瘍」（転帰 O）は取り込んでいません");
                }));
    }

    private static List<ParseResult> read(String xml) {
        List<ParseResult> results = new ArrayList<>();
        new OrcaReader().read(SourceFile.of("orca/x/00001.xml", xml.getBytes(StandardCharsets.UTF_8)), CONTEXT, results::add);
        return results;
    }
}

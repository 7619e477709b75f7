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
                + "<medical><medicalgetres><Medical_List_Information>"
                + "<Medical_List_Information_child><Perform_Date>2026-13-01</Perform_Date></Medical_List_Information_child>"
                + "<Medical_List_Information_child><Perform_Date>2026-11-02</Perform_Date><Department_Code>01</Department_Code>"
                + "</Medical_List_Information_child></Medical_List_Information></medicalgetres></medical></orca_pull>");
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
            assertThat(p.recordKey()).isEqualTo("orca:patient:00001");
            assertThat(p.authoritative()).isTrue();
            assertThat(p.patient().localId()).isEqualTo("00001");
        });
        assertThat(results.get(1)).isInstanceOfSatisfying(ParseResult.Rejected.class,
                r -> assertThat(r.problem().where().field()).isEqualTo("Perform_Date[1]"));
        assertThat(results.get(2)).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
            assertThat(p.recordKey()).isEqualTo("orca:visit:00001:2026-11-02:01");
            assertThat(p.resources()).extracting(r -> r.type()).containsExactly("Encounter");
        });
    }

    private static List<ParseResult> read(String xml) {
        List<ParseResult> results = new ArrayList<>();
        new OrcaReader().read(SourceFile.of("orca/x/00001.xml", xml.getBytes(StandardCharsets.UTF_8)), CONTEXT, results::add);
        return results;
    }
}

package org.musubi.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Text;

class LabHl7ReaderTest {

    static final MappingContext FACILITY = new MappingContext("3412345678", "テスト病院");
    static final String GOOD = String.join("\r",
            "MSH|^~\\&|LAB|CENTRE|HIS|HOSP|20240401120000||OUL^R22^OUL_R22|M1|P|2.5",
            "PID|1||123456^^^^PI||山田^太郎^^^^^L^I~ヤマダ^タロウ^^^^^L^P||19600101|M",
            "SPM|1|S1||023^血清^JC10|||||||||||||202404010830",
            "OBR|1|ORD-1|LAB-1|E001^生化学^99O03",
            "ORC|SC|ORD-1|LAB-1",
            "OBX|1|NM|3D010000001926101^グルコース^JC10||132|mg/dL^mg/dL^ISO+|70-109|H|||F",
            "OBX|2|NM|3H015000002327101^カリウム^JC10||3.1|mmol/L^mmol/L^ISO+|3.5-5.0|L|||F") + "\r";
    static final String BROKEN = String.join("\r",
            "MSH|^~\\&|LAB|CENTRE|HIS|HOSP|20240401120001||OUL^R22^OUL_R22|M2|P|2.5",
            "PID|1||654321||鈴木^花子||19700202|F",
            "SPM|1|S2||023^血清^JC10|||||||||||||2024-04-01",
            "OBR|1|ORD-2|LAB-2|E001^生化学^99O03",
            "OBX|1|NM|3D010000001926101^グルコース^JC10||98|mg/dL|70-109||||F") + "\r";

    private final LabHl7Reader reader = new LabHl7Reader(new Hl7Parsing());

    @Test
    void rejectsOnlyTheBrokenMessageOfAFileAndKeepsItsText() {
        List<ParseResult> results = read(GOOD + BROKEN, StandardCharsets.UTF_8);

        assertThat(results).hasSize(2);
        Parsed good = (Parsed) results.getFirst();
        assertThat(good.recordKey()).isEqualTo("lab:OUL_R22:LAB-1");
        assertThat(good.patient().localId()).isEqualTo("123456");
        assertThat(good.patient().familyKana()).isEqualTo("ヤマダ");
        assertThat(good.version()).isNull();
        assertThat(good.action()).isEqualTo(ParseResult.Action.STORE);
        assertThat(good.resources()).extracting(r -> r.type())
                .containsExactly("Specimen", "Observation", "Observation", "DiagnosticReport");
        Rejected broken = (Rejected) results.get(1);
        assertThat(broken.raw()).isEqualTo(BROKEN);
        assertThat(broken.problem().where().field()).isEqualTo("SPM-17");
        assertThat(broken.problem().where().line()).isEqualTo(10);
        assertThat(broken.problem().where().file()).isEqualTo("results.hl7");
    }

    @Test
    void readsABatchInShiftJisWithLineFeeds() {
        String batch = "FHS|^~\\&|LAB\nBHS|^~\\&|LAB\n" + (GOOD + GOOD.replace("LAB-1", "LAB-9")).replace('\r', '\n')
                + "BTS|2\nFTS|1\n";

        List<ParseResult> results = read(batch, Hl7Text.SHIFT_JIS);

        assertThat(results).extracting(r -> ((Parsed) r).recordKey()).containsExactly("lab:OUL_R22:LAB-1", "lab:OUL_R22:LAB-9");
        Parsed first = (Parsed) results.getFirst();
        assertThat(first.where().line()).isEqualTo(3);
        assertThat(first.patient().familyKanji()).isEqualTo("山田");
        assertThat(first.resources().stream().map(r -> r.resource()).filter(Observation.class::isInstance)
                .map(o -> ((Observation) o).getInterpretationFirstRep().getCodingFirstRep().getCode())).containsExactly("H", "L");
    }

    @Test
    void readsAnOruR01AndWarnsWithTheFilesLineNumbers() {
        String oru = String.join("\r", "MSH|^~\\&|LAB|C|HIS|H|20240401||ORU^R01^ORU_R01|9|P|2.5", "PID|1||777",
                "ORC|RE|ORD-7|LAB-7", "OBR|1|ORD-7|LAB-7|E001^生化学^99O03|||202404011000",
                "OBX|1|NM|3B035000002327201^AST^JC10||溶血|U/L|10-40||||F") + "\r";

        List<ParseResult> results = read(GOOD + oru, StandardCharsets.UTF_8);

        Parsed parsed = (Parsed) results.get(1);
        assertThat(parsed.recordKey()).isEqualTo("lab:ORU_R01:LAB-7");
        // The value is not a number (OBX-5), and the unit it came with is kept as a note (OBX-6, issue 38).
        assertThat(parsed.warnings()).extracting(w -> w.where().line() + " " + w.where().field())
                .containsExactly("12 OBX-5", "12 OBX-6");
        DiagnosticReport report = (DiagnosticReport) parsed.resources().getLast().resource();
        assertThat(report.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024-04-01T10:00:00+09:00");
    }

    @Test
    void keysAMessageWithoutOrderNumbersByItsContentWhateverItsTimeAndControlId() {
        String plain = GOOD.replace("ORD-1", "").replace("LAB-1", "");
        String again = plain.replace("20240401120000", "20240402090000").replace("|M1|", "|M7|");

        String first = ((Parsed) read(plain, StandardCharsets.UTF_8).getFirst()).recordKey();
        String second = ((Parsed) read(again, StandardCharsets.UTF_8).getFirst()).recordKey();

        assertThat(first).startsWith("lab:OUL_R22:sha256-").isEqualTo(second);
        assertThat(((Parsed) read(plain.replace("132", "133"), StandardCharsets.UTF_8).getFirst()).recordKey()).isNotEqualTo(first);
    }

    @Test
    void rejectsOtherMessageTypesMissingPatientIdsAndStrayText() {
        String adt = "MSH|^~\\&|A|B|C|D|20240401||ADT^A08^ADT_A01|1|P|2.5\rPID|1||1\r";
        String noId = GOOD.replace("PID|1||123456^^^^PI|", "PID|1|||");

        List<ParseResult> results = read("garbage line\r" + adt + noId + GOOD, StandardCharsets.UTF_8);

        assertThat(results).hasSize(4);
        assertThat(((Rejected) results.get(0)).problem().code()).isEqualTo("lab.hl7.noMsh");
        assertThat(((Rejected) results.get(1)).problem().where().field()).isEqualTo("MSH-9");
        Rejected missing = (Rejected) results.get(2);
        assertThat(missing.problem().where().field()).isEqualTo("PID-3");
        assertThat(missing.problem().where().line()).isEqualTo(5);
        assertThat(missing.problem().japanese()).contains("患者 ID");
        assertThat(results.get(3)).isInstanceOf(Parsed.class);
    }

    @Test
    void rejectsAFileInNoKnownEncoding() {
        List<ParseResult> results = new ArrayList<>();
        reader.read(SourceFile.of("x.hl7", new byte[] {(byte) 0x82, (byte) 0x20}), FACILITY, results::add);

        assertThat(results).singleElement().satisfies(r -> assertThat(((Rejected) r).problem().code()).isEqualTo("lab.hl7.encoding"));
    }

    @Test
    void readsTheNhoLabResultFile() throws Exception {
        Path sample = Path.of("../shared/samples/ssmix2-nho/sampleData/999/901/9999013/20111220/OML-11");
        Assumptions.assumeTrue(Files.isDirectory(sample), "NHO samples not present");
        Path file;
        try (var files = Files.list(sample)) {
            file = files.findFirst().orElseThrow();
        }
        List<ParseResult> results = new ArrayList<>();

        reader.read(SourceFile.of("OML-11", file), FACILITY, results::add);

        Parsed parsed = (Parsed) results.getFirst();
        assertThat(parsed.recordKey()).isEqualTo("lab:OUL_R22:000000001219001");
        assertThat(parsed.patient().localId()).isEqualTo("0001000052");
        assertThat(parsed.resources()).hasSize(5);
    }

    private List<ParseResult> read(String text, Charset charset) {
        List<ParseResult> results = new ArrayList<>();
        reader.read(SourceFile.of("results.hl7", text.getBytes(charset)), FACILITY, results::add);
        return results;
    }
}

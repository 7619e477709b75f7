package org.musubi.ingest.checkup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.Problem;

/**
 * Files that are not what they should be: each is rejected (or, for a result, the result alone) with a problem naming
 * the file, the element and the reason in Japanese and English; what else the file holds is still read.
 */
class CheckupMalformedTest {

    private static final String MALE = CheckupSamples.text(CheckupSamples.MALE);

    @Test
    void rejectsAFileThatIsNotXml() {
        Problem problem = rejected("notes.xml", "健診結果です。XML ではありません。").problem();

        assertThat(problem.where().file()).isEqualTo("notes.xml");
        assertThat(problem.where().line()).isEqualTo(1);
        assertThat(problem.code()).isEqualTo("checkup.xml.unreadable");
        assertThat(problem.japanese()).startsWith("XML として読めません: ");
        assertThat(problem.english()).startsWith("Not readable as XML: ");
    }

    @Test
    void refusesADocumentTypeDeclarationAndNeverReadsItsExternalEntity(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "SECRET-MARKER-4711");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ClinicalDocument [\n  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&xxe;</title></ClinicalDocument>";

        List<ParseResult> results = CheckupSamples.read("xxe.xml", xml);

        assertThat(results).hasSize(1).first().isInstanceOf(Rejected.class);
        Problem problem = ((Rejected) results.getFirst()).problem();
        assertThat(problem.code()).isEqualTo("checkup.xml.doctype");
        assertThat(problem.where().file()).isEqualTo("xxe.xml");
        assertThat(problem.where().line()).as("the line the declaration ends on").isEqualTo(4);
        assertThat(problem.japanese()).startsWith("文書型宣言 (DOCTYPE) や実体参照を含む XML は受け付けません");
        assertThat(problem.english()).startsWith("XML with a document type declaration (DOCTYPE)");
        assertThat(problem.toString() + ((Rejected) results.getFirst()).raw().replace(secret.toUri().toString(), ""))
                .doesNotContain("SECRET-MARKER-4711");
    }

    @Test
    void refusesAnInternalEntityToo() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">&b;</ClinicalDocument>";

        assertThat(rejected("bomb.xml", bomb).problem().code()).isEqualTo("checkup.xml.doctype");
    }

    @Test
    void rejectsWhatTheJdkParserCannotEvenReportOn() {
        byte[] xml = ("<?xml version=\"1.0\"?>\n<!DOCTYPE ClinicalDocument [\u0006<!ENTITY e \"x\">]>\n"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">&e;</ClinicalDocument>").getBytes(StandardCharsets.UTF_8);

        Problem problem = rejected("odd.xml", xml).problem();

        assertThat(problem.code()).isEqualTo("checkup.xml.unreadable");
        assertThat(problem.where().file()).isEqualTo("odd.xml");
    }

    @Test
    void rejectsADocumentDeclaringShiftJisWithBytesShiftJisCannotReadNamingThePlace() {
        java.nio.charset.Charset sjis = java.nio.charset.Charset.forName("windows-31j");
        byte[] head = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>健診"
                .getBytes(sjis);
        byte[] tail = "</title></ClinicalDocument>".getBytes(sjis);
        byte[] xml = java.util.Arrays.copyOf(head, head.length + 1 + tail.length);
        xml[head.length] = (byte) 0x85; // a lead byte of no character: the JDK's parser would read it as U+FFFD
        System.arraycopy(tail, 0, xml, head.length + 1, tail.length);

        Problem problem = rejected("sjis.xml", xml).problem();

        assertThat(problem.code()).isEqualTo("checkup.xml.undecodable");
        assertThat(problem.where().file()).isEqualTo("sjis.xml");
        assertThat(problem.where().line()).isEqualTo(2);
        assertThat(problem.english()).isEqualTo("The bytes 0x85 at line 2, column 51 (byte offset " + head.length
                + " of the file) are not valid Shift_JIS, the encoding the document declares.");
        assertThat(problem.japanese()).startsWith("2 行目 51 文字目（ファイルの先頭から " + head.length + " バイトの位置）のバイト 0x85 は");
        byte[] valid = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, valid, head.length, tail.length);
        assertThat(rejected("sjis-valid.xml", valid).problem().code()).as("valid Shift_JIS is read as the document declares")
                .isNotEqualTo("checkup.xml.undecodable").isNotEqualTo("checkup.xml.unreadable");
    }

    @Test
    void rejectsAnotherRootElement() {
        Problem problem = rejected("index.xml", "<?xml version=\"1.0\"?>\n<index xmlns=\"urn:example\"/>").problem();

        assertThat(problem.code()).isEqualTo("checkup.root");
        assertThat(problem.where().record()).isEqualTo("index");
        assertThat(problem.where().line()).isEqualTo(2);
        assertThat(problem.japanese()).isEqualTo("ルート要素が {urn:example}index です。特定健診情報ファイル (名前空間 urn:hl7-org:v3 の"
                + " ClinicalDocument) を送ってください。");
    }

    @Test
    void rejectsADocumentWithoutItsExaminee() {
        String xml = MALE.substring(0, MALE.indexOf("  <recordTarget>")) + MALE.substring(MALE.indexOf("  <author>"));

        Problem problem = rejected("h.xml", xml).problem();

        assertThat(problem.code()).isEqualTo("checkup.patient.missing");
        assertThat(problem.where().record()).isEqualTo("ClinicalDocument");
        assertThat(problem.where().field()).isEqualTo("recordTarget/patientRole");
        assertThat(problem.japanese()).isEqualTo("受診者情報 (recordTarget/patientRole) がありません。");
        assertThat(problem.english()).isEqualTo("The examinee (recordTarget/patientRole) is missing.");
    }

    @Test
    void rejectsADocumentWithoutTheInsurerNumber() {
        Problem problem = rejected("h.xml", MALE.replace("<id root=\"1.2.392.200119.6.101\" extension=\"06349901\"/>\n      <id root=\"1.2.392.200119.6.204\"",
                "<id root=\"1.2.392.200119.6.204\"")).problem();

        assertThat(problem.code()).isEqualTo("checkup.patient.id");
        assertThat(problem.where().field()).isEqualTo("recordTarget/patientRole/id[@root=1.2.392.200119.6.101]");
        assertThat(problem.japanese()).contains("保険者番号").contains("1.2.392.200119.6.101");
        assertThat(problem.english()).contains("insurer number");
    }

    @Test
    void rejectsAnImpossibleBirthDateNamingTheAttribute() {
        Problem problem = rejected("h.xml", MALE.replace("19650412", "19650230")).problem();

        assertThat(problem.code()).isEqualTo("checkup.date");
        assertThat(problem.where().field()).isEqualTo("recordTarget/patientRole/patient/birthTime/@value");
        assertThat(problem.where().line()).isEqualTo(lineOf(MALE, "<birthTime"));
        assertThat(problem.japanese()).isEqualTo("recordTarget/patientRole/patient/birthTime/@value の「19650230」を日付として読めません"
                + " (YYYYMMDD の形式で送ってください)。");
        assertThat(problem.english()).isEqualTo("recordTarget/patientRole/patient/birthTime/@value \"19650230\" is not a date"
                + " (send YYYYMMDD).");
    }

    @Test
    void rejectsADocumentWithoutTheDayOfTheCheckup() {
        Problem problem = rejected("h.xml", MALE.replace("<effectiveTime value=\"20250612\"/>", "")).problem();

        assertThat(problem.code()).isEqualTo("checkup.performed.missing");
        assertThat(problem.where().field()).isEqualTo("documentationOf/serviceEvent/effectiveTime");
    }

    @Test
    void rejectsAnUnknownSexAndAReportThatIsNoCheckupResult() {
        assertThat(rejected("h.xml", MALE.replace("<administrativeGenderCode code=\"1\"", "<administrativeGenderCode code=\"3\""))
                .problem().code()).isEqualTo("checkup.sex");
        Problem guidance = rejected("g.xml", MALE.replace("<code code=\"10\"", "<code code=\"21\"")).problem();
        assertThat(guidance.code()).isEqualTo("checkup.reportKind");
        assertThat(guidance.where().field()).isEqualTo("code/@code");
    }

    @Test
    void rejectsAResultWithAValueThatIsNoNumberAndKeepsTheOthers() {
        List<ParseResult> results = CheckupSamples.read("h.xml", MALE.replace("value=\"171.2\"", "value=\"171,2\""));

        assertThat(results).hasSize(2);
        Parsed parsed = (Parsed) results.get(0);
        assertThat(parsed.resources()).hasSize(21);
        Rejected bad = (Rejected) results.get(1);
        assertThat(bad.problem().code()).isEqualTo("checkup.value.number");
        assertThat(bad.problem().where().file()).isEqualTo("h.xml");
        assertThat(bad.problem().where().record()).isEqualTo("observation 9N001000000000001");
        assertThat(bad.problem().where().field()).isEqualTo("value/@value");
        assertThat(bad.problem().where().line()).isEqualTo(lineOf(MALE, "value=\"171.2\""));
        assertThat(bad.raw()).startsWith("<observation classCode=\"OBS\"").contains("171,2");
    }

    @Test
    void rejectsAResultOfAnUnknownValueTypeOrABadItemCode() {
        List<ParseResult> results = CheckupSamples.read("h.xml", MALE.replace("<value xsi:type=\"PQ\" value=\"72.4\" unit=\"kg\"/>",
                "<value xsi:type=\"BL\" value=\"true\"/>").replace("code=\"9N011000000000001\"", "code=\"9N011\""));

        assertThat(results).filteredOn(Rejected.class::isInstance).extracting(r -> ((Rejected) r).problem())
                .extracting(p -> p.where().record() + " " + p.where().field() + " " + p.code()).containsExactly(
                        "observation 9N006000000000001 value/@xsi:type checkup.value.type",
                        "observation 9N011 code/@code checkup.item.code");
    }

    @Test
    void keepsAUnitThatIsNotUcumAsTextWithAWarningNamingTheElement() {
        Parsed parsed = (Parsed) CheckupSamples.read("h.xml", MALE.replace("value=\"72.4\" unit=\"kg\"", "value=\"72.4\" unit=\"貫\""))
                .getFirst();

        Observation weight = parsed.resources().stream().filter(r -> r.sourceKey().endsWith("/9N006000000000001"))
                .map(r -> (Observation) r.resource()).findFirst().orElseThrow();
        assertThat(weight.getValueQuantity().getUnit()).isEqualTo("貫");
        assertThat(weight.getValueQuantity().hasSystem()).isFalse();
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("checkup.unit");
            assertThat(w.where().record()).isEqualTo("observation 9N006000000000001");
            assertThat(w.where().field()).isEqualTo("value/@unit");
            assertThat(w.japanese()).isEqualTo("単位「貫」は UCUM に対応づけられないため、単位名のまま取り込みました。");
        });
    }

    @Test
    void rejectsADamagedZipButKeepsWhatWasReadBeforeTheDamage() {
        byte[] zip = CheckupSamples.zip(CheckupSamples.SUBMISSION, Map.of());
        int cut = indexOf(zip, "h34200000992025081510000002.xml".getBytes(StandardCharsets.UTF_8)) + 60;

        List<ParseResult> results = CheckupSamples.read("cut.zip", Arrays.copyOf(zip, cut));

        assertThat(results).filteredOn(Parsed.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(Rejected.class::isInstance).extracting(r -> ((Rejected) r).problem().code())
                .contains("checkup.zip.damaged");
    }

    @Test
    void stopsReadingAZipAtAnEntryLargerThanAllowedEvenOneThatIsPassedOver() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("XSD/bomb.xsd", new byte[CheckupArchive.MAX_ENTRY + 1]);
        entries.put("DATA/h.xml", CheckupSamples.bytes(CheckupSamples.MINIMAL));
        byte[] zip = CheckupSamples.zip(CheckupSamples.SUBMISSION + "/3420000099_06349901_202508151_1/XSD", entries);

        Problem problem = rejected("bomb.zip", zip).problem();

        assertThat(problem.code()).isEqualTo("checkup.zip.entryTooLarge");
        assertThat(problem.where().file()).isEqualTo("bomb.zip!/XSD/bomb.xsd");
        assertThat(problem.english()).isEqualTo("Larger than 16,777,216 bytes unpacked: neither it nor the rest of the ZIP was read.");
    }

    @Test
    void rejectsAZipWithoutAnyCheckupFile() {
        byte[] zip = CheckupSamples.zip(CheckupSamples.SUBMISSION + "/3420000099_06349901_202508151_1/XSD", Map.of());

        Problem problem = rejected("schemas.zip", zip).problem();

        assertThat(problem.code()).isEqualTo("checkup.zip.empty");
        assertThat(problem.where().file()).isEqualTo("schemas.zip");
    }

    private static Rejected rejected(String name, String text) {
        return rejected(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Rejected rejected(String name, byte[] bytes) {
        List<ParseResult> results = CheckupSamples.read(name, bytes);
        assertThat(results).hasSize(1).first().isInstanceOf(Rejected.class);
        return (Rejected) results.getFirst();
    }

    private static int lineOf(String text, String part) {
        return (int) text.substring(0, text.indexOf(part)).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}

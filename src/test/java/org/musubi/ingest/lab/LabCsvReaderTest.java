package org.musubi.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.record.fhir.FhirSystems;

class LabCsvReaderTest {

    static final String HEADER = "patient_id,name_kanji,name_kana,birth_date,sex,order_no,collected_at,specimen_code,"
            + "specimen_name,jlac10,test_name,value,unit,ref_low,ref_high,abnormal_flag,comment\r\n";
    static final String VALID = HEADER
            + "123456,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-1,2024-04-01 08:30,023,血清,3D010000001926101,グルコース,132,mg/dL,70,109,H,\r\n"
            + "123456,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-1,2024-04-01 08:30,023,血清,3H015000002327101,カリウム,3.1,mmol/L,3.5,5.0,L,\r\n"
            + "123456,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-1,2024-04-01 08:30,023,血清,5C070000002306101,CRP,<0.1,mg/dL,,0.3,,\r\n"
            + "654321,鈴木　花子,スズキ　ハナコ,19700202,F,ORD-2,202404020900,,,1A990000000192053,尿蛋白定性,(2+),,,,A,\"再検, 確認済\"\r\n";

    private final LabCsvReader reader = new LabCsvReader();

    @Test
    void readsConsecutiveRowsOfAnOrderAsOneRecord() {
        List<ParseResult> results = read(VALID, StandardCharsets.UTF_8);

        assertThat(results).hasSize(2).allMatch(Parsed.class::isInstance);
        Parsed first = (Parsed) results.getFirst();
        assertThat(first.recordKey()).isEqualTo("lab:csv:ORD-1");
        assertThat(first.where().line()).isEqualTo(2);
        assertThat(first.patient().familyKanji()).isEqualTo("山田");
        assertThat(first.patient().givenKana()).isEqualTo("タロウ");
        assertThat(first.patient().sex()).isEqualTo(Sex.MALE);
        assertThat(first.patient().birthDate()).hasToString("1960-01-01");
        assertThat(first.patientResource().getName()).hasSize(2);
        assertThat(first.resources()).extracting(MappedResource::sourceKey).containsExactly("lab:csv:ORD-1/spm/1",
                "lab:csv:ORD-1/obs/1/3D010000001926101", "lab:csv:ORD-1/obs/1/3H015000002327101",
                "lab:csv:ORD-1/obs/1/5C070000002306101", "lab:csv:ORD-1/report/1");
        Observation glucose = (Observation) first.resources().get(1).resource();
        assertThat(glucose.getValueQuantity().getValue()).isEqualByComparingTo("132");
        assertThat(glucose.getValueQuantity().getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(glucose.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("109");
        assertThat(glucose.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
        assertThat(glucose.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024-04-01T08:30:00+09:00");
        assertThat(glucose.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.JLAC10);
        Observation crp = (Observation) first.resources().get(3).resource();
        assertThat(crp.getValueQuantity().getComparator()).isNotNull();
        assertThat(crp.getReferenceRangeFirstRep().hasLow()).isFalse();
        assertThat(((Specimen) first.resources().getFirst().resource()).getType().getText()).isEqualTo("血清");
        DiagnosticReport report = (DiagnosticReport) first.resources().getLast().resource();
        assertThat(report.getResult()).hasSize(3);
        assertThat(report.getBasedOnFirstRep().getIdentifier().getValue()).isEqualTo("ORD-1");
    }

    @Test
    void readsQuotedFieldsWithCommasAndFullWidthSpacesInNames() {
        Parsed second = (Parsed) read(VALID, StandardCharsets.UTF_8).get(1);

        assertThat(second.patient().familyKanji()).isEqualTo("鈴木");
        assertThat(second.patient().givenKanji()).isEqualTo("花子");
        Observation protein = (Observation) second.resources().getFirst().resource();
        assertThat(protein.getValueStringType().getValue()).isEqualTo("(2+)");
        assertThat(protein.getNoteFirstRep().getText()).isEqualTo("再検, 確認済");
        assertThat(protein.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024-04-02T09:00:00+09:00");
    }

    @Test
    void rejectsBadRowsPreciselyAndKeepsTheOthers() {
        String text = HEADER
                + "123456,山田 太郎,,,M,ORD-1,2024-04-01 08:30,,,3D01000000192610,グルコース,132,mg/dL,,,,\r\n"
                + "123456,山田 太郎,,,M,ORD-1,2024-02-30 08:30,,,3H015000002327101,カリウム,3.1,mmol/L,,,,\r\n"
                + "123456,山田 太郎,,,M,ORD-1,2024-04-01 08:30,,,5C070000002306101,CRP,,mg/dL,,,,\r\n"
                + "123456,山田 太郎,,,M,ORD-1,2024-04-01 08:30,,,3A010000002327101,総蛋白,7.2,g/dL,6.7,8.3,,\r\n"
                + "123456,山田 太郎,,,M,ORD-1,2024-04-01 08:30,,,3A015000002327101,アルブミン,4.9\r\n"
                + "123456,山田 太郎,,,X,ORD-1,2024-04-01 08:30,,,3A015000002327101,アルブミン,4.9,g/dL,,,,\r\n";

        List<ParseResult> results = read(text, StandardCharsets.UTF_8);

        List<Rejected> rejected = results.stream().filter(Rejected.class::isInstance).map(Rejected.class::cast).toList();
        assertThat(rejected).extracting(r -> r.problem().where().line() + " " + r.problem().where().field())
                .containsExactly("2 jlac10", "3 collected_at", "4 value", "6 null", "7 sex");
        assertThat(rejected.getFirst().problem().english()).contains("3D01000000192610", "16 characters");
        assertThat(rejected.get(1).problem().japanese()).as("the file's column named as a column (issue 63)")
                .startsWith("列 collected_at の「2024-02-30 08:30」を日時として読めません");
        assertThat(rejected.get(4).problem().japanese()).isEqualTo("列 sex の「X」を読めません (M、F、O、U または 1、2、9 で送ってください)。");
        assertThat(rejected.getFirst().problem().where().file()).isEqualTo("lab.csv");
        assertThat(rejected.get(3).problem().english()).contains("12 columns", "17");
        assertThat(rejected.getFirst().raw()).startsWith("123456,山田 太郎");
        Parsed kept = (Parsed) results.stream().filter(Parsed.class::isInstance).findFirst().orElseThrow();
        assertThat(kept.resources()).extracting(MappedResource::sourceKey)
                .containsExactly("lab:csv:ORD-1/obs/1/3A010000002327101", "lab:csv:ORD-1/report/1");
    }

    @Test
    void rejectsARowWithBytesItsCharsetCannotReadNamingLineColumnAndOffsetAndReadsTheOthers() {
        String row2 = "123456,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-1,2024-04-01 08:30,023,血清,3D010000001926101,グルコース,132,mg/dL,70,109,H,\r\n";
        String row3Start = "123456,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-1,2024-04-01 08:30,023,血清,3H015000002327101,カリ";
        String row3End = "ウム,3.1,mmol/L,3.5,5.0,L,\r\n";
        String row4 = "654321,鈴木　花子,スズキ　ハナコ,19700202,F,ORD-2,202404020900,,,1A990000000192053,尿蛋白定性,(2+),,,,A,\r\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, Hl7Text.SHIFT_JIS)) {
            // UTF-8: a stray 0xFF; Shift_JIS (Windows-31J): a pair in a row no character is assigned to.
            byte[] bad = charset.equals(StandardCharsets.UTF_8) ? new byte[] {(byte) 0xFF} : new byte[] {(byte) 0x85, 0x40};
            byte[] before = (HEADER + row2 + row3Start).getBytes(charset);
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            file.writeBytes(before);
            file.writeBytes(bad);
            file.writeBytes((row3End + row4).getBytes(charset));
            List<ParseResult> results = new ArrayList<>();
            reader.read(SourceFile.of("lab.csv", file.toByteArray()), LabHl7ReaderTest.FACILITY, results::add);

            List<Rejected> rejected = results.stream().filter(Rejected.class::isInstance).map(Rejected.class::cast).toList();
            assertThat(rejected).as(charset.name()).hasSize(1);
            Rejected row3 = rejected.getFirst();
            assertThat(row3.problem().code()).isEqualTo("csv.undecodable");
            assertThat(row3.problem().where().file()).isEqualTo("lab.csv");
            assertThat(row3.problem().where().line()).isEqualTo(3);
            String hex = charset.equals(StandardCharsets.UTF_8) ? "0xFF" : "0x85"; // Java names the unassigned lead byte
            assertThat(row3.problem().english()).isEqualTo("The bytes " + hex + " at line 3, column "
                    + (row3Start.length() + 1) + " (byte offset " + before.length + " of the file) are not valid "
                    + charset.name() + ", so this row was not imported.");
            assertThat(row3.problem().japanese()).startsWith("3 行目 " + (row3Start.length() + 1) + " 文字目（ファイルの先頭から "
                    + before.length + " バイトの位置）のバイト " + hex + " は " + charset.name() + " の文字として読めない");
            List<Parsed> parsed = results.stream().filter(Parsed.class::isInstance).map(Parsed.class::cast).toList();
            assertThat(parsed).extracting(Parsed::recordKey).containsExactly("lab:csv:ORD-1", "lab:csv:ORD-2");
            assertThat(parsed.getFirst().resources()).extracting(MappedResource::sourceKey)
                    .containsExactly("lab:csv:ORD-1/spm/1", "lab:csv:ORD-1/obs/1/3D010000001926101", "lab:csv:ORD-1/report/1");
            var json = FhirContext.forR4Cached().newJsonParser();
            assertThat(encoded(parsed.stream().map(ParseResult.class::cast).toList(), json))
                    .as("nothing stored with a replacement character").noneMatch(text -> text.contains("\uFFFD"))
                    .anyMatch(text -> text.contains("尿蛋白定性"));
        }
    }

    @Test
    void readsShiftJisAsItReadsUtf8WithOrWithoutBom() {
        var json = FhirContext.forR4Cached().newJsonParser();
        List<String> utf8 = encoded(read(VALID, StandardCharsets.UTF_8), json);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        List<ParseResult> bomResults = new ArrayList<>();
        reader.read(SourceFile.of("lab.csv", withBom), LabHl7ReaderTest.FACILITY, bomResults::add);

        assertThat(encoded(read(VALID, Hl7Text.SHIFT_JIS), json)).isEqualTo(utf8);
        assertThat(encoded(bomResults, json)).isEqualTo(utf8);
    }

    @Test
    void readsShiftJisWaveDashAsJisX0208DoesAsEveryFormatStoresIt() {
        String text = HEADER + "1,山田 太郎,,,M,A,2024-04-01 08:30,,,1A990000000192053,尿蛋白定性,(1+),,,,A,1〜2 −‖—\r\n";

        List<ParseResult> shiftJis = read(text.replace('〜', '\uFF5E').replace('−', '\uFF0D').replace('‖', '\u2225')
                .replace('—', '\u2015'), Hl7Text.SHIFT_JIS);

        var json = FhirContext.forR4Cached().newJsonParser();
        assertThat(String.join("", encoded(shiftJis, json))).contains("1\u301C2 \u2212\u2016\u2014")
                .doesNotContain("\uFF5E");
        assertThat(encoded(read(text, StandardCharsets.UTF_8), json)).as("UTF-8 kept as sent")
                .isEqualTo(encoded(shiftJis, json));
    }

    @Test
    void judgesShiftJisByItsFirstJapaneseEvenAfterManyAsciiRows() {
        String ascii = "9,,,,,A9,2024-04-01 08:30,,,5C070000002306101,CRP,0.1,mg/dL,,,,\r\n";
        String text = HEADER + ascii.repeat(2_000) + VALID.substring(HEADER.length());

        List<ParseResult> results = read(text, Hl7Text.SHIFT_JIS);

        assertThat(results).hasSize(3).allMatch(Parsed.class::isInstance);
        assertThat(((Parsed) results.get(1)).patient().familyKanji()).isEqualTo("山田");
    }

    @Test
    void countsLinesInsideQuotedLineBreaks() {
        String text = HEADER.replace("\r\n", "\n")
                + "1,\"山田\n太郎\",,,M,A,2024-04-01 08:30,,,3D010000001926101,グルコース,132,,,,,\n"
                + "1,山田 太郎,,,M,A,2024-04-01 08:30,,,3D010000001926101,グルコース,,,,,,\n";

        List<ParseResult> results = read(text, StandardCharsets.UTF_8);

        assertThat(((Rejected) results.getFirst()).problem().where().line()).isEqualTo(4);
        assertThat(((Parsed) results.get(1)).patient().familyKanji()).isEqualTo("山田\n太郎");
    }

    @Test
    void rejectsAFileWhoseHeaderLacksRequiredColumns() {
        List<ParseResult> results = read("patient_id,order_no,value\r\n1,2,3\r\n", StandardCharsets.UTF_8);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(((Rejected) r).problem().code()).isEqualTo("csv.header.missing");
            assertThat(((Rejected) r).problem().english()).contains("collected_at", "test_name");
        });
        assertThat(read("", StandardCharsets.UTF_8)).singleElement()
                .satisfies(r -> assertThat(((Rejected) r).problem().code()).isEqualTo("csv.empty"));
    }

    @Test
    void rejectsARunawayQuoteAndReadsOnAfterIt() {
        String runaway = "1,\"" + "x".repeat(LabCsvReader.MAX_ROW + 10) + "\n";
        String text = HEADER + runaway + VALID.substring(HEADER.length());

        List<ParseResult> results = read(text, StandardCharsets.UTF_8);

        assertThat(((Rejected) results.getFirst()).problem().code()).isEqualTo("csv.tooLong");
        assertThat(results.stream().filter(Parsed.class::isInstance)).hasSize(2);
    }

    @Test
    void aFileThatCannotBeReadToItsEndKeepsTheOrdersBeforeAndShowsTheCutOrdersRows() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int order = 1; order <= 600; order++) {
            for (String test : List.of("3D010000001926101,グルコース,132", "3H015000002327101,カリウム,3.1")) {
                text.append("123456,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-").append(order)
                        .append(",2024-04-01 08:30,023,血清,").append(test).append(",mg/dL,,,,\r\n");
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        // the disk fails in the middle of the last order: after its first row
        int cut = text.lastIndexOf("123456,山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-600,2024-04-01 08:30,023,血清,3H015");
        int cutAt = text.substring(0, cut).getBytes(StandardCharsets.UTF_8).length;
        SourceFile failing = new SourceFile("lab.csv", bytes.length, () -> new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                if (next >= cutAt) {
                    throw new IOException("read error");
                }
                return bytes[next++] & 0xff;
            }
        });
        List<ParseResult> results = new ArrayList<>();

        reader.read(failing, LabHl7ReaderTest.FACILITY, results::add);

        assertThat(results).filteredOn(Parsed.class::isInstance).as("the orders read whole are stored").hasSize(599);
        List<Rejected> rejected = results.stream().filter(Rejected.class::isInstance).map(Rejected.class::cast).toList();
        assertThat(rejected).extracting(r -> r.problem().code()).containsExactly("lab.orderCut", "lab.unreadable");
        assertThat(rejected.getFirst().problem().where().line()).isEqualTo(1 + 2 * 599 + 1);
        assertThat(rejected.getFirst().raw()).contains("ORD-600").contains("グルコース");
        assertThat(rejected.getFirst().problem().english()).contains("read error").contains("was not stored");
    }

    private List<ParseResult> read(String text, Charset charset) {
        List<ParseResult> results = new ArrayList<>();
        reader.read(SourceFile.of("lab.csv", text.getBytes(charset)), LabHl7ReaderTest.FACILITY, results::add);
        return results;
    }

    private static List<String> encoded(List<ParseResult> results, IParser json) {
        return results.stream().flatMap(r -> ((Parsed) r).resources().stream())
                .map(m -> m.sourceKey() + json.encodeResourceToString(m.resource())).toList();
    }
}

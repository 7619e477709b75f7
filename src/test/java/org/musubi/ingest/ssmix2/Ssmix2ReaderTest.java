package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.file;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.message;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.msh;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.only;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.parsed;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.reader;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.rejected;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Basic;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Text;

/** The reader's checks before mapping, and the outcome of each. */
class Ssmix2ReaderTest {

    private static final String PATIENT_RECORD = "000/100/0001000052/-/ADT-00/0001000052_-_ADT-00_999999999999999_20240401093000123_-_1";

    @Test
    void readsARecordWithItsKeyVersionAndAuthoritativePatient() {
        ParseResult.Parsed parsed = parsed(PATIENT_RECORD, Ssmix2Messages.patientRecord());

        assertThat(parsed.recordKey()).isEqualTo("ssmix2:ADT-00:-:999999999999999");
        assertThat(parsed.version()).isEqualTo("20240401093000123");
        assertThat(parsed.action()).isEqualTo(ParseResult.Action.STORE);
        assertThat(parsed.authoritative()).isTrue();
        assertThat(parsed.where().file()).isEqualTo(PATIENT_RECORD);
        assertThat(parsed.patientResource().getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:1.2.392.100495.20.3.51.11312345678");
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void toleratesShiftJisWithAWarning() {
        ParseResult result = only(reader(), file(PATIENT_RECORD, Ssmix2Messages.patientRecord(), Hl7Text.SHIFT_JIS));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            assertThat(parsed.patient().familyKanji()).isEqualTo("山田");
            assertThat(parsed.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo("ssmix2.charset");
                assertThat(w.japanese()).contains("windows-31j", "ISO-2022-JP");
            });
        });
    }

    @Test
    void rejectsBytesNoCharsetReads() {
        SourceFile garbage = SourceFile.of(PATIENT_RECORD, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xff});

        assertThat(rejected(only(reader(), garbage)).problem().code()).isEqualTo("ssmix2.undecodable");
    }

    @Test
    void rejectsTextThatIsNoHl7MessageWithHapisReason() {
        var problem = rejected(only(reader(), file(PATIENT_RECORD, "PID|1||123\r"))).problem();

        assertThat(problem.code()).isEqualTo("ssmix2.hl7-parse");
        assertThat(problem.english()).contains("no MSH segment");
    }

    @Test
    void rejectsAMessageTypeThatDoesNotMatchTheDataTypeNamingTheExpectedOnes() {
        String admission = Ssmix2Messages.admission("202404011000");
        var problem = rejected(only(reader(), file(PATIENT_RECORD, admission))).problem();

        assertThat(problem.code()).isEqualTo("ssmix2.message-type");
        assertThat(problem.where().field()).isEqualTo("MSH-9");
        assertThat(problem.english()).contains("ADT^A01", "ADT-00", "ADT^A08, ADT^A23");
    }

    @Test
    void rejectsAMessageWithoutPid() {
        var problem = rejected(only(reader(), file(PATIENT_RECORD, message(msh("ADT^A08^ADT_A01"), "EVN||202404010900")))).problem();

        assertThat(problem.code()).isEqualTo("ssmix2.no-pid");
    }

    @Test
    void reportsAnUnsupportedDataTypeNamingIt() {
        String path = "000/100/0001000052/20240401/OMP-01/0001000052_20240401_OMP-01_000000011000185_20240401093000123_01_1";
        var problem = rejected(only(reader(), file(path, message(msh("RDE^O11^RDE_O11"), Ssmix2Messages.PID)))).problem();

        assertThat(problem.code()).isEqualTo("ssmix2.unsupported");
        assertThat(problem.japanese()).contains("OMP-01");
    }

    @Test
    void usesAnAdditionalMapperForItsDataType() {
        String path = "000/100/0001000052/20240401/OMP-01/0001000052_20240401_OMP-01_000000011000185_20240401093000123_01_1";
        var reader = new Ssmix2Reader(Ssmix2Messages.PARSING, Map.of("OMP-01",
                input -> List.of(new MappedResource(input.recordKey() + "/Basic/1", new Basic()))));

        var result = only(reader, file(path, message(msh("RDE^O11^RDE_O11"), Ssmix2Messages.PID)));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> assertThat(parsed.resources())
                .extracting(MappedResource::sourceKey).containsExactly("ssmix2:OMP-01:20240401:000000011000185/Basic/1"));
    }

    @Test
    void deletesARecordWithFlagZeroWithoutMappingIt() {
        String path = PATIENT_RECORD.replace("_-_1", "_-_0");
        ParseResult.Parsed parsed = parsed(path, Ssmix2Messages.patientRecord());

        assertThat(parsed.action()).isEqualTo(ParseResult.Action.DELETE);
        assertThat(parsed.resources()).isEmpty();
        assertThat(parsed.authoritative()).isFalse();
        assertThat(parsed.patient().familyKanji()).isEqualTo("山田");
    }

    @Test
    void deletesByTheNameAloneWhenADeletedFilesContentIsUnusable() {
        String path = "000/100/0001000052/20240401/OMP-01/0001000052_20240401_OMP-01_000000011000185_20240401093000123_01_0";
        var result = only(reader(), SourceFile.of(path, "not hl7".getBytes(StandardCharsets.US_ASCII)));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            assertThat(parsed.action()).isEqualTo(ParseResult.Action.DELETE);
            assertThat(parsed.patient().localId()).isEqualTo("0001000052");
            assertThat(parsed.patientResource().getIdentifierFirstRep().getValue()).isEqualTo("0001000052");
            assertThat(parsed.warnings()).extracting(w -> w.code()).containsExactly("ssmix2.hl7-parse");
        });
    }

    @Test
    void deletesThePatientRecordsResourcesOnAnA23() {
        ParseResult.Parsed parsed = parsed(PATIENT_RECORD, message(msh("ADT^A23^ADT_A21"), "EVN||202404010900",
                Ssmix2Messages.PID));

        assertThat(parsed.action()).isEqualTo(ParseResult.Action.DELETE);
        assertThat(parsed.authoritative()).isFalse();
    }

    @Test
    void rejectsABadNameBeforeReadingTheContent() {
        var problem = rejected(only(reader(), file("000/100/0001000052/-/ADT-00/0001000052_-_ADT-00_9_2024_-_1",
                Ssmix2Messages.patientRecord()))).problem();

        assertThat(problem.code()).isEqualTo("ssmix2.name.timestamp");
        assertThat(problem.english()).contains("'2024'", "17 digits");
    }

    @Test
    void readsANameWithAShortTimestampAndNoDepartmentWarningOfEachNamingFileAndField() {
        String path = "000/100/0001000052/-/ADT-00/0001000052_-_ADT-00_999999999999999_202404010930001__1";
        ParseResult.Parsed parsed = parsed(path, Ssmix2Messages.patientRecord());

        assertThat(parsed.recordKey()).isEqualTo("ssmix2:ADT-00:-:999999999999999");
        assertThat(parsed.version()).isEqualTo("20240401093000100");
        assertThat(parsed.warnings()).extracting(w -> w.code())
                .containsExactly("ssmix2.name.timestamp-short", "ssmix2.name.department-empty");
        assertThat(parsed.warnings()).allSatisfy(w -> assertThat(w.where().file()).isEqualTo(path));
        assertThat(parsed.warnings().getFirst().english()).startsWith(path).contains("timestamp '202404010930001'", "15 digits");
        assertThat(parsed.warnings().get(1).japanese()).startsWith(path).contains("診療科コードが空");
    }

    @Test
    void oneMessageWithAnUnreadableTimestampIsRejectedAndTheNextIsRead() {
        List<ParseResult> results = new ArrayList<>();
        reader().read(file("000/100/0001000052/-/ADT-00/0001000052_-_ADT-00_999999999999999_2024040109_-_1",
                Ssmix2Messages.patientRecord()), Ssmix2Messages.FACILITY, results::add);
        reader().read(file(PATIENT_RECORD, Ssmix2Messages.patientRecord()), Ssmix2Messages.FACILITY, results::add);

        assertThat(results).hasSize(2);
        assertThat(rejected(results.getFirst()).problem().japanese())
                .contains("0001000052_-_ADT-00_999999999999999_2024040109_-_1", "発生日時「2024040109」");
        assertThat(results.get(1)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void warnsWhenPid3DiffersFromTheStorageAndKeepsTheStoragesId() {
        String path = "000/000/0000001/-/ADT-00/0000001_-_ADT-00_999999999999999_20240401093000123_-_1";
        ParseResult.Parsed parsed = parsed(path, Ssmix2Messages.patientRecord());

        assertThat(parsed.patient().localId()).isEqualTo("0000001");
        assertThat(parsed.patientResource().getIdentifierFirstRep().getValue()).isEqualTo("0000001");
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.pid-differs");
            assertThat(w.where().line()).isEqualTo(3);
            assertThat(w.japanese()).contains("0001000052", "0000001");
        });
    }

    @Test
    void givesTheSameKeysForTheSameContent() {
        ParseResult.Parsed first = parsed(PATIENT_RECORD, Ssmix2Messages.patientRecord());
        ParseResult.Parsed again = parsed(PATIENT_RECORD, Ssmix2Messages.patientRecord());

        assertThat(again.recordKey()).isEqualTo(first.recordKey());
        assertThat(again.resources()).extracting(MappedResource::sourceKey)
                .containsExactlyElementsOf(first.resources().stream().map(MappedResource::sourceKey).toList());
    }
}

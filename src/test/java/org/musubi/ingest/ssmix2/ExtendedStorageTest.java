package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.only;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.reader;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Text;

/** Extended-storage main documents as DocumentReferences, vital signs (ORU^R30) as Observations. */
class ExtendedStorageTest {

    private static final String TYPE = "^退院時サマリー^^18842-5^退院時サマリー^LN";
    private static final String CONTENT = "0001000052_20240415_" + TYPE + "_000000020240415_20240415150000123_01_1";
    private static final String PATH = "000/100/0001000052/20240415/" + TYPE + "/" + CONTENT + "/main_document.xml";
    private static final String VITALS_TYPE = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
    /** Six fields, no 診療科: as one hospital group's export module names its vital-signs content folders. */
    private static final String VITALS_PATH = "012/345/0123456789/20240401/" + VITALS_TYPE + "/0123456789_20240401_"
            + VITALS_TYPE + "_000000020240401_20240402000100158_1/main_document.hl7";
    private static final String VITALS = Ssmix2Messages.message(
            "MSH|^~\\&|HIS|SEND|GW|RCV|20240402000100.158||ORU^R30^ORU_R30|0000000000000001|P|2.5||||||~ISO IR87||ISO2022-1994",
            "PID|0001||0123456789^^^^PI||試験^太郎^^^^^L^I~シケン^タロウ^^^^^L^P||19600101|M",
            "PV1|0001|I|07E^03^01^^^N",
            "ORC|SC|000000020240401|223344556677889||CM||||202404010800",
            "OBR|1|000000020240401|223344556677889|01^バイタル^99ABC|||202404011500",
            "OBX|1|NM|9A761000000000001^拡張期血圧（1回目）^JC10||58|mm(hg)^mmHg^ISO+|<85||||F|||202404010800",
            "OBX|2|NM|9A751000000000001^収縮期血圧（1回目）^JC10||92|mm(hg)^mmHg^ ISO+|<130||||F|||202404010800",
            "OBX|3|NM|9P300000000000001^脈拍^JC10||98|(hb)^回／１分^ISO+|50-90|H|||F|||202404010800",
            "OBX|4|NM|9P200000000000001^呼吸数^JC10||14|/min^回／１分^ISO+|12-16||||F|||202404010800",
            "OBX|5|NM|9P10000000000001^体温（腋窩）^JC10||35.8|cel^℃^ISO+|35.5-37.5||||F|||202404010800",
            "OBX|6|NM|9P10000000000001^体温（腋窩）^JC10||36.2|cel^℃^ISO+|35.5-37.5||||F|||202404011500");
    private static final String CDA = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>退院時サマリー</title></ClinicalDocument>";

    @Test
    void mapsADischargeSummaryToADocumentReference() {
        ParseResult result = only(reader(), SourceFile.of(PATH, CDA.getBytes(StandardCharsets.UTF_8)));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            assertThat(parsed.recordKey()).isEqualTo("ssmix2:" + TYPE + ":20240415:000000020240415");
            // intended change (issue 38): the content folder's fingerprint follows the 発生日時 (StoredRecord#fingerprint)
            assertThat(parsed.version()).matches("20240415150000123#[0-9a-f]{16}");
            assertThat(parsed.patient().localId()).isEqualTo("0001000052");
            DocumentReference document = (DocumentReference) parsed.resources().getFirst().resource();
            assertThat(parsed.resources().getFirst().sourceKey()).isEqualTo(parsed.recordKey() + "/DocumentReference");
            assertThat(document.getType().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
            assertThat(document.getType().getCodingFirstRep().getCode()).isEqualTo("18842-5");
            assertThat(document.getDateElement().getValueAsString()).isEqualTo("2024-04-15T15:00:00.123+09:00");
            assertThat(document.getContentFirstRep().getAttachment().getContentType()).isEqualTo(ContentTypes.CDA);
            assertThat(document.getContentFirstRep().getAttachment().getData()).isEqualTo(CDA.getBytes(StandardCharsets.UTF_8));
            assertThat(document.getContentFirstRep().getAttachment().getSize()).isEqualTo(CDA.getBytes(StandardCharsets.UTF_8).length);
        });
    }

    @Test
    void guessesPdfAndKeepsTheLocalCodeOfAReferralLetter() {
        String type = "L57^紹介状^99Z^57133-1^紹介状^LN";
        String path = "000/100/0001000052/20240415/" + type + "/0001000052_20240415_L57_K1_20240415150000123_-_1/letter.pdf";
        ParseResult.Parsed parsed = (ParseResult.Parsed) only(reader(), SourceFile.of(path, "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII)));

        DocumentReference document = (DocumentReference) parsed.resources().getFirst().resource();
        assertThat(document.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
        assertThat(document.getType().getCoding()).extracting(c -> c.getCode()).containsExactly("57133-1", "L57");
    }

    @Test
    void deletesADocumentWithFlagZero() {
        ParseResult result = only(reader(), SourceFile.of(PATH.replace("_01_1/", "_01_0/"), new byte[0]));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.action()).isEqualTo(ParseResult.Action.DELETE));
    }

    @Test
    void readsVitalSignsFromAnOruR30OfAVendorDefinedType() {
        ParseResult.Parsed parsed = (ParseResult.Parsed) only(reader(), Ssmix2Messages.file(VITALS_PATH, VITALS));

        assertThat(parsed.recordKey()).isEqualTo("ssmix2:" + VITALS_TYPE + ":20240401:000000020240401");
        assertThat(parsed.patient().localId()).isEqualTo("0123456789");
        assertThat(parsed.patient().familyKanji()).isEqualTo("試験");
        assertThat(parsed.warnings()).extracting(w -> w.code()).containsExactly("ssmix2.name.department-missing");
        assertThat(parsed.resources()).hasSize(6).allSatisfy(m -> assertThat(m.type()).isEqualTo("Observation"));
        Observation morning = observation(parsed, "9P10000000000001", "2024-04-01T08:00:00+09:00");
        assertThat(morning.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_VitalSigns");
        assertThat(morning.getCategory()).extracting(c -> c.getCodingFirstRep().getCode()).containsOnly("vital-signs");
        assertThat(morning.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode()).containsExactly(
                "urn:musubi:v2-coding-system:JC10|9P10000000000001", "http://loinc.org|8310-5");
        assertThat(morning.getCode().getText()).isEqualTo("体温（腋窩）");
        assertThat(morning.getValueQuantity().getValue()).isEqualByComparingTo("35.8");
        assertThat(morning.getValueQuantity().getUnit()).isEqualTo("℃");
        assertThat(morning.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(morning.getValueQuantity().getCode()).isEqualTo("Cel");
        assertThat(morning.getReferenceRangeFirstRep().getText()).isEqualTo("35.5-37.5");
        Observation pulse = observation(parsed, "9P300000000000001", "2024-04-01T08:00:00+09:00");
        assertThat(pulse.getCode().getCoding()).extracting(c -> c.getCode()).contains("8867-4");
        assertThat(pulse.getValueQuantity().getCode()).isEqualTo("/min");
        assertThat(pulse.getValueQuantity().getUnit()).isEqualTo("回／１分");
        assertThat(pulse.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
        Observation systolic = observation(parsed, "9A751000000000001", "2024-04-01T08:00:00+09:00");
        assertThat(systolic.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .contains("http://medis.or.jp/CodeSystem/master-JLAC10-17digits|9A751000000000001", "http://loinc.org|8480-6");
        assertThat(systolic.getValueQuantity().getCode()).isEqualTo("mm[Hg]");
        assertThat(systolic.getValueQuantity().getUnit()).isEqualTo("mmHg");
        assertThat(systolic.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("130");
        assertThat(parsed.resources()).extracting(m -> m.sourceKey()).doesNotHaveDuplicates()
                .allMatch(k -> k.startsWith(parsed.recordKey() + "/obs/"));
    }

    @Test
    void readsVitalSignsFromAnOruR30UnderAStandardizedDataTypeSsmix2DoesNotDefine() {
        String path = "012/345/0123456789/20240401/VTL-01/0123456789_20240401_VTL-01_000000020240401_20240402000100158_01_1";

        ParseResult.Parsed parsed = (ParseResult.Parsed) only(reader(), Ssmix2Messages.file(path, VITALS));

        assertThat(parsed.resources()).hasSize(6).allSatisfy(m -> assertThat(m.type()).isEqualTo("Observation"));
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void keepsAnHl7MessageMusubiDoesNotMapAsADocumentWithAWarning() {
        String type = "L-NURSING^看護記録^99ZL02";
        String path = "012/345/0123456789/20240401/" + type + "/0123456789_20240401_" + type
                + "_000000020240401_20240401150032100_01_1/main_document.hl7";
        String message = Ssmix2Messages.message(Ssmix2Messages.msh("ORU^R01^ORU_R01"), Ssmix2Messages.PID,
                "OBR|1|K1||N01^看護記録^99ZL02", "OBX|1|TX|N01^経過^99ZL02||夜間良眠。||||||F");
        byte[] bytes = message.getBytes(Hl7Text.ISO_2022_JP);

        ParseResult.Parsed parsed = (ParseResult.Parsed) only(reader(), SourceFile.of(path, bytes));

        DocumentReference document = (DocumentReference) parsed.resources().getFirst().resource();
        assertThat(parsed.resources()).hasSize(1);
        assertThat(document.getType().getText()).isEqualTo("看護記録");
        assertThat(document.getDescription()).isEqualTo("HL7 v2 ORU^R01");
        assertThat(document.getContentFirstRep().getAttachment().getData()).isEqualTo(bytes);
        assertThat(document.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/plain; charset=ISO-2022-JP");
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.extended.kept");
            assertThat(w.where().file()).isEqualTo(path);
            assertThat(w.english()).contains(type, "ORU^R01");
            assertThat(w.japanese()).contains(type, "ORU^R01");
        });
    }

    @Test
    void keepsAnHl7MainDocumentThatCannotBeParsedAsADocumentWithAWarning() {
        // intended change (issue 38): such a file was rejected as unsupported; it is now kept, as sent
        String type = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
        String path = "012/345/0123456789/20160101/" + type + "/0123456789_20160101_" + type
                + "_000000020160101_20160101150032100_-_1/main_document.hl7";
        ParseResult.Parsed parsed = (ParseResult.Parsed) only(reader(), SourceFile.of(path,
                "MSH|^~\\&|X".getBytes(StandardCharsets.US_ASCII)));

        assertThat(parsed.resources()).singleElement().satisfies(m -> assertThat(m.type()).isEqualTo("DocumentReference"));
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.extended.unreadable");
            assertThat(w.english()).contains(type);
        });
    }

    private static Observation observation(ParseResult.Parsed parsed, String code, String effective) {
        return parsed.resources().stream().map(m -> (Observation) m.resource())
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals(code))
                .filter(o -> o.getEffectiveDateTimeType().getValueAsString().equals(effective))
                .reduce((a, b) -> {
                    throw new AssertionError("two Observations of " + code + " at " + effective);
                }).orElseThrow(() -> new AssertionError("no Observation of " + code + " at " + effective));
    }
}

package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.only;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.reader;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.rejected;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;

/** Extended-storage main documents as DocumentReferences. */
class ExtendedStorageTest {

    private static final String TYPE = "^退院時サマリー^^18842-5^退院時サマリー^LN";
    private static final String CONTENT = "0001000052_20240415_" + TYPE + "_000000020240415_20240415150000123_01_1";
    private static final String PATH = "000/100/0001000052/20240415/" + TYPE + "/" + CONTENT + "/main_document.xml";
    private static final String CDA = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>退院時サマリー</title></ClinicalDocument>";

    @Test
    void mapsADischargeSummaryToADocumentReference() {
        ParseResult result = only(reader(), SourceFile.of(PATH, CDA.getBytes(StandardCharsets.UTF_8)));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            assertThat(parsed.recordKey()).isEqualTo("ssmix2:" + TYPE + ":20240415:000000020240415");
            assertThat(parsed.version()).isEqualTo("20240415150000123");
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
    void reportsAnHl7MainDocumentAsUnsupported() {
        String type = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
        String path = "012/345/0123456789/20160101/" + type + "/0123456789_20160101_" + type
                + "_000000020160101_20160101150032100_-_1/main_document.hl7";
        var problem = rejected(only(reader(), SourceFile.of(path, "MSH|^~\\&|X".getBytes(StandardCharsets.US_ASCII)))).problem();

        assertThat(problem.code()).isEqualTo("ssmix2.unsupported");
        assertThat(problem.english()).contains(type);
    }
}

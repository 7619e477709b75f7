package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.ssmix2.Ssmix2Messages;
import org.musubi.ingest.ssmix2.Ssmix2Reader;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;

/**
 * Issue 38: an HL7 message of the extended storage that Musubi does not map is kept as a document, and the clinicians'
 * viewer lists it among the documents and shows the message as it was sent, in its own character set.
 */
class KeptMessageDocumentTest {

    @Test
    void theViewerListsAKeptHl7MessageAsADocumentAndShowsItsText() {
        String type = "L-NURSING^看護記録^99ZL02";
        String path = "012/345/0123456789/20240401/" + type + "/0123456789_20240401_" + type
                + "_000000020240401_20240401160000000_01_1/main_document.hl7";
        String message = Ssmix2Messages.message(Ssmix2Messages.msh("ORU^R01^ORU_R01"), Ssmix2Messages.PID,
                "OBR|1|K1||N01^看護記録^99ZL02", "OBX|1|TX|N01^経過^99ZL02||夜間良眠。||||||F");
        List<ParseResult> results = new ArrayList<>();
        new Ssmix2Reader(Ssmix2Messages.PARSING, Map.of()).read(SourceFile.of(path, message.getBytes(Hl7Text.ISO_2022_JP)),
                Ssmix2Messages.FACILITY, results::add);
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(
                ((ParseResult.Parsed) results.getFirst()).resources().getFirst().resource());

        ChartEntry entry = ChartEntries.of(new StoredResource(1, "d1", "DocumentReference", 1, 7, DataCategory.DOCUMENTS,
                Instant.now(), false, json)).orElseThrow();
        DocumentContent content = DocumentContent.of(json);

        assertThat(entry.kind()).isEqualTo(TimelineKind.DOCUMENT);
        assertThat(entry.title()).isEqualTo("看護記録");
        assertThat(content.shown()).isEqualTo(DocumentContent.Shown.TEXT);
        assertThat(content.decodedText()).contains("夜間良眠。", "ORU^R01");
    }

    @Test
    void theViewerListsTheMainDocumentAndEveryAttachmentOfAContentFolderAndShowsEach() {
        String type = "L57^診療情報提供書^99ZL03^57133-1^紹介状^LN";
        String folder = "012/345/0123456789/20240415/" + type + "/0123456789_20240415_" + type
                + "_000000020240415_20240415150000000_01_1/";
        byte[] cda = "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1};
        byte[] note = "所見なし".getBytes(StandardCharsets.UTF_8);
        SourceFile main = new SourceFile(folder + "main_document.xml", cda.length + png.length + note.length,
                () -> new ByteArrayInputStream(cda), List.of(SourceFile.of(folder + "image001.png", png),
                SourceFile.of(folder + "所見.txt", note)));
        List<ParseResult> results = new ArrayList<>();
        new Ssmix2Reader(Ssmix2Messages.PARSING, Map.of()).read(main, Ssmix2Messages.FACILITY, results::add);
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(
                ((ParseResult.Parsed) results.getFirst()).resources().getFirst().resource());

        ChartEntry entry = ChartEntries.of(new StoredResource(1, "d1", "DocumentReference", 1, 7, DataCategory.DOCUMENTS,
                Instant.now(), false, json)).orElseThrow();

        assertThat(entry.details()).contains(ChartEntry.Detail.of("chart.detail.attachments", "image001.png、所見.txt"));
        assertThat(DocumentContent.parts(json)).extracting(p -> p.index() + " " + p.title() + " " + p.contentType() + " " + p.size())
                .containsExactly("0 main_document.xml application/hl7-v3+xml " + cda.length, "1 image001.png image/png 5",
                        "2 所見.txt text/plain " + note.length);
        assertThat(DocumentContent.of(json, 1)).hasValueSatisfying(c -> {
            assertThat(c.shown()).isEqualTo(DocumentContent.Shown.IMAGE);
            assertThat(c.data()).isEqualTo(png);
        });
        assertThat(DocumentContent.of(json, 2)).hasValueSatisfying(c -> assertThat(c.decodedText()).isEqualTo("所見なし"));
        assertThat(DocumentContent.of(json, 3)).isEmpty();
        assertThat(DocumentContent.of(json, -1)).isEmpty();
    }
}

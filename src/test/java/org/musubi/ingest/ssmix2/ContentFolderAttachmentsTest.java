package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.only;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.reader;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Text;

/**
 * Issue 38: the other files of an extended-storage content folder (images, style sheets, PDFs beside the main
 * document) are stored with it, within limits; what is not stored is named in a warning; the folder's files give the
 * record its version.
 */
class ContentFolderAttachmentsTest {

    private static final String TYPE = "L57^診療情報提供書^99ZL03^57133-1^紹介状^LN";
    private static final String FOLDER = "012/345/0123456789/20240415/" + TYPE + "/0123456789_20240415_" + TYPE
            + "_000000020240415_20240415150000000_01_1/";
    private static final byte[] CDA = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\""
            + " href=\"style.xsl\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1};
    private static final byte[] GIF = "GIF89a....".getBytes(StandardCharsets.US_ASCII);

    @Test
    void storesEveryOtherFileAsAFurtherContentOfTheDocumentWithoutAWarning() {
        ParseResult.Parsed parsed = read(FOLDER + "main_document.xml", CDA, file("image001.png", PNG),
                file("logo.gif", GIF), file("style.css", "body { }".getBytes(StandardCharsets.US_ASCII)));

        DocumentReference document = (DocumentReference) parsed.resources().getFirst().resource();
        assertThat(parsed.resources()).hasSize(1);
        assertThat(document.getContent()).extracting(c -> c.getAttachment().getTitle() + " " + c.getAttachment().getContentType()
                + " " + c.getAttachment().getSize()).containsExactly("main_document.xml application/hl7-v3+xml " + CDA.length,
                "image001.png image/png 9", "logo.gif image/gif 10", "style.css text/css 8");
        assertThat(document.getContent().get(1).getAttachment().getData()).isEqualTo(PNG);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void anAttachmentOverTheLimitIsNotStoredAndNamedWithItsSizeAndTheLimit() {
        long size = Attachments.MAX_ATTACHMENT + 1;
        SourceFile huge = new SourceFile(FOLDER + "scan.tif", size, () -> {
            throw new AssertionError("a file over the limit is never read");
        });

        ParseResult.Parsed parsed = read(FOLDER + "main_document.xml", CDA, huge, file("image001.png", PNG));

        DocumentReference document = (DocumentReference) parsed.resources().getFirst().resource();
        assertThat(document.getContent()).extracting(c -> c.getAttachment().getTitle())
                .containsExactly("main_document.xml", "image001.png");
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.attachment.too-large");
            assertThat(w.where().file()).isEqualTo(FOLDER + "scan.tif");
            assertThat(w.english()).contains(FOLDER + "scan.tif", "10,485,761 bytes", "10,485,760 bytes", "not stored");
            assertThat(w.japanese()).contains("10,485,761 バイト", "10,485,760 バイト", "保存していません");
        });
    }

    @Test
    void attachmentsOverTheFolderLimitAreNotStoredTheFirstOnesInNameOrderAre() {
        int eight = 8 * 1024 * 1024;
        List<SourceFile> pages = List.of(zeros("p1.png", eight), zeros("p2.png", eight), zeros("p3.png", eight),
                zeros("p4.png", eight));

        ParseResult.Parsed parsed = read(FOLDER + "main_document.xml", CDA, pages.toArray(SourceFile[]::new));

        DocumentReference document = (DocumentReference) parsed.resources().getFirst().resource();
        assertThat(document.getContent()).extracting(c -> c.getAttachment().getTitle())
                .containsExactly("main_document.xml", "p1.png", "p2.png", "p3.png");
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.attachment.folder-too-large");
            assertThat(w.where().file()).isEqualTo(FOLDER + "p4.png");
            assertThat(w.english()).contains("8,388,608 bytes", "31,457,280 bytes", "25,165,824 bytes");
        });
    }

    @Test
    void aFolderInsideTheContentFolderIsNamedInAWarningAndNotRead() {
        ParseResult.Parsed parsed = read(FOLDER + "main_document.xml", CDA, SourceFile.folder(FOLDER + "images"),
                file("image001.png", PNG));

        assertThat(((DocumentReference) parsed.resources().getFirst().resource()).getContent()).hasSize(2);
        assertThat(parsed.warnings()).extracting(Problem::code, w -> w.where().file())
                .containsExactly(Tuple.tuple("ssmix2.attachment.folder", FOLDER + "images/"));
    }

    @Test
    void theAttachmentsOfVitalSignsMappedIntoObservationsAreADocumentOfTheirOwnWithAWarning() {
        String type = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
        String folder = "012/345/0123456789/20240401/" + type + "/0123456789_20240401_" + type
                + "_000000020240401_20240402000100158_01_1/";
        byte[] message = Ssmix2Messages.message(Ssmix2Messages.msh("ORU^R30^ORU_R30"),
                "PID|0001||0123456789^^^^PI||試験^太郎^^^^^L^I||19600101|M",
                "OBR|1|000000020240401|223344556677889|01^バイタル^99ABC|||202404011500",
                "OBX|1|NM|9P300000000000001^脈拍^JC10||98|/min^回／分^ISO+|||||F|||202404010800")
                .getBytes(Hl7Text.ISO_2022_JP);
        byte[] pdf = "%PDF-1.4 温度板".getBytes(StandardCharsets.UTF_8);

        ParseResult.Parsed parsed = read(folder + "main_document.hl7", message,
                new SourceFile(folder + "温度板.pdf", pdf.length, () -> new ByteArrayInputStream(pdf)));

        assertThat(parsed.resources()).extracting(m -> m.type() + " " + m.sourceKey()).containsExactly(
                "Observation " + parsed.recordKey() + "/obs/9P300000000000001/202404010800",
                "DocumentReference " + parsed.recordKey() + "/attachments/DocumentReference");
        DocumentReference document = (DocumentReference) parsed.resources().get(1).resource();
        assertThat(document.getType().getCodingFirstRep().getCode()).isEqualTo("L-OBSERVATIONS");
        assertThat(document.getDateElement().getValueAsString()).isEqualTo("2024-04-02T00:01:00.158+09:00");
        assertThat(document.getContent()).extracting(c -> c.getAttachment().getTitle() + " " + c.getAttachment().getContentType())
                .containsExactly("温度板.pdf application/pdf");
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.attachment.own-document");
            assertThat(w.where().file()).isEqualTo(folder + "温度板.pdf");
            assertThat(w.english()).contains("main_document.hl7", type);
        });
    }

    @Test
    void theFolderAsReadGivesTheVersionAChangedAttachmentANewOneTheSameFilesTheSame() {
        String first = read(FOLDER + "main_document.xml", CDA, file("image001.png", PNG)).version();
        String again = read(FOLDER + "main_document.xml", CDA, file("image001.png", PNG)).version();
        String changed = read(FOLDER + "main_document.xml", CDA, file("image001.png", GIF)).version();
        String removed = read(FOLDER + "main_document.xml", CDA).version();

        assertThat(first).startsWith("20240415150000000#").isEqualTo(again);
        assertThat(List.of(changed, removed)).allSatisfy(v -> assertThat(v).startsWith("20240415150000000#")
                .isNotEqualTo(first));
    }

    @Test
    void aDeletedContentFolderIsDeletedByItsNameItsAttachmentsUnread() {
        String deleted = FOLDER.replace("_01_1/", "_01_0/");
        ParseResult result = only(reader(), new SourceFile(deleted + "main_document.xml", CDA.length,
                () -> new ByteArrayInputStream(CDA), List.of(new SourceFile(deleted + "image001.png", 1, () -> {
                    throw new AssertionError("not read");
                }))));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            assertThat(parsed.action()).isEqualTo(ParseResult.Action.DELETE);
            assertThat(parsed.version()).isEqualTo("20240415150000000");
        });
    }

    private static ParseResult.Parsed read(String main, byte[] bytes, SourceFile... attachments) {
        long size = bytes.length + Arrays.stream(attachments).mapToLong(SourceFile::size).sum();
        return (ParseResult.Parsed) only(reader(), new SourceFile(main, size, () -> new ByteArrayInputStream(bytes),
                List.of(attachments)));
    }

    private static SourceFile file(String name, byte[] bytes) {
        return new SourceFile(FOLDER + name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static SourceFile zeros(String name, int size) {
        return new SourceFile(FOLDER + name, size, () -> new InputStream() {
            private int left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        });
    }
}

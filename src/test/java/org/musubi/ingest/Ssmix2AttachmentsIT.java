package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.Actor;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 38: the other files of an extended-storage content folder (images, style sheets, a PDF the CDA refers to) are
 * stored with its main document, in a watched or named storage and in an uploaded zip alike: as further contents of the
 * document's DocumentReference, or beside vital signs mapped into Observations as a DocumentReference of their own
 * (with a warning). Importing the unchanged storage again skips the folder; an attachment changed alone is taken again;
 * a deleted folder (flag 0) deletes; a folder inside a content folder is a warning, not read.
 */
@MusubiIntegrationTest
class Ssmix2AttachmentsIT {

    static final String PATIENT = "012/345/0123456789/";
    static final String LETTER_TYPE = "L57^診療情報提供書^99ZL03^57133-1^紹介状^LN";
    static final String LETTER = PATIENT + "20240415/" + LETTER_TYPE + "/0123456789_20240415_" + LETTER_TYPE
            + "_000000020240415_20240415150000000_01_1/";
    static final String VITALS_TYPE = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
    static final String VITALS = PATIENT + "20240401/" + VITALS_TYPE + "/0123456789_20240401_" + VITALS_TYPE
            + "_000000020240401_20240402000100158_1/";
    static final String CDA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?xml-stylesheet type="text/xsl" href="style.xsl"?>
            <ClinicalDocument xmlns="urn:hl7-org:v3"><title>診療情報提供書</title>
            <component><observationMedia><value mediaType="image/png"><reference value="image001.png"/></value>
            </observationMedia></component></ClinicalDocument>
            """;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
    static final String XSL = "<?xml version=\"1.0\"?><xsl:stylesheet version=\"1.0\""
            + " xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>";
    static final String ORU_R30 = String.join("\r",
            "MSH|^~\\&|HIS|SEND|GW|RCV|20240402000100.158||ORU^R30^ORU_R30|0000000000000001|P|2.5||||||~ISO IR87||ISO2022-1994",
            "PID|0001||0123456789^^^^PI||試験^太郎^^^^^L^I~シケン^タロウ^^^^^L^P||19600101|M",
            "OBR|1|000000020240401|223344556677889|01^バイタル^99ABC|||202404011500",
            "OBX|1|NM|9P300000000000001^脈拍^JC10||98|(hb)^回／１分^ISO+|50-90|H|||F|||202404010800") + "\r";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired ImportLedger ledger;
    @Autowired Facilities facilities;
    @Autowired FhirClients clients;
    @Autowired JdbcClient jdbc;
    @Autowired AuditRows audit;

    @TempDir Path storage;
    private Facility hospital;
    private ImportSource source;

    @BeforeEach
    void aStorageWithAttachments() throws IOException {
        hospital = ImportFacilities.fresh(facilities, FacilityKind.HOSPITAL, "添付送信病院");
        source = sources.create(hospital.id(), ImportKind.SSMIX2, "storage", storage.toString(), false);
        write(LETTER + "main_document.xml", CDA.getBytes(StandardCharsets.UTF_8));
        write(LETTER + "image001.png", PNG);
        write(LETTER + "style.xsl", XSL.getBytes(StandardCharsets.UTF_8));
        write(VITALS + "main_document.hl7", ORU_R30.getBytes(Charset.forName("ISO-2022-JP")));
        write(VITALS + "温度板.pdf", "%PDF-1.4 温度板".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesEveryFileOfTheContentFolderWithItsMainDocument() {
        ImportBatch batch = run();

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsRejected()).isZero();
        assertThat(contents(LETTER_TYPE)).containsExactly(
                "main_document.xml application/hl7-v3+xml " + CDA.getBytes(StandardCharsets.UTF_8).length,
                "image001.png image/png " + PNG.length,
                "style.xsl application/xml " + XSL.length());
        assertThat(data(LETTER_TYPE, 1)).isEqualTo(PNG);
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'Observation' AND NOT deleted")
                .param(hospital.id()).query(Long.class).single()).as("the vital signs are still Observations").isEqualTo(1);
        assertThat(contents(VITALS_TYPE)).as("the vital signs' attachment, a document of its own")
                .containsExactly("温度板.pdf application/pdf " + "%PDF-1.4 温度板".getBytes(StandardCharsets.UTF_8).length);
        assertThat(warnings(batch)).containsExactly("ssmix2.attachment.own-document " + VITALS + "温度板.pdf",
                "ssmix2.name.department-missing " + VITALS + "main_document.hl7");
    }

    @Test
    void skipsTheUnchangedStorageTakesAChangedAttachmentAndDeletesAFlagZeroFolder() throws IOException {
        run();

        ImportBatch again = run();
        assertThat(again.counts().filesSkipped()).as("nothing changed").isEqualTo(again.counts().filesSeen());
        assertThat(again.counts().recordsStored()).isZero();

        byte[] newer = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 9, 9};
        Files.write(storage.resolve(LETTER + "image001.png"), newer);
        Files.setLastModifiedTime(storage.resolve(LETTER + "image001.png"), FileTime.from(Instant.now().plusSeconds(60)));
        ImportBatch changed = run();
        assertThat(changed.counts().recordsStored()).as("the letter, for its changed image").isEqualTo(1);
        assertThat(data(LETTER_TYPE, 1)).isEqualTo(newer);

        Files.delete(storage.resolve(LETTER + "style.xsl"));
        ImportBatch removed = run();
        assertThat(removed.counts().recordsStored()).as("the letter, for its removed style sheet").isEqualTo(1);
        assertThat(contents(LETTER_TYPE)).extracting(c -> c.split(" ")[0]).containsExactly("main_document.xml", "image001.png");

        // as SS-MIX2 deletes: the folder renamed to flag 0, and a new flag-0 folder written with a later 発生日時
        Path folder = storage.resolve(LETTER.substring(0, LETTER.length() - 1));
        Files.move(folder, folder.resolveSibling(folder.getFileName().toString().replaceAll("_1$", "_0")));
        write(LETTER.replace("20240415150000000_01_1/", "20240420090000000_01_0/") + "main_document.xml",
                CDA.getBytes(StandardCharsets.UTF_8));
        ImportBatch deletion = run();
        assertThat(deletion.counts().recordsDeleted()).isEqualTo(1);
        assertThat(contents(LETTER_TYPE)).as("the letter and its attachments are deleted").isEmpty();
    }

    @Test
    void aFolderInsideAContentFolderIsAWarningNotRead() throws IOException {
        write(LETTER + "old/main_document.xml", CDA.getBytes(StandardCharsets.UTF_8));

        ImportBatch batch = run();

        assertThat(contents(LETTER_TYPE)).hasSize(3);
        assertThat(warnings(batch)).contains("ssmix2.attachment.folder " + LETTER + "old/");
    }

    @Test
    void anUploadedZipKeepsTheAttachmentsAsAFolderDoes() throws Exception {
        String token = clients.token(port, clients.register(hospital, "system/*.write"));

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/import/ssmix2?name=attachments.zip")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"recordsStored\":2", "\"recordsRejected\":0",
                "\"code\":\"ssmix2.attachment.own-document\"");
        assertThat(contents(LETTER_TYPE)).extracting(c -> c.split(" ")[0])
                .containsExactly("main_document.xml", "image001.png", "style.xsl");
        assertThat(contents(VITALS_TYPE)).extracting(c -> c.split(" ")[0]).containsExactly("温度板.pdf");
    }

    private ImportBatch run() {
        return imports.run(source, FolderFiles.of(ImportKind.SSMIX2, storage),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
    }

    /** "title contentType size" of each content of the hospital's live DocumentReference of a data type. */
    private List<String> contents(String dataType) {
        return jdbc.sql("""
                SELECT (c->'attachment'->>'title') || ' ' || (c->'attachment'->>'contentType') || ' ' || (c->'attachment'->>'size')
                FROM resource r, jsonb_array_elements(r.content::jsonb->'content') WITH ORDINALITY AS t(c, n)
                WHERE r.source_facility = ? AND r.type = 'DocumentReference' AND NOT r.deleted AND r.source_key LIKE ?
                ORDER BY r.source_key, n""").params(hospital.id(), "ssmix2:" + dataType + ":%")
                .query(String.class).list();
    }

    private byte[] data(String dataType, int content) {
        return Base64.getDecoder().decode(jdbc.sql("""
                SELECT r.content::jsonb->'content'->?->'attachment'->>'data' FROM resource r
                WHERE r.source_facility = ? AND r.type = 'DocumentReference' AND NOT r.deleted AND r.source_key LIKE ?""")
                .params(content, hospital.id(), "ssmix2:" + dataType + ":%").query(String.class).single());
    }

    /** "code file" of the batch's warnings, in order of code. */
    private List<String> warnings(ImportBatch batch) {
        return ledger.problems(batch.id(), false, 0, 50).stream().map(p -> p.row().problem().code() + " "
                + p.row().problem().where().file()).sorted().toList();
    }

    private byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(storage)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(storage.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private void write(String path, byte[] bytes) throws IOException {
        Path file = storage.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}

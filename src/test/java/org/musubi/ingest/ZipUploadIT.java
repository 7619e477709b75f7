package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirClients;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A zipped SS-MIX2 delta is checked whole before anything of it is imported: a body that is not a zip,
 * a truncated zip, a flood of entries or a zip bomb is refused with 400 and a message naming the
 * upload, nothing of it is stored and its spool folder is gone.
 */
@MusubiIntegrationTest
class ZipUploadIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired FhirClients clients;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired IngestProperties properties;
    @TempDir Path dir;

    private Facility hospital;
    private String token;
    private List<Path> spooledBefore;

    @BeforeEach
    void aHospitalSystemThatMayUpload() throws IOException {
        hospital = ImportFacilities.fresh(facilities, FacilityKind.HOSPITAL, "送信病院");
        token = clients.token(port, clients.register(hospital, "system/*.write"));
        spooledBefore = spooled();
    }

    @Test
    void refusesABodyThatIsNotAZipNamingTheUpload() throws Exception {
        HttpResponse<String> answer = post("/import/ssmix2?name=delta.zip", "application/zip",
                "これは zip ではありません".getBytes(StandardCharsets.UTF_8));

        assertRefused(answer, "not-a-zip");
        assertThat(answer.body()).contains("アップロード「delta.zip」", "The upload \\\"delta.zip\\\"", "zip 形式ではありません",
                "not a zip archive");
    }

    @Test
    void refusesATruncatedZipAndImportsNoneOfItsComplete() throws Exception {
        byte[] whole = Ssmix2Storages.zip(Ssmix2Storages.oneHospital(dir));

        HttpResponse<String> answer = post("/import/ssmix2", "application/zip", Arrays.copyOf(whole, whole.length * 3 / 4));

        assertRefused(answer, "damaged-zip");
        assertThat(answer.body()).contains("本文として送られた zip", "damaged or truncated");
    }

    @Test
    void refusesAZipOfTwentyThousandEmptyEntries() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 20_000; i++) {
                ZipEntry empty = new ZipEntry(Integer.toString(i, 36));
                empty.setMethod(ZipEntry.STORED);
                empty.setSize(0);
                empty.setCrc(new CRC32().getValue());
                zip.putNextEntry(empty);
                zip.closeEntry();
            }
        }

        HttpResponse<String> answer = post("/import/ssmix2?name=empty.zip", "application/zip", bytes.toByteArray());

        assertRefused(answer, "too-many-entries");
        assertThat(answer.body()).contains("10000");
    }

    @Test
    void refusesAZipThatUnpacksToMoreThanTheUploadLimit() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("999/901/9999013/20110701/OMP-01/bomb.hl7"));
            zip.write(new byte[3 * 1024 * 1024]);
            zip.closeEntry();
        }
        assertThat(bytes.size()).as("small as sent").isLessThan(100_000);

        HttpResponse<String> answer = post("/import/ssmix2?name=bomb.zip", "application/zip", bytes.toByteArray());

        assertRefused(answer, "zip-too-large");
    }

    @Test
    void aGoodZipFollowedByABadOneInOneUploadImportsNeither() throws Exception {
        byte[] good = Ssmix2Storages.zip(Ssmix2Storages.oneHospital(dir));
        String boundary = "musubi-zip-upload";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"good.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(good);
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\nPK no zip at all\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> answer = post("/import/ssmix2", "multipart/form-data; boundary=" + boundary, body.toByteArray());

        assertRefused(answer, "not-a-zip");
        assertThat(answer.body()).contains("bad.zip").doesNotContain("good.zip");
    }

    /** 400 with this code and a bilingual message; no batch, no resource of the hospital, no spool folder left. */
    private void assertRefused(HttpResponse<String> answer, String code) throws IOException {
        assertThat(answer.statusCode()).as(answer.body().substring(0, Math.min(500, answer.body().length()))).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"" + code + "\"", "何も取り込んでいません", "nothing of it was imported");
        assertThat(jdbc.sql("SELECT count(*) FROM import_batch b JOIN import_source s ON s.id = b.source_id"
                + " WHERE s.facility_id = ?").param(hospital.id()).query(Long.class).single()).as("batches").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ?").param(hospital.id())
                .query(Long.class).single()).as("resources").isZero();
        assertThat(spooled()).as("spool folders").isEqualTo(spooledBefore);
    }

    private List<Path> spooled() throws IOException {
        Path uploads = properties.uploadDirectory();
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(uploads)) {
            return folders.sorted().toList();
        }
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

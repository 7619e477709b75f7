package org.musubi.ingest;

import org.musubi.testing.TestDirs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.blob.resumable.web.ResumableUploads;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirClients;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resumable uploads (tus) of facility systems over real HTTP: a connection that breaks half-way loses nothing, the file
 * is imported once however often the last request is repeated, another facility finds nothing, and expired uploads go.
 */
@MusubiIntegrationTest
class ResumableUploadIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired FhirClients clients;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired ResumableUploads uploads;

    private Facility pharmacy;
    private String token;

    @BeforeEach
    void setUp() {
        pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "再開薬局");
        token = clients.token(port, clients.register(pharmacy, "system/*.write"));
    }

    @Test
    void anUploadCutOffHalfWayIsResumedAndImportedOnce() throws Exception {
        byte[] file = notebook().getBytes(StandardCharsets.UTF_8);
        int half = file.length / 2;
        String upload = create(token, file.length);

        patchAndDrop(upload, Arrays.copyOf(file, half), file.length);
        long offset = -1;
        for (int i = 0; i < 100 && offset != half; i++) {
            Thread.sleep(100);
            offset = Long.parseLong(send("HEAD", upload, token, null, null).headers().firstValue("Upload-Offset").orElse("-1"));
        }
        assertThat(offset).as("the bytes received before the connection broke are kept").isEqualTo(half);

        HttpResponse<String> rest = send("PATCH", upload, token, String.valueOf(half), Arrays.copyOfRange(file, half, file.length));
        assertThat(rest.statusCode()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(file.length));
        HttpResponse<String> result = send("GET", upload, token, null, null);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(result.body()).contains("\"status\":\"DONE\"").contains("\"recordsStored\":2").contains("\"recordsRejected\":0");

        assertThat(send("PATCH", upload, token, String.valueOf(half), Arrays.copyOfRange(file, half, file.length))
                .statusCode()).as("the last PATCH repeated with its old offset").isEqualTo(409);
        assertThat(send("PATCH", upload, token, String.valueOf(file.length), new byte[0]).statusCode())
                .as("the last PATCH repeated at the end").isEqualTo(204);
        assertThat(send("GET", upload, token, null, null).body()).isEqualTo(result.body());
        assertThat(jdbc.sql("SELECT count(*) FROM import_batch b JOIN import_source s ON s.id = b.source_id"
                + " WHERE s.facility_id = ?").param(pharmacy.id()).query(Long.class).single()).as("imported once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationDispense'")
                .param(pharmacy.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM resumable_upload_part WHERE upload_id = ?::uuid").param(id(upload))
                .query(Long.class).single()).as("the bytes are removed once imported").isZero();
    }

    @Test
    void anotherFacilityFindsNothingAsForAnIdNoOneHas() throws Exception {
        byte[] file = notebook().getBytes(StandardCharsets.UTF_8);
        String upload = create(token, file.length);
        assertThat(send("PATCH", upload, token, "0", Arrays.copyOf(file, 10)).statusCode()).isEqualTo(204);
        String other = clients.token(port, clients.register(ImportFacilities.fresh(facilities, FacilityKind.PHARMACY,
                "他の薬局"), "system/*.write"));
        String guessed = "/import/jahis/uploads/" + UUID.randomUUID();

        for (String method : new String[] {"HEAD", "PATCH", "DELETE", "GET"}) {
            String offset = method.equals("PATCH") ? "10" : null;
            byte[] body = method.equals("PATCH") ? Arrays.copyOfRange(file, 10, 20) : null;
            HttpResponse<String> theirs = send(method, upload, other, offset, body);
            HttpResponse<String> nobodys = send(method, guessed, other, offset, body);
            assertThat(theirs.statusCode()).as(method).isEqualTo(404);
            assertThat(nobodys.statusCode()).as(method).isEqualTo(404);
            assertThat(theirs.body().replace(id(upload), "{id}")).as(method)
                    .isEqualTo(nobodys.body().replace(id(guessed), "{id}"));
        }
        assertThat(send("HEAD", upload, token, null, null).headers().firstValue("Upload-Offset"))
                .as("untouched by the other facility").hasValue("10");
        assertThat(send("HEAD", upload.replace("/jahis/", "/lab/"), token, null, null).statusCode())
                .as("an upload is of one kind").isEqualTo(404);
    }

    @Test
    void refusesTooLargeAndABadOffset() throws Exception {
        HttpResponse<String> large = http.send(creation(token, 3L * 1024 * 1024).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("too-large");

        String upload = create(token, 100);
        assertThat(send("PATCH", upload, token, "5", new byte[10]).statusCode()).isEqualTo(409);
        assertThat(send("HEAD", upload, token, null, null).headers().firstValue("Upload-Offset")).hasValue("0");
        assertThat(send("GET", upload, token, null, null).statusCode()).as("not complete yet").isEqualTo(409);
    }

    @Test
    void expiredUploadsAreRemovedWithTheirBytes() throws Exception {
        String upload = create(token, 100);
        assertThat(send("PATCH", upload, token, "0", new byte[40]).statusCode()).isEqualTo(204);
        String part = jdbc.sql("SELECT name FROM resumable_upload_part WHERE upload_id = ?::uuid").param(id(upload))
                .query(String.class).single();
        Path stored = TestDirs.of("it-blobs", "parts", part);
        assertThat(stored).exists();
        String kept = create(token, 100);
        jdbc.sql("UPDATE resumable_upload SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid")
                .param(id(upload)).update();

        uploads.cleanup();

        assertThat(jdbc.sql("SELECT count(*) FROM resumable_upload WHERE id = ?::uuid").param(id(upload))
                .query(Long.class).single()).isZero();
        assertThat(Files.exists(stored)).isFalse();
        assertThat(send("HEAD", upload, token, null, null).statusCode()).isEqualTo(404);
        assertThat(send("HEAD", kept, token, null, null).statusCode()).as("not expired").isEqualTo(204);
    }

    private String create(String bearer, long length) throws Exception {
        HttpResponse<String> created = http.send(creation(bearer, length).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/import/jahis/uploads/[0-9a-f-]{36}");
        return location;
    }

    private HttpRequest.Builder creation(String bearer, long length) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/import/jahis/uploads"))
                .header("Authorization", "Bearer " + bearer).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("rx.txt".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(String method, String path, String bearer, String offset, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + bearer).header("Tus-Resumable", "1.0.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (offset != null) {
            request.header("Upload-Offset", offset).header("Content-Type", "application/offset+octet-stream");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A PATCH announcing the whole rest, of which only {@code sent} goes out before the connection is closed. */
    private void patchAndDrop(String path, byte[] sent, long announced) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
                    + "Content-Length: " + announced + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
            Thread.sleep(300);
        }
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String notebook() {
        String kana = "" + "アイウエオカキクケコサシスセソタチツテト".charAt(ThreadLocalRandom.current().nextInt(20))
                + "ナニヌネノハヒフヘホマミムメモ".charAt(ThreadLocalRandom.current().nextInt(15));
        int day = 1 + ThreadLocalRandom.current().nextInt(28);
        return String.join("\r\n", "JAHISTC08,1", "1,再開 花子,2,1970010" + (day % 9 + 1) + ",,,,,,,サイカイ" + kana,
                "5,20260105,1", "11,再開薬局,34,4,1234567,,,082-000-0000,1", "15,再開 次郎,082-000-0000,1",
                "51,再開病院,34,1,7654321,1", "55,再開 一郎,内科,1", "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1",
                "301,1,朝食後,7,日分,1,1,,1") + "\r\n";
    }
}

package org.musubi.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TusUploads;
import org.musubi.testing.WebSession;

/**
 * Box's resumable uploads (tus) over real HTTP: a system's upload whose connection drops midway is resumed from the
 * offset the server holds and sent as one file whose bytes equal those sent; the pages upload the same way with the
 * session and its CSRF token; an upload is its uploader's only (another's HEAD, PATCH and send answer as for none); a
 * length over the per-file limit or the quota is refused before anything is stored.
 */
@MusubiIntegrationTest
class BoxResumableIT extends NetworkFixtures {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDroppedUploadResumesFromTheServersOffsetAndTheFileSentIsExactlyTheBytesSent() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        String token = clients.token(port, clients.register(clinic, "system/*.read", "system/*.write"));
        TusUploads tus = new TusUploads("http://localhost:" + port, "Bearer " + token);
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(43).nextBytes(bytes);

        HttpResponse<String> created = tus.create("/api/box/uploads", bytes.length, "画像一式.zip", "application/zip");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String upload = TusUploads.path(created);
        int first = 1024 * 1024;
        assertThat(tus.patch(upload, 0, () -> new ByteArrayInputStream(bytes, 0, first)).statusCode()).isEqualTo(204);
        assertThat(tus.patchDropped(upload, first, () -> new ByteArrayInputStream(bytes, first, bytes.length - first),
                500_000)).isTrue();
        long offset = tus.offset(upload);
        assertThat(offset).as("what arrived before the drop is kept (what reached the server of the cut request)")
                .isBetween((long) first, first + 500_000L);
        HttpResponse<String> rest = tus.patch(upload, offset,
                () -> new ByteArrayInputStream(Arrays.copyOfRange(bytes, (int) offset, bytes.length)));
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        assertThat(tus.offset(upload)).isEqualTo(bytes.length);

        String id = upload.substring(upload.lastIndexOf('/') + 1);
        String other = clients.token(port, clients.register(accounts.facilityOf(FacilityKind.PHARMACY),
                "system/*.read", "system/*.write"));
        TusUploads stranger = new TusUploads("http://localhost:" + port, "Bearer " + other);
        assertThat(stranger.offset(upload)).as("another system's HEAD").isEqualTo(-1);
        assertThat(stranger.patch(upload, bytes.length, () -> new ByteArrayInputStream(new byte[1])).statusCode())
                .isEqualTo(404);
        assertThat(post(other, "/api/box/files?upload=" + id + "&user=" + nurse.id()).body())
                .as("another system cannot send it").contains("box.upload.notReady");

        long before = audit.max();
        HttpResponse<String> sent = post(token, "/api/box/files?upload=" + id + "&user=" + nurse.id());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(sent.body()).contains("\"sha256\":\"" + sha + "\"").contains("画像一式.zip");
        assertThat(audit.rowsSince(before)).filteredOn(r -> "BoxFile".equals(r.resourceType())).hasSize(1);
        String file = sent.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        HttpResponse<byte[]> downloaded = accounts.signedIn(port, nurse).getBytes("/portal/box/files/" + file);
        assertThat(downloaded.body()).isEqualTo(bytes);
        assertThat(post(token, "/api/box/files?upload=" + id + "&user=" + nurse.id()).body())
                .as("an upload is sent once").contains("box.upload.notReady");
    }

    @Test
    void thePagesUploadWithTheSessionAndALengthOverTheLimitOrQuotaIsRefusedBeforeStoring() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        WebSession web = accounts.signedIn(port, doctor);
        web.get("/portal/box/new?facility=" + hospital.id());
        TusUploads tus = new TusUploads(web.base(), null, "Cookie", web.cookieHeader(), "X-CSRF-TOKEN", web.csrf());
        byte[] bytes = "介護認定調査票（試験）".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> created = tus.create("/portal/box/uploads", bytes.length, "調査票.txt", "text/plain");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String upload = TusUploads.path(created);
        assertThat(tus.patch(upload, 0, () -> new ByteArrayInputStream(bytes)).statusCode()).isEqualTo(204);
        HttpResponse<String> sent = web.post("/portal/box", "facility", String.valueOf(hospital.id()),
                "user", String.valueOf(nurse.id()), "upload", upload.substring(upload.lastIndexOf('/') + 1), "confirmed", "yes");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(accounts.signedIn(port, nurse).get("/portal/box").body()).contains("調査票.txt");

        HttpResponse<String> noCsrf = new TusUploads(web.base(), null, "Cookie", web.cookieHeader())
                .create("/portal/box/uploads", 10, "x.txt", "text/plain");
        assertThat(noCsrf.statusCode()).as("the session's CSRF token is required").isEqualTo(403);
        HttpResponse<String> tooLarge = tus.create("/portal/box/uploads", 3L * 1024 * 1024 * 1024, "big.iso",
                "application/octet-stream");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("上限").contains(" / ");
        jdbc.sql("""
                INSERT INTO box_file (id, sender_user, sender_facility, name, content_type, size, sha256, scan_status,
                    uploaded_at, expires_at) VALUES (gen_random_uuid(), ?, ?, 'filler', 'x', ?, 'x', 'CLEAN', now(),
                    now() + interval '1 day')""").params(doctor.id(), clinic.id(), 5L * 1024 * 1024 * 1024 - 100).update();
        HttpResponse<String> overQuota = tus.create("/portal/box/uploads", 1000, "more.txt", "text/plain");
        assertThat(overQuota.statusCode()).isEqualTo(413);
        assertThat(overQuota.body()).contains("容量");
    }

    private HttpResponse<String> post(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

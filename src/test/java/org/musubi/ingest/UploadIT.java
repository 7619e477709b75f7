package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.ingest.checkup.CheckupSamples;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirClients;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Facility systems upload files with their OAuth2 client: what is taken, what is refused, and who may see a batch. */
@MusubiIntegrationTest
class UploadIT {

    private static final Pattern BATCH = Pattern.compile("\"batch\":(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired FhirClients clients;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;

    private Facility pharmacy;
    private ApiClientAdministration.NewApiClient writer;

    @BeforeEach
    void setUp() {
        pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "送信薬局");
        writer = clients.register(pharmacy, "system/*.write");
    }

    @Test
    void aPharmacySystemUploadsANotebookAndGetsTheBatchBackOnceStoredOnceSkipped() throws Exception {
        String token = clients.token(port, writer);
        byte[] notebook = notebook().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> first = post("/import/jahis?name=rx.txt", token, "text/plain", notebook);
        HttpResponse<String> again = post("/import/jahis?name=rx-copy.txt", token, "text/plain", notebook);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"DONE\"").contains("\"recordsStored\":2").contains("\"recordsRejected\":0");
        assertThat(again.body()).contains("\"filesSkipped\":1");
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationDispense'")
                .param(pharmacy.id()).query(Long.class).single()).isEqualTo(1);
        // its two records, and (one row) the pharmacy's own pharmacy, pharmacist, hospital and doctor, created once
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE login_id = ? AND action = 'CREATE' AND reason LIKE 'import JAHIS%'")
                .param(writer.client().clientId()).query(String.class).list()).as("audited as the uploading system")
                .hasSize(3).filteredOn("import JAHIS directory"::equals).hasSize(1);
        String batch = find(BATCH, first.body());
        assertThat(get("/import/batches/" + batch, token).statusCode()).isEqualTo(200);
        String otherToken = clients.token(port, clients.register(ImportFacilities.fresh(facilities, FacilityKind.PHARMACY,
                "他薬局"), "system/*.write"));
        assertThat(get("/import/batches/" + batch, otherToken).statusCode()).as("another facility's batch").isEqualTo(404);
    }

    @Test
    void aCheckupCentreUploadsASubmissionZipReadEntryByEntry() throws Exception {
        Facility centre = ImportFacilities.fresh(facilities, FacilityKind.CHECKUP_CENTRE, "送信健診センター");
        String token = clients.token(port, clients.register(centre, "system/*.write"));
        byte[] zip = CheckupSamples.zip(CheckupSamples.SUBMISSION,
                Map.of());

        HttpResponse<String> answer = post("/import/checkup?name=submission.zip", token, "application/zip", zip);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"recordsStored\":2").contains("\"recordsRejected\":1")
                .contains("\"file\":\"submission.zip!/3420000099_06349901_202508151_1/DATA/h34200000992025081510000002.xml\"")
                .contains("\"field\":\"value/@value\"").contains("\"code\":\"checkup.value.number\"");
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'Observation'")
                .param(centre.id()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void reportsABadNotebookPreciselyInTheAnswer() throws Exception {
        String bad = "JAHISTC08,1\r\n1,試験 花子,9,19700101\r\n";
        HttpResponse<String> answer = post("/import/jahis?name=bad.txt", clients.token(port, writer), "text/plain",
                bad.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"recordsRejected\":1").contains("\"file\":\"bad.txt\"").contains("\"line\":2")
                .contains("\"messageJa\"").contains("\"messageEn\"");
    }

    @Test
    void refusesAFacilityWithoutMedicalInstitutionCodeClearlyAndStartsNoBatch() throws Exception {
        Facility uncoded = facilities.insert(new FacilityDraft("コードなし薬局", "コードナシヤッキョク",
                FacilityKind.PHARMACY, null, 34, "広島市中区", "082-000-0000", true, true,
                FacilityStatus.ACTIVE));
        String token = clients.token(port, clients.register(uncoded, "system/*.write"));

        HttpResponse<String> answer = post("/import/jahis", token, "text/plain", notebook().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("no-institution-code", "医療機関コード", "medical-institution code");
        assertThat(jdbc.sql("SELECT count(*) FROM import_batch b JOIN import_source s ON s.id = b.source_id"
                + " WHERE s.facility_id = ?").param(uncoded.id()).query(Long.class).single()).isZero();
    }

    @Test
    void takesMultipartUploads() throws Exception {
        String boundary = "musubi" + ThreadLocalRandom.current().nextInt(1_000_000);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + notebook() + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> answer = post("/import/jahis", clients.token(port, writer), "multipart/form-data; boundary="
                + boundary, body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"filesDone\":1").contains("\"recordsStored\":2");
    }

    @Test
    void refusesWithoutTokenWithoutWriteScopeOrWhenTooLarge() throws Exception {
        byte[] notebook = notebook().getBytes(StandardCharsets.UTF_8);
        String reader = clients.token(port, clients.register(pharmacy, "system/*.read"));

        assertThat(post("/import/jahis", null, "text/plain", notebook).statusCode()).isEqualTo(401);
        assertThat(post("/import/jahis", reader, "text/plain", notebook).statusCode()).isEqualTo(403);
        assertThat(post("/import/unknown", clients.token(port, writer), "text/plain", notebook).statusCode()).isEqualTo(404);
        HttpResponse<String> huge = post("/import/jahis", clients.token(port, writer), "text/plain", new byte[3 * 1024 * 1024]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("too-large");
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ?").param(pharmacy.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void takesAZippedSsmix2DeltaAndRefusesAnArchiveThatWouldLeaveItsFolder(@TempDir Path dir)
            throws Exception {
        Facility hospital = ImportFacilities.fresh(facilities, FacilityKind.HOSPITAL, "送信病院");
        String token = clients.token(port, clients.register(hospital, "system/*.write"));
        Path storage = Ssmix2Storages.oneHospital(dir);

        HttpResponse<String> delta = post("/import/ssmix2", token, "application/zip", Ssmix2Storages.zip(storage));
        HttpResponse<String> slip = post("/import/ssmix2", token, "application/zip", Ssmix2Storages.zipSlip());

        assertThat(delta.statusCode()).isEqualTo(200);
        assertThat(delta.body()).contains("\"status\":\"DONE\"").contains("\"recordsRejected\":0");
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'Encounter'")
                .param(hospital.id()).query(Long.class).single()).isPositive();
        assertThat(slip.statusCode()).isEqualTo(400);
        assertThat(slip.body()).contains("zip");
    }

    /** A notebook written for this test: one patient (a name nobody else has) and one dispensing. */
    private static String notebook() {
        String kana = "" + "アイウエオカキクケコサシスセソタチツテト".charAt(ThreadLocalRandom.current().nextInt(20))
                + "ナニヌネノハヒフヘホマミムメモ".charAt(ThreadLocalRandom.current().nextInt(15));
        int day = 1 + ThreadLocalRandom.current().nextInt(28);
        return String.join("\r\n", "JAHISTC08,1", "1,送信 花子,2,1970010" + (day % 9 + 1) + ",,,,,,,ソウシン" + kana,
                "5,20260105,1", "11,送信薬局,34,4,1234567,,,082-000-0000,1", "15,送信 次郎,082-000-0000,1",
                "51,送信病院,34,1,7654321,1", "55,送信 一郎,内科,1", "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1",
                "301,1,朝食後,7,日分,1,1,,1") + "\r\n";
    }

    private HttpResponse<String> post(String path, String token, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}

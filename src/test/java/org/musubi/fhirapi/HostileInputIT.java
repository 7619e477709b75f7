package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/**
 * Hostile request bodies and parameters on {@code /fhir} and the web pages: XML entities never
 * expanded, deep or huge JSON refused without harm, and no error answer showing stack traces or SQL.
 */
@MusubiIntegrationTest
class HostileInputIT extends NetworkFixtures {

    private static final List<String> LEAKS = List.of("at org.", "at java.", "Exception", "SELECT ", "syntax error",
            "PSQLException", "org.postgresql", "org.musubi", "ca.uhn", "com.fasterxml", "tools.jackson", "com.ctc");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Facility hospital;
    private String token;

    @BeforeEach
    void token() {
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
    }

    @Test
    void xmlWithAnExternalEntityIsRefusedUnexpanded() {
        String marker = FhirRecords.uniqueKana();
        HttpResponse<String> response = post("Patient", "application/fhir+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE Patient [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Patient xmlns="http://hl7.org/fhir"><name><family value="%s&x;"/></name></Patient>
                """.formatted(marker));

        assertRefused(response);
        assertThat(response.body()).doesNotContain("root:");
        assertNothingStoredWith(marker);
        assertNothingStoredWith("root:");
    }

    @Test
    void anOtherwiseValidXmlPatientWithADoctypeIsRefused() {
        String marker = FhirRecords.uniqueKana();
        String xml = clients.context().newXmlParser().encodeResourceToString(
                FhirRecords.newPatient(hospital, FhirRecords.localId(), marker));
        HttpResponse<String> response = post("Patient", "application/fhir+xml",
                "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<!DOCTYPE Patient>\n" + xml);

        assertRefused(response);
        assertThat(response.body()).contains("DOCTYPE");
        assertNothingStoredWith(marker);
        assertThat(post("Patient", "application/fhir+xml", xml).statusCode()).as("the same without DOCTYPE").isEqualTo(201);
    }

    @Test
    void aDeleteWithoutAnIdIsABadRequestNotAnInternalError() {
        HttpResponse<String> response = send(request("Observation/").DELETE().build());

        assertRefused(response);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("conditional delete is not supported");
    }

    @Test
    void xmlWithExpandingInternalEntitiesIsRefusedQuickly() {
        StringBuilder entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            entities.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        long start = System.nanoTime();
        HttpResponse<String> response = post("Patient", "application/fhir+xml", "<?xml version=\"1.0\"?><!DOCTYPE Patient ["
                + entities + "]><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&l10;\"/></name></Patient>");

        assertRefused(response);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(response.body()).doesNotContain("lollol");
        assertStillServing();
    }

    @Test
    void deeplyNestedJsonIsRefusedWith400AndTheServerStaysHealthy() {
        int depth = 100_000;
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        String extension = "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"urn:x\",\"valueCodeableConcept\":"
                + "{\"coding\":" + arrays + "}}]}";
        String objects = "{\"resourceType\":\"Patient\",\"a\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";

        for (String body : List.of(arrays, extension, objects)) {
            long start = System.nanoTime();
            HttpResponse<String> response = post("Patient", "application/fhir+json", body);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertNoLeak(response);
        }
        assertStillServing();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413FromItsLength() {
        byte[] huge = hugeJson(11 * 1024 * 1024);
        HttpResponse<String> response = send(request("Patient").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("OperationOutcome");
        assertNoLeak(response);
        assertStillServing();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413WhileItArrives() {
        byte[] huge = hugeJson(11 * 1024 * 1024);
        HttpResponse<String> response = send(request("Bundle").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("OperationOutcome");
        assertStillServing();
    }

    @Test
    void fhirErrorAnswersShowNoStackTraceNorSql() {
        List<HttpResponse<String>> responses = List.of(
                post("Patient", "application/fhir+json", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":"),
                post("Patient", "application/fhir+json", "{\"resourceType\":\"Observation\"}"),
                post("Patient", "application/fhir+json", "\u0000\u0001garbage"),
                post("Patient", "application/fhir+xml", "<Patient xmlns=\"http://hl7.org/fhir\"><name>"),
                post("Patient", "application/fhir+xml", "<notFhir/>"),
                post("Patient", "text/plain", "hello"),
                // Bodies HAPI 8.8.1's JSON parser itself fails on (found by FhirJsonBodyFuzzTest)
                post("Patient", "application/fhir+json", "{\"resourceType\":\"Patient\",\"\":1}"),
                post("", "application/fhir+json", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":"
                        + "[{\"resource\":{\"resourceType\":\"Patient\"},\"request\":{\"method\":\"PUU\",\"url\":\"Patient\"}}]}"),
                post("Patient", "application/x-www-form-urlencoded", "a=b"),
                get("Observation?code=" + encode("' OR 1=1--")),
                get("Observation?subject=" + encode("Patient/1' OR '1'='1")),
                get("Observation?_sort=" + encode(";DROP TABLE resource")),
                get("Observation?date=" + encode("ge2024'; SELECT pg_sleep(5)--")),
                get("Observation?_count=" + encode("1;DROP")),
                get("Patient?identifier=" + encode("x|' UNION SELECT * FROM app_user--")),
                get("Patient/" + encode("1' OR '1'='1")),
                get("Observation/%00"),
                get("NoSuchType"),
                send(request("Patient").method("PATCH", HttpRequest.BodyPublishers.ofString("[")).build()));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isBetween(400, 499);
            assertNoLeak(response);
        }
    }

    @Test
    void webErrorPagesShowNoStackTraceNorSql() {
        List<HttpResponse<String>> responses = List.of(
                web("GET", "/no-such-page", null),
                web("GET", "/%2e%2e/%2e%2e/etc/passwd", null),
                web("DELETE", "/login", null),
                web("POST", "/login", "username=%27+OR+1%3D1--&password=x"),
                web("POST", "/oauth2/token", "grant_type=client_credentials&client_id=%27%3BDROP&client_secret=x"),
                web("POST", "/oauth2/token", "%%%"),
                web("GET", "/error", null));

        for (HttpResponse<String> response : responses) {
            if (!response.request().uri().getPath().equals("/error")) { // the error page itself, asked for directly, is a 500
                assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isBetween(300, 499);
            }
            assertNoLeak(response);
        }
    }

    @Test
    void webErrorPagesForASignedInUserShowNoStackTraceNorSql() {
        WebSession web = accounts.signedIn(port, accounts.networkAdmin());
        List<HttpResponse<String>> responses = List.of(
                web.get("/admin/no-such-page"),
                web.get("/admin/facilities/not-a-number"),
                web.get("/admin/facilities/99999999999999999999"),
                web.get("/admin/facilities?q=" + encode("' OR 1=1--") + "&page=" + encode(";DROP")),
                web.send(HttpRequest.newBuilder(URI.create(web.base() + "/admin/facilities"))
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())),
                web.send(HttpRequest.newBuilder(URI.create(web.base() + "/admin/facilities/new"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[[["))));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isLessThan(500);
            assertNoLeak(response);
        }
        // A DELETE or a JSON POST carries no CSRF token: Spring Security answers 403 before any 405 or 415.
        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(404, 400, 400, 400, 403, 403);
    }

    private static byte[] hugeJson(int size) {
        StringBuilder body = new StringBuilder(size + 64).append("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"");
        body.append("ア".repeat(size / 3)).append("\"}]}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).contains("OperationOutcome");
        assertNoLeak(response);
    }

    private static void assertNoLeak(HttpResponse<String> response) {
        for (String leak : LEAKS) {
            assertThat(response.body()).as(response.request().method() + " " + response.request().uri()).doesNotContain(leak);
        }
    }

    private void assertNothingStoredWith(String text) {
        assertThat(jdbc.sql("SELECT (SELECT count(*) FROM resource WHERE content::text LIKE ?)"
                + " + (SELECT count(*) FROM resource_version WHERE content::text LIKE ?)")
                .params("%" + text + "%", "%" + text + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM source_patient
                WHERE concat_ws(' ', family_kanji, given_kanji, family_kana, given_kana, address) LIKE ?""")
                .param("%" + text + "%").query(Long.class).single()).isZero();
    }

    private void assertStillServing() {
        assertThat(get("metadata").statusCode()).isEqualTo(200);
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(clients.fhir(port, token), hospital, localId, FhirRecords.uniqueKana());
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json")
                .timeout(Duration.ofSeconds(120));
    }

    private HttpResponse<String> web(String method, String path, String form) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30));
        if (form != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return send(builder.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

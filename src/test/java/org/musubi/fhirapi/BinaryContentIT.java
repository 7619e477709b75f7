package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;

/**
 * Whatever a facility uploads as a Binary (an HTML page with a script, an SVG) is handed back as an
 * inert download: a browser that opens {@code /fhir/Binary/<id>} neither renders it as a page of
 * Musubi's origin nor runs anything in it.
 */
@MusubiIntegrationTest
class BinaryContentIT extends NetworkFixtures {

    private static final String SANDBOX = "default-src 'none'; sandbox";

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private String patient;

    @BeforeEach
    void aHospitalWithAPatient() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        var client = clients.register(hospital, "system/*.read", "system/*.write");
        token = clients.token(port, client);
        IGenericClient fhir = clients.fhir(port, token);
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, "バイナリ");
        patient = "Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId;
    }

    @Test
    void anUploadedHtmlPageWithAScriptIsServedAsASandboxedAttachment() throws Exception {
        String id = upload("text/html; charset=UTF-8", "<html><script>alert(document.cookie)</script></html>");

        HttpResponse<String> read = get(id);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"Binary-" + id + ".bin\"");
        assertThat(read.headers().allValues("Content-Security-Policy")).containsExactly(SANDBOX);
        assertThat(read.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(read.body()).as("the file itself, unchanged").contains("<script>alert(document.cookie)</script>");
    }

    @Test
    void aPdfIsADownloadNamedAfterItsTypeAndAMalformedTypeBecomesOctetStream() throws Exception {
        String pdf = upload("application/pdf", "%PDF-1.4\n%%EOF\n");
        String svg = upload("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        String odd = upload("html", "<html></html>");

        HttpResponse<String> pdfRead = get(pdf);
        HttpResponse<String> svgRead = get(svg);
        HttpResponse<String> oddRead = get(odd);

        assertThat(pdfRead.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"Binary-" + pdf + ".pdf\"");
        assertThat(svgRead.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"Binary-" + svg + ".bin\"");
        assertThat(svgRead.headers().allValues("Content-Security-Policy")).containsExactly(SANDBOX);
        assertThat(oddRead.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void refusalsAndErrorsOfTheBinaryRouteCarryTheSameProtectiveHeaders() throws Exception {
        HttpResponse<String> missing = get("no-such-binary");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().allValues("Content-Security-Policy")).containsExactly(SANDBOX);
        assertThat(missing.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String upload(String contentType, String body) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base()))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .header("X-Security-Context", patient)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow().split("/")[1];
    }

    private HttpResponse<String> get(String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/" + id)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port + "/fhir/Binary";
    }
}

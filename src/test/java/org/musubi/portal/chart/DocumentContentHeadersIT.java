package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A document's content route in the viewer shows inline only what cannot run (a PDF, an image, plain
 * text); an HTML page or an SVG a facility sent is a sandboxed download, never a page of Musubi's origin.
 */
@MusubiIntegrationTest
class DocumentContentHeadersIT {

    private static final String SCRIPT = "<html><body><script>fetch('/portal')</script></body></html>";
    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    FhirClients clients;
    @Autowired
    Consents consents;

    private long person;
    private IGenericClient hospitalApi;
    private String token;
    private Reference subject;

    @BeforeEach
    void aLinkedPatientOfAHospital() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        hospitalApi = clients.fhir(port, token);
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(hospitalApi, hospital, localId, "ブンショ");
        person = clients.personOf(hospital, localId);
        subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, accounts.facilityOf(FacilityKind.CLINIC).id(), admin);
    }

    @Test
    void anHtmlDocumentWithAScriptIsASandboxedDownloadNotAPage() {
        String html = FhirRecords.create(hospitalApi, document("text/html", SCRIPT.getBytes(StandardCharsets.UTF_8), null));

        HttpResponse<String> content = clinic().get("/portal/patients/" + person + "/documents/" + html + "/content");

        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(content.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
        assertThat(content.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(content.body()).isEqualTo(SCRIPT);
    }

    @Test
    void anSvgBinaryBehindADocumentIsASandboxedDownload() {
        String binary = uploadBinary("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        String document = FhirRecords.create(hospitalApi, document("image/svg+xml", null, "Binary/" + binary));

        HttpResponse<String> content = clinic().get("/portal/patients/" + person + "/documents/" + document
                + "/content?binary=" + binary);

        assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(content.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
        assertThat(content.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void plainTextAndImagesStayInlineAsTheirOwnTypeInASandbox() {
        String text = FhirRecords.create(hospitalApi, document("text/plain; charset=UTF-8",
                "経過良好".getBytes(StandardCharsets.UTF_8), null));
        String png = FhirRecords.create(hospitalApi, document("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null));

        HttpResponse<String> textContent = clinic().get("/portal/patients/" + person + "/documents/" + text + "/content");
        HttpResponse<String> pngContent = clinic().get("/portal/patients/" + person + "/documents/" + png + "/content");

        assertThat(textContent.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(textContent.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
        assertThat(textContent.headers().allValues("Content-Security-Policy")).singleElement().asString().endsWith("; sandbox");
        assertThat(textContent.body()).isEqualTo("経過良好");
        assertThat(pngContent.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(pngContent.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
        assertThat(pngContent.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    private String uploadBinary(String contentType, String body) {
        try {
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/fhir/Binary"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                    .header("X-Security-Context", subject.getReference())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return created.headers().firstValue("Location").orElseThrow().split("/")[1];
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private DocumentReference document(String contentType, byte[] data, String url) {
        DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setSubject(subject).setDate(new Date());
        document.getType().setText("添付");
        document.addContent().setAttachment(new Attachment().setContentType(contentType).setTitle("添付").setData(data).setUrl(url));
        return document;
    }

    private WebSession clinic() {
        WebSession web = new WebSession(port);
        accounts.logIn(web, accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR));
        return web;
    }
}

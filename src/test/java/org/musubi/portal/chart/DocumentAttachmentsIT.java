package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
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
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 38: a document with attachments (an SS-MIX2 content folder's main document and its other files, each a content
 * of one DocumentReference) lists every one of them in the viewer, and each opens: in the page as its type allows, or
 * as a download; one audit row per view.
 */
@MusubiIntegrationTest
class DocumentAttachmentsIT {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
    private static final String CDA = "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>";

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired FhirClients clients;
    @Autowired Consents consents;
    @Autowired AuditRows audit;
    @Autowired IdentityStore identities;

    private long person;
    private String document;

    @BeforeEach
    void aLetterWithAnImageAndAStyleSheet() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhir(port, clients.token(port, clients.register(hospital, "system/*.read", "system/*.write")));
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "テンプ");
        person = clients.personOf(hospital, localId);
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, accounts.facilityOf(FacilityKind.CLINIC).id(), admin);
        DocumentReference letter = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId))
                .setDate(new Date());
        letter.getType().setText("紹介状");
        letter.addContent().setAttachment(new Attachment().setContentType("application/hl7-v3+xml")
                .setTitle("main_document.xml").setData(CDA.getBytes(StandardCharsets.UTF_8)));
        letter.addContent().setAttachment(new Attachment().setContentType("image/png").setTitle("image001.png").setData(PNG)
                .setSize(PNG.length));
        letter.addContent().setAttachment(new Attachment().setContentType("text/plain").setTitle("所見.txt")
                .setData("異常なし".getBytes(StandardCharsets.UTF_8)));
        document = FhirRecords.create(api, letter);
    }

    @Test
    void listsEveryAttachmentOfTheDocumentAndOpensEachOne() {
        WebSession clinic = clinic();
        String page = "/portal/patients/" + person + "/documents/" + document;

        HttpResponse<String> main = clinic.get(page);
        long mark = audit.max();
        HttpResponse<String> image = clinic.get(page + "?part=1");
        HttpResponse<String> text = clinic.get(page + "?part=2");
        HttpResponse<String> imageContent = clinic.get(page + "/content?part=1");
        HttpResponse<String> textContent = clinic.get(page + "/content?part=2");

        assertThat(main.statusCode()).isEqualTo(200);
        assertThat(main.body()).contains("id=\"document-parts\"", "main_document.xml", "image001.png", "所見.txt",
                page + "?part=1", page + "?part=2");
        assertThat(image.body()).containsPattern("id=\"document-image\"[^>]*src=\"" + page + "/content\\?[^\"]*part=1");
        assertThat(text.body()).contains("id=\"document-text\"", "異常なし");
        assertThat(imageContent.statusCode()).isEqualTo(200);
        assertThat(imageContent.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(textContent.body()).isEqualTo("異常なし");
        assertThat(audit.forPatient(mark, identities.person(person).orElseThrow().person().regionalId()))
                .as("one audit row per view").hasSize(4).allMatch(row -> row.startsWith("READ PERMIT"));
    }

    @Test
    void anAttachmentTheDocumentDoesNotHaveIsNotFound() {
        WebSession clinic = clinic();

        assertThat(clinic.get("/portal/patients/" + person + "/documents/" + document + "/content?part=3").statusCode())
                .isEqualTo(404);
        assertThat(clinic.get("/portal/patients/" + person + "/documents/" + document + "?part=-1").statusCode())
                .isEqualTo(404);
    }

    private WebSession clinic() {
        WebSession web = new WebSession(port);
        accounts.logIn(web, accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR));
        return web;
    }
}

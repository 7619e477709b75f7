package org.musubi.fhirapi.mhd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.box.Box;
import org.musubi.box.ListInbox;
import org.musubi.box.BoxFile;
import org.musubi.consent.ConsentScope;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Box files over IHE MHD with real HAPI clients: a clinic's system sends a file (ITI-65) to a hospital's named nurse
 * (a Practitioner by registry id) and to the hospital's members (its Organization), or to its nurses only (the
 * profession extension); the hospital's system, a member, finds it (ITI-67, category {@code urn:musubi:box|file}) and
 * retrieves it byte for byte (ITI-68), one audit row each; another facility's system neither finds it nor reads nor
 * retrieves it (the one 404 of an id nobody has); a file about a patient names the sender's own Patient, else 422, and
 * its DocumentReference never names the patient.
 */
@MusubiIntegrationTest
class MhdBoxIT extends NetworkFixtures {

    private static final String BOX = "urn:musubi:box";
    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    ListInbox listInbox;

    @Test
    void aClinicsSystemSendsToANurseAndAHospitalsMembersWhoseSystemFindsAndRetrievesItAndNoOtherSystemDoes()
            throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        ApiClientAdministration.NewApiClient hospitalClient = clients.register(hospital, "system/*.read");
        String hospitalToken = clients.token(port, hospitalClient);
        ApiClientAdministration.NewApiClient clinicClient = clients.register(clinic, "system/*.read", "system/*.write");
        IGenericClient clinicFhir = clients.fhir(port, clients.token(port, clinicClient));
        byte[] bytes = ("主治医意見書（試験） " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        long before = audit.max();
        Bundle sent = clinicFhir.transaction().withBundle(MhdSubmissions.box(List.of(MhdSubmissions.practitioner(nurse.id()),
                MhdSubmissions.organization(hospital, List.of())), "意見書.txt", "text/plain", bytes, "ご確認ください", null)).execute();
        String id = MhdSubmissions.sentBoxFile(sent);
        assertThat(sent.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        assertThat(audit.rowsSince(before)).as("ITI-65: one audit row, the file's").singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("CREATE");
            assertThat(r.resourceType()).isEqualTo("BoxFile");
        });
        assertThat(listInbox.received(new Reader(nurse.id(), hospital.id()))).extracting(f -> "box-" + f.id()).contains(id);

        IGenericClient hospitalFhir = clients.fhir(port, hospitalToken);
        long userId = hospitalClient.client().userId();
        long seq = audit.max();
        Bundle found = hospitalFhir.search().forResource(DocumentReference.class)
                .where(DocumentReference.CATEGORY.exactly().systemAndCode(BOX, "file")).returnBundle(Bundle.class).execute();
        assertThat(audit.countByUser(seq, userId)).as("ITI-67: one audit row").isEqualTo(1);
        DocumentReference listed = only(found, id);
        assertThat(listed.getContentFirstRep().getAttachment().getUrl()).isEqualTo("Binary/" + id);
        assertThat(listed.getContentFirstRep().getAttachment().getTitle()).isEqualTo("意見書.txt");
        assertThat(listed.getContentFirstRep().getAttachment().getSize()).isEqualTo(bytes.length);
        assertThat(listed.getContentFirstRep().getAttachment().getContentType()).startsWith("text/plain");
        assertThat(listed.getDescription()).isEqualTo("ご確認ください");
        assertThat(listed.hasSubject()).isFalse();

        seq = audit.max();
        DocumentReference read = hospitalFhir.read().resource(DocumentReference.class).withId(id).execute();
        assertThat(read.getIdElement().getIdPart()).isEqualTo(id);
        assertThat(audit.countByUser(seq, userId)).as("read by id: one audit row").isEqualTo(1);

        seq = audit.max();
        HttpResponse<byte[]> retrieved = get(hospitalToken, "/fhir/Binary/" + id);
        assertThat(retrieved.statusCode()).isEqualTo(200);
        assertThat(retrieved.body()).as("ITI-68: the bytes as sent").isEqualTo(bytes);
        assertThat(retrieved.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment"));
        assertThat(audit.countByUser(seq, userId)).as("ITI-68: one audit row").isEqualTo(1);
        assertThat(audit.rowsSince(seq)).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("box.downloaded"));

        ApiClientAdministration.NewApiClient thirdClient = clients.register(accounts.newHospital(), "system/*.read");
        String thirdToken = clients.token(port, thirdClient);
        String absent = "box-" + UUID.randomUUID();
        for (String path : List.of("/fhir/Binary/", "/fhir/DocumentReference/")) {
            seq = audit.max();
            HttpResponse<byte[]> asked = get(thirdToken, path + id);
            HttpResponse<byte[]> nothing = get(thirdToken, path + absent);
            assertThat(asked.statusCode()).isEqualTo(404);
            assertThat(text(asked).replace(id, "{id}")).as("the one 404 of an absent id")
                    .isEqualTo(text(nothing).replace(absent, "{id}"));
            assertThat(audit.countByUser(seq, thirdClient.client().userId())).as("one audit row each").isEqualTo(2);
        }
        Bundle thirdFinds = clients.fhir(port, thirdToken).search().forResource(DocumentReference.class)
                .where(DocumentReference.CATEGORY.exactly().systemAndCode(BOX, "file")).returnBundle(Bundle.class).execute();
        assertThat(thirdFinds.getEntry()).as("a system sent nothing finds nothing").isEmpty();

        Bundle nursesOnly = clinicFhir.transaction().withBundle(MhdSubmissions.box(List.of(MhdSubmissions.organization(hospital,
                List.of("NURSE"))), "看護サマリー.txt", "text/plain", bytes, null, null)).execute();
        String toNurses = MhdSubmissions.sentBoxFile(nursesOnly);
        assertThat(listInbox.received(new Reader(nurse.id(), hospital.id()))).extracting(f -> "box-" + f.id()).contains(toNurses);
        assertThat(get(hospitalToken, "/fhir/Binary/" + toNurses).statusCode())
                .as("the hospital's system is no nurse: not a recipient").isEqualTo(404);
    }

    @Test
    void aFileAboutAPatientNamesTheSendersOwnPatientElse422AndItsDocumentReferenceNeverNamesThePatient()
            throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        ApiClientAdministration.NewApiClient clinicClient = clients.register(clinic, "system/*.read", "system/*.write");
        String clinicToken = clients.token(port, clinicClient);
        IGenericClient clinicFhir = clients.fhir(port, clinicToken);
        String localId = FhirRecords.localId();
        Patient patient = FhirRecords.withKanjiName(FhirRecords.newPatient(clinic, localId, "ムスビ"), "箱", "花子");
        String patientId = FhirRecords.create(clinicFhir, patient);
        long person = clients.linkedPersonOf(clinic, localId);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), accounts.networkAdmin().id(),
                clinic.id());
        byte[] bytes = "退院前カンファレンス資料".getBytes(StandardCharsets.UTF_8);

        IGenericClient hospitalFhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        long before = audit.max();
        assertThatThrownBy(() -> hospitalFhir.transaction().withBundle(MhdSubmissions.box(List.of(MhdSubmissions.practitioner(nurse.id())),
                "資料.pdf", "application/pdf", bytes, null, "Patient/" + patientId)).execute())
                .as("another facility's Patient").isInstanceOf(UnprocessableEntityException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("Bundle.entry[1] (DocumentReference")
                        .contains("DocumentReference.subject").contains(" / "));
        assertThat(audit.rowsSince(before)).as("the refusal, audited once").singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("DENY"));
        assertThat(listInbox.received(new Reader(nurse.id(), hospital.id()))).as("nothing was sent").isEmpty();

        before = audit.max();
        Bundle sent = clinicFhir.transaction().withBundle(MhdSubmissions.box(List.of(MhdSubmissions.practitioner(nurse.id())), "資料.pdf",
                "application/pdf", bytes, null, "Patient/" + patientId)).execute();
        String id = MhdSubmissions.sentBoxFile(sent);
        List<AuditRows.Row> rows = audit.rowsSince(before);
        assertThat(rows).as("one audit row naming the patient").singleElement()
                .satisfies(r -> assertThat(r.patientId()).isNotNull());
        BoxFile file = listInbox.received(new Reader(nurse.id(), hospital.id())).stream()
                .filter(f -> id.equals("box-" + f.id())).findFirst().orElseThrow();
        assertThat(file.personId()).isEqualTo(person);
        assertThat(file.recordDocument()).as("not attached unless asked").isNull();

        DocumentReference own = clinicFhir.read().resource(DocumentReference.class).withId(id).execute();
        String json = clients.context().newJsonParser().encodeResourceToString(own);
        assertThat(json).as("the file's DocumentReference names no patient").doesNotContain(patientId)
                .doesNotContain(String.valueOf(person)).doesNotContain("箱").doesNotContain(rows.getFirst().patientId());
    }

    @Test
    void aWrongBoxSubmissionIsRefusedNamingTheEntryAndElementAndNothingIsSent() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        ApiClientAdministration.NewApiClient clinicClient = clients.register(clinic, "system/*.read", "system/*.write");
        IGenericClient clinicFhir = clients.fhir(port, clients.token(port, clinicClient));
        byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
        long before = audit.max();

        assertRefused(clinicFhir, MhdSubmissions.box(List.of(MhdSubmissions.organization(hospital, List.of("SURGEON"))),
                "a.txt", "text/plain", bytes, null, null), "Bundle.entry[0] (List", "box-profession");
        assertRefused(clinicFhir, MhdSubmissions.box(List.of(MhdSubmissions.organization(hospital, List.of()),
                MhdSubmissions.organization(accounts.newHospital(), List.of())), "a.txt", "text/plain", bytes, null, null),
                "Bundle.entry[0] (List", "ihe-intendedRecipient");
        assertRefused(clinicFhir, MhdSubmissions.box(List.of(MhdSubmissions.practitioner(clinicClient.client().userId())),
                "a.txt", "text/plain", bytes, null, null), "Bundle.entry[0] (List", "No recipient");
        Bundle extraBinary = MhdSubmissions.box(List.of(MhdSubmissions.practitioner(nurse.id())), "a.txt", "text/plain",
                bytes, null, null);
        extraBinary.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(new org.hl7.fhir.r4.model.Binary()
                .setContentType("text/plain").setData(bytes)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
        assertRefused(clinicFhir, extraBinary, "Bundle.entry[3] (Binary", "Binary");
        Bundle mixed = MhdSubmissions.box(List.of(MhdSubmissions.practitioner(nurse.id())), "a.txt", "text/plain", bytes,
                null, null);
        mixed.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(new DocumentReference()
                .setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT)).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");
        assertRefused(clinicFhir, mixed, "Bundle.entry[3] (DocumentReference", "DocumentReference.category");

        assertThat(listInbox.received(new Reader(nurse.id(), hospital.id()))).as("nothing was sent").isEmpty();
        assertThat(audit.rowsSince(before)).as("one refusal row per submission, nothing stored").hasSize(5)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo("DENY"));
    }

    private static void assertRefused(IGenericClient client, Bundle submission, String entry, String element) {
        assertThatThrownBy(() -> client.transaction().withBundle(submission).execute())
                .isInstanceOf(UnprocessableEntityException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(entry).contains(element).contains(" / "));
    }

    private static DocumentReference only(Bundle bundle, String id) {
        List<DocumentReference> matches = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast)
                .filter(r -> r.getIdElement().getIdPart().equals(id)).toList();
        assertThat(matches).as(id + " in the search").hasSize(1);
        return matches.getFirst();
    }

    private HttpResponse<byte[]> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}

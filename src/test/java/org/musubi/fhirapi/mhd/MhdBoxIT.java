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
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.box.Box;
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
    private static final String USER = "urn:musubi:registry:user";
    private static final String PROFESSION = "urn:musubi:fhir:box-profession";
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Box box;

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
        Bundle sent = clinicFhir.transaction().withBundle(submission(List.of(practitioner(nurse.id()),
                organization(hospital, List.of())), "意見書.txt", "text/plain", bytes, "ご確認ください", null)).execute();
        String id = sentFile(sent);
        assertThat(sent.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        assertThat(audit.rowsSince(before)).as("ITI-65: one audit row, the file's").singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("CREATE");
            assertThat(r.resourceType()).isEqualTo("BoxFile");
        });
        assertThat(box.received(new Reader(nurse.id(), hospital.id()))).extracting(f -> "box-" + f.id()).contains(id);

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

        Bundle nursesOnly = clinicFhir.transaction().withBundle(submission(List.of(organization(hospital,
                List.of("NURSE"))), "看護サマリー.txt", "text/plain", bytes, null, null)).execute();
        String toNurses = sentFile(nursesOnly);
        assertThat(box.received(new Reader(nurse.id(), hospital.id()))).extracting(f -> "box-" + f.id()).contains(toNurses);
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
        assertThatThrownBy(() -> hospitalFhir.transaction().withBundle(submission(List.of(practitioner(nurse.id())),
                "資料.pdf", "application/pdf", bytes, null, "Patient/" + patientId)).execute())
                .as("another facility's Patient").isInstanceOf(UnprocessableEntityException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("Bundle.entry[1] (DocumentReference")
                        .contains("DocumentReference.subject").contains(" / "));
        assertThat(audit.rowsSince(before)).as("the refusal, audited once").singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("DENY"));
        assertThat(box.received(new Reader(nurse.id(), hospital.id()))).as("nothing was sent").isEmpty();

        before = audit.max();
        Bundle sent = clinicFhir.transaction().withBundle(submission(List.of(practitioner(nurse.id())), "資料.pdf",
                "application/pdf", bytes, null, "Patient/" + patientId)).execute();
        String id = sentFile(sent);
        List<AuditRows.Row> rows = audit.rowsSince(before);
        assertThat(rows).as("one audit row naming the patient").singleElement()
                .satisfies(r -> assertThat(r.patientId()).isNotNull());
        BoxFile file = box.received(new Reader(nurse.id(), hospital.id())).stream()
                .filter(f -> id.equals("box-" + f.id())).findFirst().orElseThrow();
        assertThat(file.personId()).isEqualTo(person);
        assertThat(file.recordDocument()).as("not attached unless asked").isNull();

        DocumentReference own = clinicFhir.read().resource(DocumentReference.class).withId(id).execute();
        String json = clients.context().newJsonParser().encodeResourceToString(own);
        assertThat(json).as("the file's DocumentReference names no patient").doesNotContain(patientId)
                .doesNotContain(String.valueOf(person)).doesNotContain("箱").doesNotContain(rows.getFirst().patientId());
    }

    /** An ITI-65 transaction sending one Box file to {@code recipients}, about {@code patient} when not null. */
    static Bundle submission(List<Reference> recipients, String name, String contentType, byte[] bytes, String message,
                             String patient) {
        String list = "urn:uuid:" + UUID.randomUUID();
        String reference = "urn:uuid:" + UUID.randomUUID();
        String binary = "urn:uuid:" + UUID.randomUUID();
        ListResource submission = new ListResource().setStatus(ListResource.ListStatus.CURRENT)
                .setMode(ListResource.ListMode.WORKING);
        submission.getCode().addCoding(new Coding(MhdSubmissions.LIST_TYPES, "submissionset", null));
        submission.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
        recipients.forEach(r -> submission.addExtension(MhdSubmissions.INTENDED_RECIPIENT, r));
        submission.addEntry().setItem(new Reference(reference));
        DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.addCategory().addCoding(new Coding(BOX, "file", null));
        document.setDescription(message);
        if (patient != null) {
            document.setSubject(new Reference(patient));
            document.addExtension("urn:musubi:fhir:box-attach", new BooleanType(false));
        }
        document.addContent().getAttachment().setContentType(contentType).setTitle(name).setUrl(binary);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl(list).setResource(submission).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("List");
        bundle.addEntry().setFullUrl(reference).setResource(document).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("DocumentReference");
        bundle.addEntry().setFullUrl(binary).setResource(new Binary().setContentType(contentType).setData(bytes))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
        return bundle;
    }

    /** A user as a Practitioner, by their id in the registry. */
    static Reference practitioner(long userId) {
        return new Reference().setType("Practitioner").setIdentifier(new Identifier().setSystem(USER)
                .setValue(String.valueOf(userId)));
    }

    /** A facility's members (of these professions; all when none) as an Organization, by medical-institution code. */
    static Reference organization(Facility facility, List<String> professions) {
        Reference reference = new Reference().setType("Organization").setIdentifier(new Identifier()
                .setSystem(MhdSubmissions.INSTITUTION_NO).setValue(facility.code().value()));
        professions.forEach(p -> reference.addExtension(PROFESSION, new CodeType(p)));
        return reference;
    }

    /** The Box file's id the ITI-65 response names ({@code DocumentReference/box-<id>}). */
    static String sentFile(Bundle response) {
        String location = response.getEntry().get(1).getResponse().getLocation();
        assertThat(location).startsWith("DocumentReference/box-");
        return location.substring("DocumentReference/".length());
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

package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/**
 * A care task over the FHIR API (issue 44): a facility creates, reads, searches (by patient, status, owner, requester,
 * code, part-of, authored-on) and updates a Task for its own patient, each call audited exactly once; the Task is a
 * care record, which a linked facility's care manager reads and a document it does not; a Task for another
 * facility's patient is refused like any write about a patient not the writer's; a Communication to the care team is
 * a care record, any other a document.
 */
@MusubiIntegrationTest
class CareTaskIT extends NetworkFixtures {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String TASK_CODES = "urn:example:care-task";

    @Test
    void theFacilityKeepsACareTaskForItsPatientThroughTheApiEachCallAuditedOnce() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        ApiClientAdministration.NewApiClient client = clients.register(hospital, "system/*.read", "system/*.write");
        IGenericClient fhir = clients.fhir(port, clients.token(port, client));
        long user = client.client().userId();
        String localId = FhirRecords.localId();
        String own = FhirRecords.create(fhir, FhirRecords.newPatient(hospital, localId, "カイゴ" + FhirRecords.uniqueKana()));
        Task task = careTask(new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId));

        String id = once(user, () -> FhirRecords.create(fhir, task));
        Task read = once(user, () -> fhir.read().resource(Task.class).withId(id).execute());
        String patient = "Task?patient=Patient/" + own;

        assertThat(read.getDescription()).isEqualTo("訪問時に血圧を測定");
        assertThat(read.getFor().getReference()).as("kept as sent").isEqualTo(task.getFor().getReference());
        assertThat(found(fhir, user, patient)).containsExactly(id);
        assertThat(found(fhir, user, patient + "&status=requested")).containsExactly(id);
        assertThat(found(fhir, user, patient + "&status=completed")).isEmpty();
        assertThat(found(fhir, user, patient + "&owner=Practitioner/nurse-1")).containsExactly(id);
        assertThat(found(fhir, user, patient + "&owner=nurse-1")).as("an owner by id alone").containsExactly(id);
        assertThat(found(fhir, user, patient + "&owner=Practitioner/pharmacist-1")).isEmpty();
        assertThat(found(fhir, user, patient + "&requester=PractitionerRole/doctor-1")).containsExactly(id);
        assertThat(found(fhir, user, patient + "&code=" + TASK_CODES + "|vitals")).containsExactly(id);
        assertThat(found(fhir, user, patient + "&code=" + TASK_CODES + "|wound")).isEmpty();
        assertThat(found(fhir, user, patient + "&part-of=Task/visit-plan")).containsExactly(id);
        assertThat(found(fhir, user, patient + "&authored-on=2026-04-01")).containsExactly(id);
        assertThat(found(fhir, user, patient + "&authored-on=2026-04-02")).isEmpty();

        read.setStatus(Task.TaskStatus.COMPLETED).setOwner(new Reference("Practitioner/pharmacist-1"));
        once(user, () -> fhir.update().resource(read).execute());

        assertThat(found(fhir, user, patient + "&status=completed&owner=Practitioner/pharmacist-1")).containsExactly(id);
        assertThat(found(fhir, user, patient + "&owner=Practitioner/nurse-1")).as("the index follows the version").isEmpty();
    }

    @Test
    void aCareTaskIsACareRecordALinkedCareManagerReadsItButNotTheDocuments() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility office = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.create(fhir, FhirRecords.newPatient(hospital, localId, "カイゴ" + FhirRecords.uniqueKana()));
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        String task = FhirRecords.create(fhir, careTask(subject));
        Communication note = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED).setSubject(subject);
        note.addCategory().addCoding().setSystem(FhirSystems.COMMUNICATION_CATEGORY).setCode(FhirSystems.CARE_TEAM_NOTE);
        note.addPayload().setContent(new org.hl7.fhir.r4.model.StringType("チーム連絡: 食事量が減っています"));
        String teamNote = FhirRecords.create(fhir, note);
        Communication letter = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
                .setSubject(subject).addRecipient(new Reference("Practitioner/specialist-1"));
        letter.addPayload().setContent(new org.hl7.fhir.r4.model.StringType("専門医への相談"));
        String document = FhirRecords.create(fhir, letter);
        long person = clients.personOf(hospital, localId);
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(person, office.id(), admin);
        User careManager = accounts.memberOf(office, Profession.CARE_MANAGER);
        WebSession web = accounts.signedIn(port, careManager);

        HttpResponse<String> readTask = get(web, careManager, "Task/" + task);
        HttpResponse<String> tasks = get(web, careManager, "Task?patient=Patient/" + person);
        HttpResponse<String> readNote = get(web, careManager, "Communication/" + teamNote);
        HttpResponse<String> readDocument = get(web, careManager, "Communication/" + document);
        HttpResponse<String> absent = get(web, careManager, "Communication/" + UUID.randomUUID());

        assertThat(readTask.statusCode()).as(readTask.body()).isEqualTo(200);
        assertThat(readTask.body()).contains("訪問時に血圧を測定");
        assertThat(tasks.body()).contains("\"total\":1").contains(task);
        assertThat(readNote.statusCode()).as("a care team's note is a care record").isEqualTo(200);
        assertThat(readDocument.statusCode()).as("any other Communication is a document").isEqualTo(404);
        assertThat(readDocument.body().replace(document, "{asked}")).isEqualTo(absent.body().replace(
                absent.uri().getPath().substring(absent.uri().getPath().lastIndexOf('/') + 1), "{asked}"));
    }

    @Test
    void aTaskForAnotherFacilitysPatientIsRefusedATaskForNoPatientIsItsFacilitysOwn() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        ApiClientAdministration.NewApiClient clinicClient = clients.register(clinic, "system/*.read", "system/*.write");
        IGenericClient clinicApi = clients.fhir(port, clients.token(port, clinicClient));
        String localId = FhirRecords.localId();
        String own = FhirRecords.create(hospitalApi, FhirRecords.newPatient(hospital, localId, "カイゴ" + FhirRecords.uniqueKana()));
        long person = clients.linkedPersonOf(hospital, localId);
        String unattached = FhirRecords.create(hospitalApi, careTask(null));

        for (Reference foreign : List.of(new Reference("Patient/" + own), new Reference("Patient/" + person),
                new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId))) {
            long before = audit.max();
            assertThatThrownBy(() -> clinicApi.create().resource(careTask(foreign)).execute())
                    .as(foreign.getReference()).isInstanceOf(UnprocessableEntityException.class)
                    .hasMessageContaining("Task.for");
            assertThat(audit.countByUser(before, clinicClient.client().userId())).as("refused, audited once").isEqualTo(1);
        }
        long before = audit.max();
        assertThatThrownBy(() -> clinicApi.read().resource(Task.class).withId(unattached).execute())
                .as("a Task for no patient is only its facility's").hasMessageContaining("HTTP 404");
        assertThat(audit.countByUser(before, clinicClient.client().userId())).isEqualTo(1);
        assertThat(hospitalApi.read().resource(Task.class).withId(unattached).execute().getDescription())
                .isEqualTo("訪問時に血圧を測定");
    }

    private static Task careTask(Reference patient) {
        Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
                .setDescription("訪問時に血圧を測定").setOwner(new Reference("Practitioner/nurse-1"))
                .setRequester(new Reference("PractitionerRole/doctor-1"));
        task.setFor(patient);
        task.getCode().addCoding().setSystem(TASK_CODES).setCode("vitals");
        task.addPartOf(new Reference("Task/visit-plan"));
        task.setAuthoredOnElement(new org.hl7.fhir.r4.model.DateTimeType("2026-04-01T10:00:00+09:00"));
        task.getRestriction().getPeriod().setEnd(new Date());
        return task;
    }

    /** The ids a search finds, in one call that leaves exactly one audit row. */
    private List<String> found(IGenericClient fhir, long user, String search) {
        Bundle bundle = once(user, () -> fhir.search().byUrl(search).returnBundle(Bundle.class).execute());
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private <T> T once(long user, Supplier<T> call) {
        long before = audit.max();
        T value = call.get();
        assertThat(audit.countByUser(before, user)).as("audit rows").isEqualTo(1);
        return value;
    }

    private HttpResponse<String> get(WebSession web, User user, String path) {
        long before = audit.max();
        HttpResponse<String> response = web.send(FhirHttp.request(port, "GET", path, FHIR_JSON, FHIR_JSON, null, Map.of()));
        assertThat(audit.countByUser(before, user.id())).as("GET " + path + ": audit rows").isEqualTo(1);
        return response;
    }
}

package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musubi.testing.FhirRecords.HBA1C;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;

/** Incoming resources validated against base FHIR R4 (mode full, the default) and refused naming the element. */
@MusubiIntegrationTest
class IncomingValidationIT extends NetworkFixtures {

    @Test
    void aCreateWithoutARequiredElementIsRefusedWith422NamingItAndAudited() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        ApiClientAdministration.NewApiClient client = clients.register(hospital, "system/*.read", "system/*.write");
        IGenericClient fhir = clients.fhir(port, clients.token(port, client));
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, "ケンショウ");
        long before = audit.max();

        assertThatThrownBy(() -> fhir.create().resource(FhirRecords.lab(hospital, localId, HBA1C, "2024-06-01", 6.1)
                .setStatus(null)).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    OperationOutcome.OperationOutcomeIssueComponent issue = issue(e);
                    assertThat(issue.getExpression()).extracting(s -> s.getValue()).containsExactly("Observation.status");
                    assertThat(issue.getDiagnostics()).startsWith("Observation.status: 必須の要素がありません / ");
                });
        assertThat(audit.since(before, client.client().clientId())).containsExactly("CREATE DENY record.invalid 422");
    }

    @Test
    void aPatientWithoutAnyOfTheFacilitysPatientIdSystemsAndATransactionOfAnUnstoredTypeAreRefusedAndAuditedOnce() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        ApiClientAdministration.NewApiClient client = clients.register(hospital, "system/*.read", "system/*.write");
        IGenericClient fhir = clients.fhir(port, clients.token(port, client));
        Patient stranger = new Patient();
        stranger.addIdentifier().setSystem("http://example.org/not-declared").setValue("X1");
        stranger.addName().setFamily("ケンショウ");
        long before = audit.max();

        assertThatThrownBy(() -> fhir.create().resource(stranger).execute()).isInstanceOf(UnprocessableEntityException.class);
        assertThat(audit.since(before, client.client().clientId())).containsExactly("CREATE DENY record.invalid 422");

        Bundle unstored = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        unstored.addEntry().setFullUrl("urn:uuid:0b6d1a56-8a43-4c8b-9c1e-0000000000f1").setResource(new Contract()
                .setStatus(Contract.ContractStatus.OFFERED))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Contract");
        long beforeTransaction = audit.max();
        assertThatThrownBy(() -> fhir.transaction().withBundle(unstored).execute())
                .isInstanceOf(BaseServerResponseException.class);
        assertThat(audit.since(beforeTransaction, client.client().clientId())).hasSize(1)
                .allSatisfy(row -> assertThat(row).startsWith("CREATE DENY "));
    }

    @Test
    void aTransactionWithAnInvalidEntryIsRefusedWholeNamingTheEntryAndTheElement() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        Bundle bundle = TransactionIT.export(hospital, localId, "VAL-" + localId);
        ((Observation) bundle.getEntry().get(3).getResource()).setStatus(null);

        assertThatThrownBy(() -> fhir.transaction().withBundle(bundle).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    OperationOutcome.OperationOutcomeIssueComponent issue = issue(e);
                    assertThat(issue.getExpression()).extracting(s -> s.getValue())
                            .containsExactly("Bundle.entry[3].resource.status");
                    assertThat(issue.getDiagnostics()).startsWith("Bundle.entry[3] (Observation, "
                            + "urn:uuid:11111111-0000-0000-0000-000000000004): Observation.status: 必須の要素がありません / ");
                });
        Bundle organizationOnly = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        organizationOnly.addEntry(bundle.getEntry().get(1));
        assertThat(fhir.transaction().withBundle(organizationOnly).execute().getEntryFirstRep().getResponse().getStatus())
                .as("nothing of the refused transaction was stored").isEqualTo("201 Created");
    }

    @Test
    void aBatchStoresItsValidEntriesAndAnswersTheInvalidOneWith422() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, "バッチケンショウ");
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        for (Observation observation : List.of(FhirRecords.lab(hospital, localId, HBA1C, "2024-06-01", 6.0),
                FhirRecords.lab(hospital, localId, HBA1C, "2024-07-01", 6.2).setStatus(null),
                FhirRecords.lab(hospital, localId, HBA1C, "2024-08-01", 6.4))) {
            batch.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        }

        Bundle result = fhir.transaction().withBundle(batch).execute();

        assertThat(result.getEntry()).extracting(e -> e.getResponse().getStatus().substring(0, 3))
                .containsExactly("201", "422", "201");
        OperationOutcome outcome = (OperationOutcome) result.getEntry().get(1).getResponse().getOutcome();
        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(s -> s.getValue())
                .containsExactly("Bundle.entry[1].resource.status");
        String stored = result.getEntry().get(2).getResponse().getLocation();
        assertThat(fhir.read().resource(Observation.class).withId(stored.substring(0, stored.indexOf("/_history"))).execute()
                .getValueQuantity().getValue()).isEqualByComparingTo("6.4");
    }

    @Test
    void anUnknownElementIsRefusedNamingItInsteadOfBeingDropped() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(clients.fhir(port, token), hospital, localId, "ミチノヨウソ");
        String observation = clients.context().newJsonParser()
                .encodeResourceToString(FhirRecords.lab(hospital, localId, HBA1C, "2024-06-01", 6.1))
                .replace("\"status\":\"final\"", "\"status\":\"final\",\"priority\":\"urgent\"");

        HttpResponse<String> single = post(token, "/fhir/Observation", observation);
        HttpResponse<String> transaction = post(token, "/fhir", """
                {"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:5f0c7a5e-3d1b-4e8a-9a57-0d6f2c1b7e01",
                 "resource":%s,"request":{"method":"POST","url":"Observation"}}]}""".formatted(observation));

        assertThat(single.statusCode()).isEqualTo(422);
        assertThat(expressions(single.body())).containsExactly("Observation.priority");
        assertThat(single.body()).contains("R4 に定義されていない要素です / Unrecognized property 'priority'");
        assertThat(transaction.statusCode()).isEqualTo(422);
        assertThat(expressions(transaction.body())).containsExactly("Bundle.entry[0].resource.priority");
    }

    @Test
    void anUnknownElementInAnXmlBodyIsRefusedByTheParser() throws Exception {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String xml = clients.context().newXmlParser().encodeResourceToString(new Observation()
                .setStatus(Observation.ObservationStatus.FINAL).setCode(new CodeableConcept()
                        .setText("HbA1c"))).replace("<status value=\"final\"/>", "<status value=\"final\"/><priority value=\"urgent\"/>");

        HttpResponse<String> response = send(token, "/fhir/Observation", "application/fhir+xml", xml);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("priority: R4 に定義されていない要素です / unknown element 'priority'");
    }

    private HttpResponse<String> post(String token, String path, String json) throws Exception {
        return send(token, path, "application/fhir+json", json);
    }

    private HttpResponse<String> send(String token, String path, String type, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type).header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> expressions(String outcomeJson) {
        OperationOutcome outcome = clients.context().newJsonParser().parseResource(OperationOutcome.class, outcomeJson);
        return outcome.getIssue().stream().flatMap(i -> i.getExpression().stream()).map(s -> s.getValue()).toList();
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(UnprocessableEntityException e) {
        return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
    }
}

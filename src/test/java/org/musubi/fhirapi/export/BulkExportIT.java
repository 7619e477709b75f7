package org.musubi.fhirapi.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * FHIR Bulk Data {@code $export} with a real HAPI client (issue 48): a hospital's system kicks off, polls, downloads
 * and parses its NDJSON, and receives exactly what its searches return for the same types — its linked person's
 * record, its own patient without standing as its own data, nothing of another hospital's patient —, at system and
 * Patient level; one EXPORT audit row per export and one per file; what the kick-off refuses; cancel; the sweep.
 */
@MusubiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkExportIT extends NetworkFixtures {

    @Autowired
    ExportJobs jobs;
    @Autowired
    ExportSweep sweep;

    Facility hospital;
    long linked;
    String ownPatient;
    String othersLab;
    Set<String> hospitalPatients = new LinkedHashSet<>();

    @BeforeAll
    void threePatients() {
        hospital = accounts.newHospital();
        Facility other = accounts.newHospital();
        IGenericClient writer = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String a = FhirRecords.localId();
        hospitalPatients.add(FhirRecords.registerPatient(writer, hospital, a, FhirRecords.uniqueKana()));
        linked = clients.linkedPersonOf(hospital, a);
        FhirRecords.create(writer, FhirRecords.lab(hospital, a, FhirRecords.HBA1C, "2026-01-10", 6.2));
        FhirRecords.create(writer, FhirRecords.lab(hospital, a, FhirRecords.HBA1C, "2026-02-10", 6.4));
        String b = FhirRecords.localId();
        ownPatient = FhirRecords.registerPatient(writer, hospital, b, FhirRecords.uniqueKana());
        hospitalPatients.add(ownPatient);
        FhirRecords.create(writer, FhirRecords.lab(hospital, b, FhirRecords.HBA1C, "2026-03-10", 5.9));
        IGenericClient theirs = clients.fhirFor(port, other, "system/*.read", "system/*.write");
        String c = FhirRecords.localId();
        FhirRecords.registerPatient(theirs, other, c, FhirRecords.uniqueKana());
        clients.linkedPersonOf(other, c);
        othersLab = FhirRecords.create(theirs, FhirRecords.lab(other, c, FhirRecords.HBA1C, "2026-03-11", 7.9));
    }

    @Test
    void aSystemExportEqualsWhatTheHospitalsSearchesReturn() {
        ApiClientAdministration.NewApiClient client = clients.register(hospital, "system/*.read");
        String token = clients.token(port, client);
        IGenericClient fhir = clients.fhir(port, token);
        long before = audit.max();

        MethodOutcome kicked = fhir.operation().onServer().named("$export").withNoParameters(Parameters.class)
                .useHttpGet().withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute();
        Map<String, Set<String>> exported = finished(kicked, token);

        assertThat(exported.keySet()).contains("Patient", "Observation");
        assertThat(exported.get("Patient")).containsExactlyInAnyOrderElementsOf(hospitalPatients);
        for (String type : exported.keySet()) {
            if (!type.equals("Patient")) {
                assertThat(exported.get(type)).as(type).containsExactlyInAnyOrderElementsOf(searched(fhir, type));
            }
        }
        assertThat(exported.get("Observation")).hasSize(3).doesNotContain(othersLab);
        List<String> rows = audit.since(before, client.client().clientId());
        assertThat(rows).filteredOn(r -> r.startsWith("EXPORT")).singleElement().asString()
                .startsWith("EXPORT PERMIT FHIR $export system: ").contains("Observation 3", "Patient 2");
        assertThat(rows).filteredOn(r -> r.startsWith("READ PERMIT FHIR $export file:")).hasSize(exported.size());
        assertThat(rows).filteredOn(r -> r.contains("DENY")).isEmpty();
    }

    @Test
    void aPatientExportOfOneTypeWithNarrowScopesHoldsThatTypeOnly() {
        String token = clients.token(port, clients.register(hospital, "system/Patient.read", "system/Observation.read"));
        IGenericClient fhir = clients.fhir(port, token);

        MethodOutcome kicked = fhir.operation().onType("Patient").named("$export")
                .withParameter(Parameters.class, "_type", new StringType("Observation"))
                .andParameter("_outputFormat", new StringType("application/fhir+ndjson"))
                .useHttpGet().withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute();
        Map<String, Set<String>> exported = finished(kicked, token);

        assertThat(exported.keySet()).containsExactly("Observation");
        assertThat(exported.get("Observation")).containsExactlyInAnyOrderElementsOf(searched(fhir, "Observation"));
        FhirHttp http = new FhirHttp(port, token);
        assertThat(http.send(FhirHttp.request(port, "GET", "Patient/$export?_type=Condition", "application/fhir+json",
                null, null, Map.of("Prefer", "respond-async"))).statusCode()).as("a type no scope allows").isEqualTo(403);
    }

    @Test
    void theKickOffRefusesWhatItDoesNotServeEachWithOneAuditRow() {
        ApiClientAdministration.NewApiClient client = clients.register(hospital, "system/*.read");
        FhirHttp http = new FhirHttp(port, clients.token(port, client));
        Map<String, Integer> refused = new TreeMap<>();
        refused.put("$export|", 400);
        refused.put("$export?_outputFormat=application/fhir%2Bjson|respond-async", 400);
        refused.put("$export?_type=Group|respond-async", 400);
        refused.put("$export?_typeFilter=Observation%3Fcode%3Dx|respond-async", 400);
        refused.put("Group/" + linked + "/$export|respond-async", 404);
        refused.put("Group/unknown/$export|respond-async", 404);
        // a request too long to keep as the manifest's "request": refused whole, never cut
        refused.put("$export?_type=Observation" + ",Observation".repeat(400) + "|respond-async", 400);
        for (var attempt : refused.entrySet()) {
            String[] parts = attempt.getKey().split("\\|", -1);
            long before = audit.max();
            Map<String, String> headers = parts[1].isEmpty() ? Map.of() : Map.of("Prefer", parts[1]);
            HttpResponse<String> answer = http.send(FhirHttp.request(port, "GET", parts[0], "application/fhir+json",
                    null, null, headers));
            assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(attempt.getValue());
            assertThat(answer.body()).as(attempt.getKey()).contains("OperationOutcome");
            assertThat(audit.since(before, client.client().clientId())).as(attempt.getKey()).hasSize(1)
                    .allSatisfy(r -> assertThat(r).contains("DENY"));
        }
        long before = audit.max();
        HttpResponse<String> research = http.send(FhirHttp.request(port, "GET", "$export", "application/fhir+json",
                null, null, Map.of("Prefer", "respond-async", "X-Purpose-Of-Use", "HRESCH")));
        assertThat(research.statusCode()).isEqualTo(403);
        assertThat(research.body()).contains("de-identified extraction");
        assertThat(audit.since(before, client.client().clientId()))
                .containsExactly("ACCESS_DENIED DENY policy.deny.researchNotThroughRecords 403");
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR))
                .withHeader("Prefer", "respond-async");
        assertThat(doctor.get("/fhir/$export").statusCode()).as("a browser session").isEqualTo(403);
    }

    @Test
    void theOwnerCancelsAndAnExportANodeLeftRunningFailsAtTheSweep() {
        ApiClientAdministration.NewApiClient client = clients.register(hospital, "system/*.read");
        String token = clients.token(port, client);
        HttpResponse<String> kicked = new FhirHttp(port, token).send(FhirHttp.request(port, "GET", "$export",
                "application/fhir+json", null, null, Map.of("Prefer", "respond-async")));
        assertThat(kicked.statusCode()).isEqualTo(202);
        String status = kicked.headers().firstValue("Content-Location").orElseThrow();
        BulkExports.poll(status, token);
        assertThat(BulkExports.send("DELETE", status, token).statusCode()).isEqualTo(202);
        assertThat(BulkExports.send("GET", status, token).statusCode()).isEqualTo(404);

        UUID orphan = UUID.randomUUID();
        jobs.start(new ExportJob(orphan, hospital.id(), client.client().userId(), ExportJob.Level.SYSTEM,
                "http://localhost/fhir/$export", null, null, ExportJob.Status.RUNNING, null, null, Instant.now(), null,
                List.of()));
        sweep.sweep();
        HttpResponse<String> failed = BulkExports.send("GET", status.replaceFirst("[^/]+$", orphan.toString()), token);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("start it again");
    }

    /** The manifest's files, downloaded and parsed, after polling the kick-off's status URL. */
    private Map<String, Set<String>> finished(MethodOutcome kicked, String token) {
        assertThat(kicked.getResponseStatusCode()).isEqualTo(202);
        String status = kicked.getResponseHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Content-Location")).findFirst().orElseThrow().getValue().getFirst();
        HttpResponse<String> done = BulkExports.poll(status, token);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("\"requiresAccessToken\":true", "\"transactionTime\":", "\"error\":[]",
                "\"request\":\"http://localhost:" + port + "/fhir/");
        return BulkExports.download(BulkExports.outputs(done.body()), token, clients.context());
    }

    /** The ids the hospital's searches of {@code type} return for its patients (the linked person, its own patient). */
    private Set<String> searched(IGenericClient fhir, String type) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> refs = new HashMap<>();
        refs.put("person", String.valueOf(linked));
        refs.put("own", ownPatient);
        for (String ref : refs.values()) {
            try {
                Bundle found = fhir.search().forResource(type).where(new ReferenceClientParam("patient")
                        .hasId("Patient/" + ref)).count(500).returnBundle(Bundle.class).execute();
                found.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
            } catch (BaseServerResponseException e) {
                throw new IllegalStateException(type + " of " + ref + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }
}

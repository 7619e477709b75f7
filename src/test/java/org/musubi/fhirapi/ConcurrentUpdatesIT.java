package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.UpdateRace;

/**
 * Several systems updating the same resources at once (issue 66, build item 1): N clients × M updates of the same
 * Observations over the FHIR API, each with a value of its own. Afterwards every acknowledged version exists once,
 * versions are consecutive from 1, the current row is the newest history row and holds the value the newest
 * acknowledgement wrote, and no request answered 5xx: the history never forks.
 */
@MusubiIntegrationTest
class ConcurrentUpdatesIT extends NetworkFixtures {

    private static final int CLIENTS = 8;
    private static final int UPDATES = 5;
    private static final int RESOURCES = 2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A hospital's system, its patient and the Observations its clients race on, through this node. */
    private UpdateRace race() {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        return UpdateRace.on(http, "http://localhost:" + port, clients.context(), fhir, token, hospital, RESOURCES);
    }

    @Test
    void concurrentUpdatesOfTheSameResourcesNeverForkTheirHistory() throws Exception {
        race().lastWriterWins(CLIENTS, UPDATES);
    }

    /**
     * With {@code If-Match}: each client reads the resource, then writes the version it read. Each write either makes
     * the next version (200) or is told someone else was first (412); nothing else, never 5xx; every acknowledged
     * version replaced exactly the version its client read, and the history is 1..n without a gap or a fork.
     */
    @Test
    void versionAwareUpdatesRacingEachGetTheNextVersionOr412() throws Exception {
        race().versionAware(CLIENTS, UPDATES);
    }

    /**
     * One request at a time: an update naming a version the resource is no longer at (or the never-existing 0) answers
     * 412 with a text saying what to do, stores nothing and leaves one audit row; the current version goes through.
     */
    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() throws Exception {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-04-01", 6.0);
        lab.getSubject().setReference("Patient/" + patient);
        String id = fhir.create().resource(lab).execute().getId().getIdPart();
        long before = audit.max();

        HttpResponse<String> first = put(token, id, patient, hospital, localId, 6.5, "W/\"1\"");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(version(first)).isEqualTo(2);
        HttpResponse<String> stale = put(token, id, patient, hospital, localId, 9.9, "W/\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("If-Match の版 1 は Observation/" + id + " の現在の版ではありません")
                .contains("現在: 版 2 です").contains("read it again and update that version");
        HttpResponse<String> zero = put(token, id, patient, hospital, localId, 9.8, "W/\"0\"");
        assertThat(zero.statusCode()).isEqualTo(412);
        HttpResponse<String> garbled = put(token, id, patient, hospital, localId, 9.7, "W/\"two\"");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("If-Match の版が読めません: two");

        Facility other = accounts.newHospital();
        String othersToken = clients.token(port, clients.register(other, "system/*.read", "system/*.write"));
        HttpResponse<String> rightVersion = put(othersToken, id, patient, other, localId, 1.0, "W/\"2\"");
        HttpResponse<String> wrongVersion = put(othersToken, id, patient, other, localId, 1.0, "W/\"7\"");
        HttpResponse<String> nobody = put(token, "no-such-" + id, patient, hospital, localId, 1.0, "W/\"7\"");
        assertThat(List.of(rightVersion.statusCode(), wrongVersion.statusCode()))
                .as("another facility learns no version: 404 whatever it names").containsExactly(404, 404);
        assertThat(wrongVersion.body().replace(id, "X")).isEqualTo(rightVersion.body().replace(id, "X"));
        assertThat(nobody.statusCode()).as("a version of a resource that does not exist: the same 404").isEqualTo(404);
        assertThat(nobody.body().replace("no-such-" + id, "X")).isEqualTo(rightVersion.body().replace(id, "X"));

        Observation current = fhir.read().resource(Observation.class).withId(id).execute();
        assertThat(current.getIdElement().getVersionIdPart()).isEqualTo("2");
        assertThat(current.getValueQuantity().getValue().doubleValue()).isEqualTo(6.5);
        assertThat(fhir.history().onInstance("Observation/" + id).returnBundle(Bundle.class).execute().getEntry())
                .hasSize(2);
        assertThat(audit.reasons(before, "UPDATE", "Observation")).as("one audit row per update, refusals too")
                .containsExactly("updated v2", "record.versionConflict", "record.versionConflict", "record.invalid 400",
                        "record.notOwner", "record.notOwner");
    }

    /**
     * Conditional create (FHIR): {@code If-None-Exist} or a transaction entry's {@code ifNoneExist} that matches the
     * writer's own resource answers 200 with it and changes nothing — for a Patient as for any other resource; a
     * conditional update is refused (400) rather than taken for a create; the CapabilityStatement says so.
     */
    @Test
    void aMatchedConditionalCreateAnswers200AndChangesNothing() throws Exception {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String localId = FhirRecords.localId();
        String system = FhirRecords.patientSystem(hospital);

        Bundle first = fhir.transaction().withBundle(patientOnly(hospital, localId, "ヤマモト")).execute();
        assertThat(first.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
        String patient = first.getEntryFirstRep().getResponse().getLocation().split("/")[1];
        Bundle again = fhir.transaction().withBundle(patientOnly(hospital, localId, "カワモト")).execute();
        assertThat(again.getEntryFirstRep().getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(again.getEntryFirstRep().getResponse().getLocation()).isEqualTo("Patient/" + patient);
        assertThat(jdbc.sql("SELECT version || ' ' || (content::jsonb->'name'->0->>'family') FROM resource WHERE id = ?")
                .param(patient).query(String.class).single()).as("the matched Patient got no new version")
                .isEqualTo("1 ヤマモト");
        assertThat(jdbc.sql("SELECT count(*) FROM resource_version WHERE id = ?").param(patient).query(Long.class)
                .single()).isLessThanOrEqualTo(1L);

        HttpResponse<String> patientAgain = post(token, "Patient",
                clients.context().newJsonParser().encodeResourceToString(
                        FhirRecords.newPatient(hospital, localId, "タニモト")),
                "identifier=" + system + "|" + localId);
        assertThat(patientAgain.statusCode()).isEqualTo(200);
        assertThat(patientAgain.headers().firstValue("Location").orElse("")).contains("/Patient/" + patient);
        assertThat(jdbc.sql("SELECT version || ' ' || (content::jsonb->'name'->0->>'family') FROM resource WHERE id = ?")
                .param(patient).query(String.class).single()).isEqualTo("1 ヤマモト");

        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-04-01", 6.0);
        lab.getSubject().setReference("Patient/" + patient);
        lab.addIdentifier().setSystem("urn:oid:1.2.392.999.66").setValue("lab-" + localId);
        String body = clients.context().newJsonParser().encodeResourceToString(lab);
        String condition = "identifier=urn:oid:1.2.392.999.66|lab-" + localId;
        HttpResponse<String> created = post(token, "Observation", body, condition);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Observation/([^/]+).*", "$1");
        lab.setValue(new Quantity().setValue(8.0).setUnit("%").setSystem("http://unitsofmeasure.org").setCode("%"));
        HttpResponse<String> matched = post(token, "Observation",
                clients.context().newJsonParser().encodeResourceToString(lab), condition);
        assertThat(matched.statusCode()).isEqualTo(200);
        assertThat(matched.headers().firstValue("Location").orElse("")).contains("/Observation/" + id);
        Observation current = fhir.read().resource(Observation.class).withId(id).execute();
        assertThat(current.getIdElement().getVersionIdPart()).isEqualTo("1");
        assertThat(current.getValueQuantity().getValue().doubleValue()).isEqualTo(6.0);

        HttpResponse<String> conditionalUpdate = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/fhir/Observation?identifier=urn:oid:1.2.392.999.66%7Clab-" + localId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(conditionalUpdate.statusCode()).isEqualTo(400);
        assertThat(conditionalUpdate.body()).contains("条件付き更新には対応していません");
        assertThat(fhir.read().resource(Observation.class).withId(id).execute().getIdElement().getVersionIdPart())
                .isEqualTo("1");

        org.hl7.fhir.r4.model.CapabilityStatement capabilities = fhir.capabilities()
                .ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
        var observation = capabilities.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Observation")).findFirst().orElseThrow();
        assertThat(observation.getVersioning())
                .isEqualTo(org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
        assertThat(observation.getConditionalCreate()).isTrue();
        assertThat(observation.getConditionalUpdate()).isFalse();
        assertThat(observation.getConditionalDelete())
                .isEqualTo(org.hl7.fhir.r4.model.CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
    }

    private static Bundle patientOnly(Facility hospital, String localId, String kana) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID())
                .setResource(FhirRecords.newPatient(hospital, localId, kana)).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient")
                .setIfNoneExist("identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        return bundle;
    }

    private HttpResponse<String> post(String token, String type, String body, String ifNoneExist) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + type))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json").header("If-None-Exist", ifNoneExist)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int version(HttpResponse<String> answer) {
        return UpdateRace.version(answer);
    }

    private HttpResponse<String> put(String token, String id, String patient, Facility hospital, String localId,
                                     double value) throws Exception {
        return put(token, id, patient, hospital, localId, value, null);
    }

    private HttpResponse<String> put(String token, String id, String patient, Facility hospital, String localId,
                                     double value, String ifMatch) throws Exception {
        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-04-01", value);
        lab.setId(id);
        lab.getSubject().setReference("Patient/" + patient);
        lab.setValue(new Quantity().setValue(value).setUnit("%").setSystem("http://unitsofmeasure.org").setCode("%"));
        String body = clients.context().newJsonParser().encodeResourceToString(lab);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Observation/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(90));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;

/**
 * The same transaction of conditional creates ({@code ifNoneExist}) sent several times at once, as a client's or a load
 * balancer's retry does while the first is still being stored (issue 41, the two-node crash drill): each resource is
 * stored once, as version 1; the first transaction creates it, every other one finds it (200 OK, FHIR's answer to a
 * matched {@code ifNoneExist}) and answers the same ids; each request leaves the audit rows it leaves when sent alone.
 */
@MusubiIntegrationTest
class ConcurrentConditionalCreateIT extends NetworkFixtures {

    private static final int SENDERS = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: its HTTP status, its Bundle, and the request id the server gave it (its audit rows carry it). */
    private record Answer(int status, Bundle bundle, String requestId) {

        List<String> statuses() {
            return bundle.getEntry().stream().map(e -> e.getResponse().getStatus()).toList();
        }

        /** The entries' resources as {@code Type/id} (without the version). */
        List<String> ids() {
            return bundle.getEntry().stream().map(e -> e.getResponse().getLocation().replaceAll("/_history/.*$", ""))
                    .toList();
        }
    }

    @Test
    void identicalConditionalCreatesSentAtOnceStoreEachResourceOnceAndAllAnswerItsIds() throws Exception {
        Facility hospital = accounts.newHospital();
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));

        // what one request leaves in the audit trail today, sent alone: first the creating one, then a repeat
        String alone = FhirRecords.localId();
        String aloneBundle = transaction(hospital, alone);
        Answer created = send(token, aloneBundle);
        Answer repeated = send(token, aloneBundle);
        assertThat(created.statuses()).containsExactly("201 Created", "201 Created");
        assertThat(repeated.statuses()).containsExactly("200 OK", "200 OK");
        assertThat(repeated.ids()).isEqualTo(created.ids());
        List<String> creatingRows = audit.ofRequest(0, created.requestId());
        List<String> findingRows = audit.ofRequest(0, repeated.requestId());
        assertThat(creatingRows).as("a creating transaction's audit rows").isNotEmpty();
        assertThat(findingRows).as("a finding transaction's audit rows").isNotEmpty().isNotEqualTo(creatingRows);

        String localId = FhirRecords.localId();
        String bundle = transaction(hospital, localId);
        long before = audit.max();
        List<Answer> answers = atOnce(token, bundle);

        assertThat(answers).extracting(Answer::status).as("every sender answered 200").containsOnly(200);
        List<String> ids = answers.getFirst().ids();
        assertThat(answers).extracting(Answer::ids).as("every sender answered the same resources").containsOnly(ids);
        assertThat(answers).extracting(Answer::statuses).as("one sender created them, every other found them")
                .containsOnlyOnce(List.of("201 Created", "201 Created"))
                .containsOnly(List.of("201 Created", "201 Created"), List.of("200 OK", "200 OK"));
        assertThat(jdbc.sql("""
                SELECT type, count(*) FROM resource WHERE source_facility = ? AND patient_key IN (
                  SELECT patient_key FROM resource WHERE source_facility = ? AND type = 'Patient' AND source_key = ?)
                GROUP BY type ORDER BY type""").params(hospital.id(), hospital.id(), localId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2)).list())
                .as("the patient and the observation stored once each").containsExactly("Observation 1", "Patient 1");
        assertThat(jdbc.sql("SELECT type || '/' || id || ' v' || version FROM resource WHERE source_facility = ?"
                        + " AND version > 1").param(hospital.id()).query(String.class).list())
                .as("nothing written twice").isEmpty();
        List<List<String>> rows = answers.stream().map(a -> audit.ofRequest(before, a.requestId())).toList();
        assertThat(rows).as("each request's audit rows, as when sent alone").containsOnlyOnce(creatingRows)
                .containsOnly(creatingRows, findingRows);
    }

    @Test
    void identicalConditionalCreatesOfAKnownPatientSentAtOnceStoreTheObservationOnce() throws Exception {
        Facility hospital = accounts.newHospital();
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String localId = FhirRecords.localId();
        Answer registered = send(token, transaction(hospital, localId));
        String patient = registered.ids().getFirst();
        String bundle = observationOnly(hospital, localId, patient, "OBS-" + localId + "-at-once");
        // what a transaction of the observation alone leaves in the audit trail, and its repeat
        String other = observationOnly(hospital, localId, patient, "OBS-" + localId + "-alone");
        Answer created = send(token, other);
        Answer repeated = send(token, other);
        assertThat(created.statuses()).containsExactly("201 Created");
        assertThat(repeated.statuses()).containsExactly("200 OK");
        List<String> creatingRows = audit.ofRequest(0, created.requestId());
        List<String> findingRows = audit.ofRequest(0, repeated.requestId());
        long before = audit.max();

        List<Answer> answers = atOnce(token, bundle);

        assertThat(answers).extracting(Answer::ids).as("every sender answered the same observation")
                .containsOnly(answers.getFirst().ids());
        assertThat(answers).extracting(Answer::statuses).as("one sender created it, every other found it")
                .containsOnlyOnce(List.of("201 Created")).containsOnly(List.of("201 Created"), List.of("200 OK"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'Observation'
                AND content::jsonb -> 'identifier' @> jsonb_build_array(jsonb_build_object('value', ?::text))""")
                .params(hospital.id(), "OBS-" + localId + "-at-once").query(Long.class).single())
                .as("the observation stored once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT type || '/' || id || ' v' || version FROM resource WHERE source_facility = ?"
                        + " AND version > 1").param(hospital.id()).query(String.class).list())
                .as("nothing written twice").isEmpty();
        List<List<String>> rows = answers.stream().map(a -> audit.ofRequest(before, a.requestId())).toList();
        assertThat(rows).as("each request's audit rows, as when sent alone").containsOnlyOnce(creatingRows)
                .containsOnly(creatingRows, findingRows);
    }

    /** {@link #SENDERS} threads send {@code bundle} at the same moment; their answers. */
    private List<Answer> atOnce(String token, String bundle) throws Exception {
        CountDownLatch ready = new CountDownLatch(SENDERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Answer> answers = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                sent.add(senders.submit(() -> {
                    ready.countDown();
                    go.await();
                    return send(token, bundle);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Answer> answer : sent) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
        }
        return answers;
    }

    /** The transaction as JSON: sent again, it is the same text, as a retry is. */
    private String transaction(Facility hospital, String localId) {
        return clients.context().newJsonParser().encodeResourceToString(FhirRecords.patientWithLab(hospital, localId, "ドウジ"));
    }

    /** A transaction of one Observation (a conditional create by its identifier {@code value}) about {@code patient}. */
    private String observationOnly(Facility hospital, String localId, String patient, String value) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Observation observation = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-04-02", 6.4);
        observation.addIdentifier().setSystem(FhirRecords.RESOURCE_IDS).setValue(value);
        observation.setSubject(new Reference(patient));
        FhirRecords.conditionalCreate(bundle, "urn:uuid:00000000-0000-0000-0000-000000000003", observation,
                "identifier=" + FhirRecords.RESOURCE_IDS + "|" + value);
        return clients.context().newJsonParser().encodeResourceToString(bundle);
    }

    private Answer send(String token, String bundle) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString(bundle))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("answer to the transaction: %s", answer.body()).isEqualTo(200);
        return new Answer(answer.statusCode(), clients.context().newJsonParser().parseResource(Bundle.class, answer.body()),
                answer.headers().firstValue("X-Request-Id").orElseThrow());
    }
}

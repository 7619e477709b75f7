package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;

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

    /** One acknowledged update: the resource, the version the server said it made, and the value sent. */
    private record Ack(String id, int version, double value) {
    }

    @Test
    void concurrentUpdatesOfTheSameResourcesNeverForkTheirHistory() throws Exception {
        Facility hospital = accounts.newHospital();
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < RESOURCES; r++) {
            Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-04-01", 6.0);
            lab.getSubject().setReference("Patient/" + patient);
            ids.add(fhir.create().resource(lab).execute().getId().getIdPart());
        }

        List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                start.await();
                for (int u = 0; u < UPDATES; u++) {
                    for (int r = 0; r < RESOURCES; r++) {
                        double value = 7.0 + client + u / 10.0 + r / 100.0;
                        HttpResponse<String> answer = put(token, ids.get(r), patient, hospital, localId, value);
                        if (answer.statusCode() != 200) {
                            failures.add(answer.statusCode() + " " + answer.body());
                        } else {
                            String etag = answer.headers().firstValue("ETag").orElseThrow();
                            acks.add(new Ack(ids.get(r), Integer.parseInt(etag.replaceAll("[^0-9]", "")), value));
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(failures).as("no update failed (no 5xx, no conflict without If-Match)").isEmpty();
        for (String id : ids) {
            List<Ack> mine = acks.stream().filter(a -> a.id().equals(id)).toList();
            List<Integer> acknowledged = mine.stream().map(Ack::version).sorted().toList();
            assertThat(acknowledged).as("each acknowledged version of %s was told once", id)
                    .doesNotHaveDuplicates().hasSize(CLIENTS * UPDATES);
            Bundle history = fhir.history().onInstance("Observation/" + id).returnBundle(Bundle.class)
                    .count(1000).execute();
            List<Integer> versions = history.getEntry().stream()
                    .map(e -> Integer.parseInt(e.getResource().getIdElement().getVersionIdPart())).sorted().toList();
            assertThat(versions).as("the history of %s: versions 1 to %d, each once", id, 1 + CLIENTS * UPDATES)
                    .isEqualTo(IntStream.rangeClosed(1, 1 + CLIENTS * UPDATES).boxed().toList());
            assertThat(acknowledged).as("every acknowledged version is in the history").isSubsetOf(versions);
            Observation current = fhir.read().resource(Observation.class).withId(id).execute();
            assertThat(Integer.parseInt(current.getIdElement().getVersionIdPart()))
                    .as("the current row is the newest version").isEqualTo(1 + CLIENTS * UPDATES);
            Ack newest = mine.stream().filter(a -> a.version() == 1 + CLIENTS * UPDATES).findFirst().orElseThrow();
            assertThat(current.getValueQuantity().getValue().doubleValue())
                    .as("the current row holds what the newest acknowledgement wrote").isEqualTo(newest.value());
            for (Ack ack : mine) {
                Observation then = fhir.read().resource(Observation.class).withIdAndVersion(id,
                        String.valueOf(ack.version())).execute();
                assertThat(then.getValueQuantity().getValue().doubleValue())
                        .as("version %d of %s holds the value its acknowledgement wrote", ack.version(), id)
                        .isEqualTo(ack.value());
            }
        }
    }

    private HttpResponse<String> put(String token, String id, String patient, Facility hospital, String localId,
                                     double value) throws Exception {
        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-04-01", value);
        lab.setId(id);
        lab.getSubject().setReference("Patient/" + patient);
        lab.setValue(new Quantity().setValue(value).setUnit("%").setSystem("http://unitsofmeasure.org").setCode("%"));
        String body = clients.context().newJsonParser().encodeResourceToString(lab);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Observation/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(90))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

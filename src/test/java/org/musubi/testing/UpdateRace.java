package org.musubi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.registry.Facility;

/**
 * Several systems updating the same Observations at once over the FHIR API (issue 66, build item 1): N clients × M
 * updates of each, through whatever base URL they are given — one node, or two behind the documented proxy — and the
 * checks that the history never forked, made afterwards through {@code fhir} (any node: they share the database).
 *
 * @param http    how the racing clients connect (the proxy's TLS client, or a plain one)
 * @param base    where they send their requests ({@code http://localhost:<port>}, or the proxy's {@code https://…})
 * @param fhir    a client of the hospital's system that stores the Observations and checks their history after
 * @param token   the hospital system's access token
 * @param patient the Patient the Observations are about
 * @param ids     the Observations raced on
 */
public record UpdateRace(HttpClient http, String base, FhirContext context, IGenericClient fhir, String token,
                         Facility hospital, String localId, String patient, List<String> ids) {

    /** One acknowledged update: the resource, the version the server said it made, and the value sent. */
    private record Ack(String id, int version, double value) {
    }

    /** One acknowledged version-aware update: the version its client read, the one it made, the value sent. */
    private record Versioned(String id, int read, int made, double value) {
    }

    /** A hospital's patient and {@code resources} lab Observations of it, stored through {@code fhir}; the race on them. */
    public static UpdateRace on(HttpClient http, String base, FhirContext context, IGenericClient fhir, String token,
                                Facility hospital, int resources) {
        String localId = FhirRecords.localId();
        String patient = FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < resources; r++) {
            Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-04-01", 6.0);
            lab.getSubject().setReference("Patient/" + patient);
            ids.add(fhir.create().resource(lab).execute().getId().getIdPart());
        }
        return new UpdateRace(http, base, context, fhir, token, hospital, localId, patient, List.copyOf(ids));
    }

    /**
     * Without {@code If-Match}: {@code clients} × {@code updates} of every resource at once, the last writer winning.
     * Then: no update failed (no 5xx, no conflict); every acknowledged version was told once and is in the history;
     * the history is versions 1..n, each once; the current row is the newest and holds what the newest acknowledgement
     * wrote; every acknowledged version holds the value its acknowledgement wrote.
     */
    public void lastWriterWins(int clients, int updates) throws Exception {
        List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        race(clients, client -> {
            for (int u = 0; u < updates; u++) {
                for (int r = 0; r < ids.size(); r++) {
                    double value = 7.0 + client + u / 10.0 + r / 100.0;
                    HttpResponse<String> answer = put(ids.get(r), value, null);
                    if (answer.statusCode() != 200) {
                        failures.add(answer.statusCode() + " " + answer.body());
                    } else {
                        acks.add(new Ack(ids.get(r), version(answer), value));
                    }
                }
            }
        });

        assertThat(failures).as("no update failed (no 5xx, no conflict without If-Match)").isEmpty();
        int newest = 1 + clients * updates;
        for (String id : ids) {
            List<Ack> mine = acks.stream().filter(a -> a.id().equals(id)).toList();
            List<Integer> acknowledged = mine.stream().map(Ack::version).sorted().toList();
            assertThat(acknowledged).as("each acknowledged version of %s was told once", id)
                    .doesNotHaveDuplicates().hasSize(clients * updates);
            List<Integer> versions = history(id);
            assertThat(versions).as("the history of %s: versions 1 to %d, each once", id, newest)
                    .isEqualTo(IntStream.rangeClosed(1, newest).boxed().toList());
            assertThat(acknowledged).as("every acknowledged version is in the history").isSubsetOf(versions);
            Observation current = fhir.read().resource(Observation.class).withId(id).execute();
            assertThat(Integer.parseInt(current.getIdElement().getVersionIdPart()))
                    .as("the current row is the newest version").isEqualTo(newest);
            Ack last = mine.stream().filter(a -> a.version() == newest).findFirst().orElseThrow();
            assertThat(current.getValueQuantity().getValue().doubleValue())
                    .as("the current row holds what the newest acknowledgement wrote").isEqualTo(last.value());
            for (Ack ack : mine) {
                assertThat(valueAt(id, ack.version()))
                        .as("version %d of %s holds the value its acknowledgement wrote", ack.version(), id)
                        .isEqualTo(ack.value());
            }
        }
    }

    /**
     * With {@code If-Match}: each client reads the resource, then writes the version it read, {@code updates} times
     * for every resource. Each write either makes the next version (200) or is told someone else was first (412);
     * nothing else, never 5xx; every acknowledged version replaced exactly the version its client read, and the
     * history is 1..n without a gap or a fork. Returns how many writes were told 412. Race on resources still at
     * version 1 (a fresh {@link #on}).
     */
    public int versionAware(int clients, int updates) throws Exception {
        List<Versioned> acks = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger conflicts = new AtomicInteger();
        race(clients, client -> {
            for (int u = 0; u < updates; u++) {
                for (int r = 0; r < ids.size(); r++) {
                    double value = 20.0 + client + u / 10.0 + r / 100.0;
                    HttpResponse<String> read = get(ids.get(r));
                    if (read.statusCode() != 200) {
                        failures.add("read " + read.statusCode() + " " + read.body());
                        continue;
                    }
                    int seen = version(read);
                    HttpResponse<String> answer = put(ids.get(r), value, "W/\"" + seen + "\"");
                    if (answer.statusCode() == 200) {
                        acks.add(new Versioned(ids.get(r), seen, version(answer), value));
                    } else if (answer.statusCode() == 412) {
                        conflicts.incrementAndGet();
                    } else {
                        failures.add(answer.statusCode() + " " + answer.body());
                    }
                }
            }
        });

        assertThat(failures).as("every answer was 200 or 412 (no 5xx)").isEmpty();
        assertThat(acks.size() + conflicts.get()).isEqualTo(clients * updates * ids.size());
        assertThat(acks).as("some writes got through").isNotEmpty();
        for (String id : ids) {
            List<Versioned> mine = acks.stream().filter(a -> a.id().equals(id)).toList();
            assertThat(mine).as("each acknowledged version of %s replaced the version its client read", id)
                    .allSatisfy(a -> assertThat(a.made()).isEqualTo(a.read() + 1));
            List<Integer> made = mine.stream().map(Versioned::made).sorted().toList();
            assertThat(made).as("versions 2.. of %s, each acknowledged once", id)
                    .isEqualTo(IntStream.rangeClosed(2, 1 + mine.size()).boxed().toList());
            assertThat(history(id)).as("the history of %s holds exactly the acknowledged versions", id)
                    .isEqualTo(IntStream.rangeClosed(1, 1 + mine.size()).boxed().toList());
            assertThat(current(id)).as("the current row is the newest version").isEqualTo(1 + mine.size());
            for (Versioned ack : mine) {
                assertThat(valueAt(id, ack.made()))
                        .as("version %d of %s holds the value its acknowledgement wrote", ack.made(), id)
                        .isEqualTo(ack.value());
            }
        }
        return conflicts.get();
    }

    /** What one racing client does; {@code client} is its number. */
    private interface Client {
        void run(int client) throws Exception;
    }

    private static void race(int clients, Client each) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    start.await();
                    each.run(client);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
    }

    private List<Integer> history(String id) {
        Bundle history = fhir.history().onInstance("Observation/" + id).returnBundle(Bundle.class).count(1000).execute();
        return history.getEntry().stream()
                .map(e -> Integer.parseInt(e.getResource().getIdElement().getVersionIdPart())).sorted().toList();
    }

    private int current(String id) {
        return Integer.parseInt(fhir.read().resource(Observation.class).withId(id).execute().getIdElement()
                .getVersionIdPart());
    }

    private double valueAt(String id, int version) {
        return fhir.read().resource(Observation.class).withIdAndVersion(id, String.valueOf(version)).execute()
                .getValueQuantity().getValue().doubleValue();
    }

    /** The version an answer's {@code ETag} names. */
    public static int version(HttpResponse<String> answer) {
        return Integer.parseInt(answer.headers().firstValue("ETag").orElseThrow().replaceAll("[^0-9]", ""));
    }

    private HttpResponse<String> get(String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/fhir/Observation/" + id))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json")
                .timeout(Duration.ofSeconds(90)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code PUT Observation/<id>} with {@code value}, naming the version {@code ifMatch} when it is not null. */
    public HttpResponse<String> put(String id, double value, String ifMatch) throws Exception {
        Observation lab = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2026-04-01", value);
        lab.setId(id);
        lab.getSubject().setReference("Patient/" + patient);
        lab.setValue(new Quantity().setValue(value).setUnit("%").setSystem("http://unitsofmeasure.org").setCode("%"));
        String body = context.newJsonParser().encodeResourceToString(lab);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/fhir/Observation/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(90));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

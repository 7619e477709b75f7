package org.musubi.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.AuditTrail;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.PharmacyNotebooks;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash drill of two nodes (issue 41): this test's server is node A, a {@code musubi serve} in a child JVM is node B,
 * one database. Three facility systems send their work to the nodes in turn — a pharmacy uploading JAHIS notebooks
 * (one file a request), a hospital sending FHIR transactions (a Patient and an Observation, both conditional creates),
 * another pharmacy uploading notebooks resumably (tus: creation, two parts, the batch) — while node B is killed with
 * SIGKILL at a random moment with requests in flight, {@code musubi.crash.two-node-kills} times, and started again. What
 * got no answer from B is sent again to A, as a load balancer's retry would (a tus upload resumes on A from the offset
 * A reports). At the end every file and transaction was answered (none refused), every dispensing and observation is
 * stored exactly once with one audit row, and the audit chain, written by both nodes, verifies.
 *
 * <p>{@code ./mvnw verify} kills node B once; {@code bench/two-node-drill.sh} runs the full drill (20 kills).
 */
@MusubiIntegrationTest
@Tag("drill")
class TwoNodeCrashDrillIT extends NetworkFixtures {

    private static final int KILLS = Integer.getInteger("musubi.crash.two-node-kills", 1);
    private static final int FILES_A_ROUND = 16;
    private static final int TRANSACTIONS_A_ROUND = 16;
    private static final int TUS_A_ROUND = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired DataSource dataSource;
    @Autowired PharmacyNotebooks notebooks;
    @Autowired AuditTrail trail;
    @TempDir Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger inFlightOnB = new AtomicInteger();
    private final AtomicInteger answeredByB = new AtomicInteger();
    private final AtomicInteger noAnswer = new AtomicInteger();
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();
    private SecondNode b;

    /** A call to one node; IOException when the node gave no answer. */
    private interface Call<T> {
        T on(int node) throws IOException, InterruptedException;
    }

    @Test
    void nodeBKilledMidRequestLosesNothingAndDuplicatesNothingWhileNodeAServes() throws Exception {
        Facility pharmacy = notebooks.pharmacy("二拠点停電薬局");
        Facility tusPharmacy = notebooks.pharmacy("二拠点再開薬局");
        Facility hospital = accounts.newHospital();
        String uploadToken = clients.token(port, clients.register(pharmacy, "system/*.write"));
        TusClient tus = new TusClient(clients.token(port, clients.register(tusPharmacy, "system/*.write")));
        String fhirToken = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        long auditBefore = audit.max();
        Random random = new Random(20260441);
        Random moments = new Random();
        int rounds = KILLS + 1;
        b = SecondNode.start(dataSource, work);
        int kills = 0;
        int killedMidRequest = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                List<byte[]> files = notebooks(FILES_A_ROUND, "停電" + round, "二拠点停電薬局", random);
                List<byte[]> resumable = notebooks(TUS_A_ROUND, "再開" + round, "二拠点再開薬局", random);
                // Each transaction's text is made once: a retry sends the very same request again, as a balancer would.
                List<String> patients = new ArrayList<>();
                for (int t = 0; t < TRANSACTIONS_A_ROUND; t++) {
                    patients.add(bundle(hospital, FhirRecords.localId()));
                }
                int first = round;
                List<Thread> systems = List.of(
                        Thread.ofPlatform().start(() -> forEach(files.size(), first, (i, node) -> upload(node, uploadToken,
                                "r" + first + "-" + i + ".txt", files.get(i)))),
                        Thread.ofPlatform().start(() -> forEach(patients.size(), first + 1, (i, node) ->
                                transaction(node, fhirToken, patients.get(i)))),
                        Thread.ofPlatform().start(() -> resumableUploads(tus, resumable, first)));
                if (round < KILLS) {
                    int after = answeredByB.get() + 1 + moments.nextInt(8);
                    Instant deadline = Instant.now().plusSeconds(120);
                    while ((answeredByB.get() < after || inFlightOnB.get() == 0) && Instant.now().isBefore(deadline)
                            && systems.stream().anyMatch(Thread::isAlive)) {
                        Thread.sleep(2);
                    }
                    Thread.sleep(moments.nextInt(20));
                    if (inFlightOnB.get() > 0) {
                        killedMidRequest++;
                    }
                    b.kill();
                    kills++;
                }
                for (Thread system : systems) {
                    system.join(TimeUnit.MINUTES.toMillis(5));
                    assertThat(system.isAlive()).as("a system still waits for an answer").isFalse();
                }
                if (round < KILLS) {
                    b.restart();
                }
            }
        } finally {
            System.out.printf("two-node crash drill: %d kills (%d with requests in flight on B), %d requests without an"
                    + " answer sent again to A, %d answered by B; %s%n", kills, killedMidRequest, noAnswer.get(),
                    answeredByB.get(), b.starts());
            b.close();
        }

        assertThat(refused).as("every request answered, none refused").isEmpty();
        assertThat(kills).isEqualTo(KILLS);
        assertThat(killedMidRequest).as("node B was killed with requests in flight").isPositive();
        StoredOnce.dispensings(jdbc, pharmacy, (long) rounds * FILES_A_ROUND * PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS,
                auditBefore);
        StoredOnce.dispensings(jdbc, tusPharmacy, (long) rounds * TUS_A_ROUND * PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS,
                auditBefore);
        long transactions = (long) rounds * TRANSACTIONS_A_ROUND;
        assertThat(StoredOnce.count(jdbc, "SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'Observation'",
                hospital)).as("every observation stored").isEqualTo(transactions);
        assertThat(StoredOnce.count(jdbc, "SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'Patient'",
                hospital)).as("every patient registered once").isEqualTo(transactions);
        assertThat(jdbc.sql("SELECT type || ' ' || source_key FROM resource WHERE source_facility = ? AND version > 1")
                .param(hospital.id()).query(String.class).list()).as("nothing written twice").isEmpty();
        StoredOnce.observationsAuditedOnce(jdbc, hospital, transactions, noAnswer.get(), auditBefore);
        assertThat(trail.verify().intact()).as("the audit chain written by both nodes").isTrue();
    }

    /** A piece of work sent to {@code node}. */
    private interface Work {
        void send(int item, int node) throws IOException, InterruptedException;
    }

    /** Sends item i to node B when i + first is even and to A otherwise; what B does not answer goes to A. */
    private void forEach(int items, int first, Work work) {
        for (int i = 0; i < items; i++) {
            int item = i;
            try {
                if ((i + first) % 2 == 0) {
                    Boolean answered = onB(node -> {
                        work.send(item, node);
                        return true;
                    });
                    if (answered != null) {
                        continue;
                    }
                }
                work.send(item, port);
            } catch (IOException e) {
                refused.add("node A gave no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | AssertionError e) {
                refused.add(e.toString());
            }
        }
    }

    /** The call on node B, counted in flight; null (or false) when B gave no answer. */
    private <T> T onB(Call<T> call) throws InterruptedException {
        inFlightOnB.incrementAndGet();
        try {
            T answer = call.on(b.port());
            answeredByB.incrementAndGet();
            return answer;
        } catch (IOException e) {
            noAnswer.incrementAndGet();
            return null;
        } finally {
            inFlightOnB.decrementAndGet();
        }
    }

    private void upload(int node, String token, String name, byte[] file) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node
                        + "/import/jahis?name=" + name)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            refused.add("upload " + name + " on " + node + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A hospital system's transaction for one new patient (the Patient and a lab result, each a conditional create). */
    private String bundle(Facility hospital, String localId) {
        return clients.context().newJsonParser().encodeResourceToString(FhirRecords.patientWithLab(hospital, localId, "テイデン"));
    }

    private void transaction(int node, String token, String bundle) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node + "/fhir"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(bundle))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            refused.add("transaction " + bundle.hashCode() + " on " + node + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** The tus uploads of a round, begun on B and A in turn (each takes care of B's silence itself). */
    private void resumableUploads(TusClient tus, List<byte[]> files, int round) {
        for (int i = 0; i < files.size(); i++) {
            try {
                resumableUpload((i + round) % 2 == 0 ? b.port() : port, tus, "t" + round + "-" + i + ".txt", files.get(i));
            } catch (IOException e) {
                refused.add("node A gave no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | AssertionError e) {
                refused.add(e.toString());
            }
        }
    }

    /**
     * A tus upload begun on {@code node}: creation, two parts, the batch. Whatever step B does not answer, the upload
     * goes on at A: a creation without an answer is made again there; a part from the offset A reports; the batch asked
     * of A until it is done.
     */
    private void resumableUpload(int node, TusClient tus, String name, byte[] file) throws IOException, InterruptedException {
        String upload = null;
        int current = node;
        while (upload == null) {
            int target = current;
            HttpResponse<String> created = target == port ? tus.create(port, "jahis", name, file.length)
                    : onB(n -> tus.create(n, "jahis", name, file.length));
            if (created == null) {
                current = port;
                continue;
            }
            if (created.statusCode() != 201) {
                refused.add("tus creation " + name + ": " + created.statusCode() + " " + created.body());
                return;
            }
            upload = TusClient.path(created);
        }
        int[] cuts = {0, file.length / 2, file.length};
        for (int part = 0; part < 2; part++) {
            String path = upload;
            int from = cuts[part];
            int to = cuts[part + 1];
            HttpResponse<String> patched = current == port ? tus.patch(port, path, file, from, to)
                    : onB(n -> tus.patch(n, path, file, from, to));
            if (patched == null) {
                current = port;
                long held = tus.offset(port, path);
                if (held < 0) {
                    refused.add("tus upload " + name + " unknown to A after B's kill");
                    return;
                }
                if (held < file.length) {
                    HttpResponse<String> resumed = tus.patch(port, path, file, (int) held, file.length);
                    if (resumed.statusCode() != 204) {
                        refused.add("tus upload " + name + " resumed on A: " + resumed.statusCode() + " " + resumed.body());
                        return;
                    }
                }
                break;
            }
            if (patched.statusCode() != 204) {
                refused.add("tus part " + name + ": " + patched.statusCode() + " " + patched.body());
                return;
            }
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            String path = upload;
            HttpResponse<String> batch = current == port ? tus.batch(port, path) : onB(n -> tus.batch(n, path));
            if (batch == null) {
                current = port;
                continue;
            }
            String status = batch.statusCode() == 200 ? JSON.readTree(batch.body()).path("status").asString("") : "";
            if (status.equals("DONE")) {
                return;
            }
            if (Instant.now().isAfter(deadline) || batch.statusCode() / 100 != 2 && batch.statusCode() != 404) {
                refused.add("tus batch " + name + ": " + batch.statusCode() + " " + batch.body());
                return;
            }
            Thread.sleep(200);
        }
    }

    private static List<byte[]> notebooks(int count, String family, String pharmacy, Random random) {
        List<byte[]> files = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            files.add(PharmacyNotebooks.randomNotebook("試験 " + family + n, "テイデン", pharmacy, random)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}

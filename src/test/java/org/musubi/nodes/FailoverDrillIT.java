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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.AuditTrail;
import org.musubi.registry.Facility;
import org.musubi.testing.ChildServers;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.PgAutoFailover;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.TestDirs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PostgreSQL failover under load (issue 66): Debian's pg_auto_failover runs a monitor, a primary (node1) and a
 * synchronous secondary (node2); two Musubi nodes — this test's server (A) and a {@code musubi serve} in a child JVM
 * (B) — reach the primary through PgJDBC's list of both hosts ({@code targetServerType=primary}). While a hospital
 * sends FHIR transactions, a pharmacy uploads JAHIS notebooks and another uploads notebooks resumably (tus), each
 * request to A and B in turn, node1's machine is lost (its keeper and PostgreSQL killed with SIGKILL). Every system
 * sends a request that failed again to the same node, as a facility's system does. The drill shows node2 promoted, both
 * Musubi nodes writing again by themselves (nothing restarted), every acknowledged write stored once with its audit row,
 * the audit chain verifying, and the time from the kill to each node's first successful write.
 *
 * <p>Run by {@code bench/failover-drill.sh} ({@code -Dmusubi.failover.drill=true}); skipped without pg_autoctl.
 */
@MusubiIntegrationTest
@DirtiesContext
@EnabledIfSystemProperty(named = "musubi.failover.drill", matches = "true",
        disabledReason = "a bench drill: bench/failover-drill.sh runs it")
@EnabledIf(value = "org.musubi.testing.PgAutoFailover#installed",
        disabledReason = "pg_autoctl not installed (Debian: apt-get install postgresql-15-auto-failover)")
@Tag("drill")
class FailoverDrillIT extends NetworkFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long the load runs after both nodes wrote again, so that writes after the failover are many. */
    private static final Duration AFTER = Duration.ofSeconds(Long.getLong("musubi.failover.after-seconds", 10));
    private static PgAutoFailover cluster;

    @Autowired AuditTrail trail;
    @Autowired PharmacyNotebooks notebooks;
    @TempDir Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Queue<String> acknowledgedObservations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledgedFiles = new AtomicInteger();
    /** Each acknowledged JAHIS file's name and what the node answered (to say which one is missing, if one is). */
    private final java.util.Map<String, String> fileAnswers = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger acknowledgedTus = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    /** Per node (0 = A, 1 = B): when its first write that began after the kill was acknowledged (nanoTime; 0 = none). */
    private final AtomicLong[] firstWriteAfterKill = {new AtomicLong(), new AtomicLong()};
    private volatile long killedAt;
    private volatile boolean stop;

    @DynamicPropertySource
    static void onTheCluster(DynamicPropertyRegistry registry) throws Exception {
        cluster = PgAutoFailover.start();
        // The cluster ends with the JVM, after DirtiesContext has closed this class's context (which still uses it).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        registry.add("musubi.database.url", cluster::jdbcUrl);
        registry.add("musubi.database.user", () -> PgAutoFailover.APP);
        registry.add("musubi.database.password", () -> PgAutoFailover.APP_PASSWORD);
        registry.add("musubi.database.owner-user", () -> PgAutoFailover.OWNER);
        registry.add("musubi.database.owner-password", () -> PgAutoFailover.OWNER_PASSWORD);
    }

    @Test
    void thePrimarysLossIsSurvivedWithoutLosingAnAcknowledgedWrite() throws Exception {
        System.out.println("failover drill: cluster\n" + cluster.state() + "synchronous_standby_names = "
                + cluster.ask(1, "SHOW synchronous_standby_names"));
        Facility hospital = accounts.newHospital();
        Facility pharmacy = notebooks.pharmacy("切替訓練薬局");
        Facility tusPharmacy = notebooks.pharmacy("切替訓練再開薬局");
        String fhirToken = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String uploadToken = clients.token(port, clients.register(pharmacy, "system/*.write"));
        TusClient tus = new TusClient(clients.token(port, clients.register(tusPharmacy, "system/*.write")));
        long auditBefore = audit.max();
        Process b = startNodeB();
        int[] nodes = {port, 0};
        try {
            nodes[1] = nodeBPort;
            // An item sent again is the very same request: the same patient, the same notebook.
            String run = FhirRecords.localId();
            List<Thread> systems = List.of(
                    Thread.ofPlatform().start(() -> system("transaction", i -> transaction(nodes[i % 2], fhirToken,
                            hospital, run + "-" + i, i % 2))),
                    Thread.ofPlatform().start(() -> system("upload", i -> upload(nodes[i % 2], uploadToken,
                            notebook("切替" + i, "切替訓練薬局", i), "f" + i + ".txt", i % 2))),
                    Thread.ofPlatform().start(() -> system("tus", i -> resumable(nodes[i % 2], tus,
                            notebook("再開" + i, "切替訓練再開薬局", i), "t" + i + ".txt", i % 2))));
            while (acknowledgedObservations.size() < 10 || acknowledgedFiles.get() < 6 || acknowledgedTus.get() < 4) {
                Thread.sleep(100);
            }
            // synchronous replication as it was at the kill: pg_auto_failover turns it off (the primary assigned
            // wait_primary) while it thinks the standby is away, and a write acknowledged then may be lost
            String synchronousAtKill = cluster.ask(1, "SHOW synchronous_standby_names");
            long before = System.nanoTime();
            cluster.kill(1);
            this.synchronousAtKill = synchronousAtKill;
            killedAt = before;
            Thread.ofPlatform().start(this::watchPromotion);
            while (firstWriteAfterKill[0].get() == 0 || firstWriteAfterKill[1].get() == 0) {
                assertThat(System.nanoTime() - killedAt).as("both nodes write again within 5 minutes")
                        .isLessThan(TimeUnit.MINUTES.toNanos(5));
                Thread.sleep(100);
            }
            Thread.sleep(AFTER.toMillis());
            stop = true;
            for (Thread system : systems) {
                system.join(TimeUnit.MINUTES.toMillis(3));
                assertThat(system.isAlive()).as("a system still waits for an answer").isFalse();
            }
        } finally {
            stop = true;
            b.destroy();
            b.waitFor(60, TimeUnit.SECONDS);
        }
        System.out.printf("failover drill: node1 (primary) killed; node2 promoted after %.1f s; first acknowledged write"
                        + " after the kill: node A %.1f s, node B %.1f s; %d requests failed meanwhile and were sent again;"
                        + " acknowledged: %d transactions, %d JAHIS files, %d tus uploads%n%s%n", promotedAfter / 1e9,
                (firstWriteAfterKill[0].get() - killedAt) / 1e9, (firstWriteAfterKill[1].get() - killedAt) / 1e9,
                failed.get(), acknowledgedObservations.size(), acknowledgedFiles.get(), acknowledgedTus.get(),
                failures.stream().limit(12).toList());

        System.out.println("failover drill: synchronous_standby_names at the kill = " + synchronousAtKill
                + "\nfailover drill: the monitor's events\n" + cluster.events(40));
        assertThat(cluster.ask(2, "SELECT pg_is_in_recovery()")).as("node2 promoted").isEqualTo("f");
        Set<String> stored = jdbc.sql("SELECT 'Observation/' || id FROM resource WHERE source_facility = ? AND type = "
                + "'Observation'").param(hospital.id()).query(String.class).set();
        assertThat(stored).as("every acknowledged observation stored").containsAll(acknowledgedObservations);
        assertThat(StoredOnce.count(jdbc, "SELECT count(*) FROM resource WHERE source_facility = ? AND version > 1",
                hospital)).as("nothing written twice").isZero();
        StoredOnce.observationsAuditedOnce(jdbc, hospital, stored.size(), failed.get(), auditBefore);
        describeFilesNotStored(pharmacy);
        StoredOnce.dispensings(jdbc, pharmacy, (long) acknowledgedFiles.get() * PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS,
                auditBefore);
        StoredOnce.dispensings(jdbc, tusPharmacy, (long) acknowledgedTus.get() * PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS,
                auditBefore);
        assertThat(trail.verify().intact()).as("the audit chain across the failover").isTrue();
        // after what matters most (nothing acknowledged lost): how the outage was answered
        assertThat(failures).as("while the database is away a request is answered 503 with Retry-After (send it again),"
                + " never as an internal error").noneMatch(f -> f.matches("(?s)[a-z ]+ on [AB]: 5(?!03)\\d\\d .*"));
    }

    /**
     * When fewer dispensings are stored than acknowledged: prints each acknowledged JAHIS file as the ledger holds it,
     * with the node's answer, to say which one is missing.
     */
    private void describeFilesNotStored(Facility pharmacy) {
        if (StoredOnce.count(jdbc, "SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationDispense'",
                pharmacy) == (long) acknowledgedFiles.get() * PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS) {
            return;
        }
        java.util.Map<String, String> ledger = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT f.path, f.records || ' records, ' || f.rejected || ' rejected, batch ' || b.id || ' ' || b.status
                FROM import_file f JOIN import_batch b ON b.id = f.batch_id JOIN import_source s ON s.id = f.source_id
                WHERE s.facility_id = ?""").param(pharmacy.id())
                .query((rs, n) -> ledger.put(rs.getString(1), rs.getString(2))).list();
        fileAnswers.forEach((name, answer) -> {
            String held = ledger.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().endsWith("/" + name)).map(java.util.Map.Entry::getValue)
                    .findFirst().orElse(null);
            System.out.println("failover drill: acknowledged file " + name + " in the ledger: " + held + "; answered: "
                    + answer);
        });
    }

    private volatile long promotedAfter;
    private volatile String synchronousAtKill;
    private int nodeBPort;

    private Process startNodeB() throws Exception {
        nodeBPort = ChildServers.freePort();
        ProcessBuilder builder = new ProcessBuilder(ChildServers.serveCommand(nodeBPort,
                "--musubi.blob.directory=" + TestDirs.arg("it-blobs"), "--musubi.ingest.upload-max-size=2MB",
                "--musubi.ingest.upload-directory=" + work.resolve("node-b-uploads"), "--musubi.fhir.validation=rules"));
        builder.environment().putAll(Map.of("MUSUBI_DB_URL", cluster.jdbcUrl(), "MUSUBI_DB_USER", PgAutoFailover.APP,
                "MUSUBI_DB_PASSWORD", PgAutoFailover.APP_PASSWORD, "MUSUBI_DB_OWNER_USER", PgAutoFailover.OWNER,
                "MUSUBI_DB_OWNER_PASSWORD", PgAutoFailover.OWNER_PASSWORD));
        Path log = work.resolve("node-b.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return ChildServers.start(builder, nodeBPort, log, Duration.ofMinutes(6));
    }

    private void watchPromotion() {
        try {
            cluster.awaitState(Duration.ofMinutes(5), Map.of("node2", "wait_primary"));
            promotedAfter = System.nanoTime() - killedAt;
        } catch (IOException | RuntimeException e) {
            failures.add("promotion: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One write, true once acknowledged; false (or IOException) when it must be sent again. */
    private interface Write {
        boolean send(int item) throws IOException, InterruptedException;
    }

    /** A facility's system: its items one after another, each sent again to the same node until acknowledged. */
    private void system(String kind, Write write) {
        for (int item = 0; !stop; item++) {
            while (true) {
                long began = System.nanoTime();
                boolean acknowledged;
                try {
                    acknowledged = write.send(item);
                } catch (IOException e) {
                    failures.add(kind + " on " + (item % 2 == 0 ? "A" : "B") + ": " + e);
                    acknowledged = false;
                } catch (InterruptedException e) {
                    return;
                }
                if (acknowledged) {
                    if (killedAt != 0 && began > killedAt) {
                        firstWriteAfterKill[item % 2].compareAndSet(0, System.nanoTime());
                    }
                    break;
                }
                failed.incrementAndGet();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private boolean transaction(int node, String token, Facility hospital, String localId, int which)
            throws IOException, InterruptedException {
        String bundle = clients.context().newJsonParser().encodeResourceToString(
                FhirRecords.patientWithLab(hospital, localId, "キリカエ"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node + "/fhir"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            failures.add("transaction on " + (which == 0 ? "A" : "B") + ": " + answer.statusCode() + " " + brief(answer));
            return false;
        }
        Bundle response = clients.context().newJsonParser().parseResource(Bundle.class, answer.body());
        for (Bundle.BundleEntryComponent entry : response.getEntry()) {
            String location = entry.getResponse().getLocation();
            if (location != null && location.startsWith("Observation/")) {
                acknowledgedObservations.add(location.replaceAll("/_history/.*", ""));
            }
        }
        return true;
    }

    private boolean upload(int node, String token, byte[] file, String name, int which) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node
                        + "/import/jahis?name=" + name)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            failures.add("upload on " + (which == 0 ? "A" : "B") + ": " + answer.statusCode() + " " + brief(answer));
            return false;
        }
        acknowledgedFiles.incrementAndGet();
        fileAnswers.put(name, (which == 0 ? "A " : "B ") + java.time.Instant.now() + " " + answer.body());
        return true;
    }

    /** A tus upload on one node, from creation to its batch, each step sent again until it succeeds. */
    private boolean resumable(int node, TusClient tus, byte[] file, String name, int which)
            throws IOException, InterruptedException {
        String upload = null;
        while (upload == null) {
            HttpResponse<String> created = step(() -> tus.create(node, "jahis", name, file.length));
            if (created != null && created.statusCode() == 201) {
                upload = TusClient.path(created);
            } else {
                note("tus creation", which, created);
            }
        }
        while (true) {
            String path = upload;
            long held = -1;
            try {
                held = tus.offset(node, path);
            } catch (IOException e) {
                note("tus HEAD", which, null);
            }
            if (held == file.length) {
                break;
            }
            if (held >= 0) {
                int from = (int) held;
                int to = from == 0 ? file.length / 2 : file.length;
                HttpResponse<String> patched = step(() -> tus.patch(node, path, file, from, to));
                if (patched == null || patched.statusCode() != 204) {
                    note("tus PATCH", which, patched);
                }
            }
        }
        for (int tries = 0; tries < 600; tries++) {
            String path = upload;
            HttpResponse<String> batch = step(() -> tus.batch(node, path));
            if (batch != null && batch.statusCode() == 200
                    && JSON.readTree(batch.body()).path("status").asString("").equals("DONE")) {
                acknowledgedTus.incrementAndGet();
                return true;
            }
            Thread.sleep(200);
        }
        failures.add("tus batch " + name + " never done");
        return false;
    }

    private interface Step {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private HttpResponse<String> step(Step step) throws InterruptedException {
        try {
            return step.send();
        } catch (IOException e) {
            return null;
        }
    }

    private void note(String what, int which, HttpResponse<String> answer) throws InterruptedException {
        failed.incrementAndGet();
        failures.add(what + " on " + (which == 0 ? "A" : "B") + ": " + (answer == null ? "no answer"
                : answer.statusCode() + " " + brief(answer)));
        Thread.sleep(200);
    }

    private static String brief(HttpResponse<String> answer) {
        String body = answer.body();
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /** Item {@code item}'s notebook, the same bytes each time it is asked for. */
    private static byte[] notebook(String family, String pharmacy, int item) {
        return PharmacyNotebooks.randomNotebook("試験 " + family, "キリカエ", pharmacy, new Random(20261166L + item))
                .getBytes(StandardCharsets.UTF_8);
    }
}

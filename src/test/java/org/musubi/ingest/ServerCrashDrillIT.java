package org.musubi.ingest;

import org.musubi.testing.TestDirs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.AuditTrail;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.ChildJvms;
import org.musubi.testing.ChildServers;
import org.musubi.testing.FhirClients;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crash drill of the server (issue 7): the real server runs in a child process against this test's
 * database while a pharmacy's system uploads JAHIS notebooks to it over HTTP, one file a request,
 * and is killed with SIGKILL at a random moment of each run, {@code musubi.crash.server-kills} times.
 * The system sends again what it got no answer for, as a real one would. At the end every notebook
 * whose upload was acknowledged, and every other one, is stored exactly once, nothing has a second
 * version, each dispensing has one audit row, and the audit chain verifies.
 *
 * <p>{@code ./mvnw verify} kills the server once among 100 notebooks (each kill a server start, the
 * drill's main cost; the kill comes after 1 to 30 acknowledged notebooks, so it lands mid-upload);
 * {@code bench/crash-drill.sh} runs the full drill, 20 kills among 800 notebooks (40 a kill, at least 100), and
 * {@code --kills=100} on demand.
 */
@MusubiIntegrationTest
@Tag("drill")
class ServerCrashDrillIT {

    private static final int KILLS = Integer.getInteger("musubi.crash.server-kills", 1);
    /** 40 a kill, at least 100: a run sees at most about 35 answers before its kill, so every kill finds files left. */
    private static final int NOTEBOOKS = Math.max(40 * KILLS, 100);

    @Autowired Facilities facilities;
    @Autowired FhirClients clients;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired AuditTrail audit;

    @TempDir Path folder;
    @TempDir Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int children;
    private long startingNanos;

    @Test
    void aServerKilledWhileFilesAreUploadedLosesNoAcknowledgedRecordAndStoresNothingTwice() throws Exception {
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "停電薬局");
        ApiClientAdministration.NewApiClient system = clients.register(pharmacy, "system/*.write");
        long auditBefore = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
        int dispensings = CrashDrillIT.writeNotebooks(folder, NOTEBOOKS, new Random(20261123));
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.sorted().toList();
        }
        Set<Path> acknowledged = new LinkedHashSet<>();
        Random moments = new Random();
        int killedMidUpload = 0;
        int kills = 0;
        for (int run = 0; run < KILLS && acknowledged.size() < files.size(); run++) {
            int port = ChildServers.freePort();
            Process server = server(port, true);
            String token = clients.token(port, system);
            AtomicInteger answered = new AtomicInteger();
            Thread uploader = Thread.ofPlatform().start(() -> upload(port, token, files, acknowledged, answered));
            long killAfter = 1 + moments.nextInt(30);
            while (answered.get() < killAfter && uploader.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(moments.nextInt(60));
            if (uploader.isAlive()) {
                killedMidUpload++;
            }
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            kills++;
            uploader.join(TimeUnit.SECONDS.toMillis(30));
        }
        int beforeLastRun = acknowledged.size();
        int port = ChildServers.freePort();
        Process last = server(port, false);
        upload(port, clients.token(port, system), files, acknowledged, new AtomicInteger());
        last.destroy();
        last.waitFor(60, TimeUnit.SECONDS);

        System.out.printf("server crash drill: %d kills (%d while uploading), %d of %d notebooks acknowledged before the"
                + " last run; %d server starts took %.1f s%n", kills, killedMidUpload, beforeLastRun, files.size(), children,
                startingNanos / 1e9);
        assertThat(kills).as("kills").isEqualTo(KILLS);
        assertThat(killedMidUpload).as("the server was killed while files were being uploaded").isPositive();
        assertThat(acknowledged).as("every notebook acknowledged in the end").hasSize(files.size());
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationDispense'", pharmacy))
                .as("every dispensing stored").isEqualTo(dispensings);
        assertThat(count("SELECT count(DISTINCT (patient_key, source_key)) FROM resource WHERE source_facility = ?"
                + " AND type = 'MedicationDispense'", pharmacy)).as("no duplicates").isEqualTo(dispensings);
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND version > 1", pharmacy))
                .as("nothing written twice").isZero();
        assertThat(count("SELECT count(*) FROM resource_version v JOIN resource r USING (patient_key, id)"
                + " WHERE r.source_facility = ?", pharmacy)).as("no earlier versions").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE seq > ? AND facility_id = ? AND reason LIKE 'import JAHIS jahis:dispense%'""")
                .params(auditBefore, pharmacy.id()).query(Long.class).single())
                .as("one audit row per dispensing, none lost with a kill, none twice").isEqualTo(dispensings);
        assertThat(audit.verify().intact()).as("the audit chain").isTrue();
    }

    /** Uploads the files not yet acknowledged, one a request, until all are or the server stops answering. */
    private void upload(int port, String token, List<Path> files, Set<Path> acknowledged, AtomicInteger answered) {
        for (Path file : files) {
            if (acknowledged.contains(file)) {
                continue;
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/import/jahis?name=" + file.getFileName())).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(file.getFileName() + " answered " + answer.statusCode() + ": " + answer.body());
                }
                acknowledged.add(file);
                answered.incrementAndGet();
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * {@code musubi serve} in a child JVM on {@code port}, against this test's PostgreSQL; returns once it is up.
     * {@code toKill}: it is to end with SIGKILL (it does not write the children's class-data archive, {@link ChildJvms}).
     */
    private Process server(int port, boolean toKill) throws Exception {
        Path log = work.resolve("server-" + (++children) + ".log");
        String[] options = {"-Xmx512m", "-XX:TieredStopAtLevel=1"};
        List<String> command = new ArrayList<>(toKill ? ChildJvms.javaToKill(options) : ChildJvms.java(options));
        command.addAll(List.of("org.musubi.Musubi", "serve", "--server.port=" + port, "--musubi.security.secret-key-file=" + TestDirs.arg("it-secret.key"),
                // The shared test database is in demo mode: a server outside demo mode would disable its demo accounts.
                "--musubi.demo.enabled=true", "--musubi.demo.import-persons=0", "--musubi.ingest.watch=false",
                "--musubi.ingest.upload-directory=" + work.resolve("uploads-" + children),
                "--musubi.fhir.validation=rules", "--logging.structured.format.console="));
        ProcessBuilder builder = new ProcessBuilder(command);
        EmbeddedClusters.shareWith(builder, dataSource);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process server = ChildServers.start(builder, port, log, Duration.ofMinutes(3));
        startingNanos += System.nanoTime() - started;
        return server;
    }

    private long count(String sql, Facility pharmacy) {
        return jdbc.sql(sql).param(pharmacy.id()).query(Long.class).single();
    }
}

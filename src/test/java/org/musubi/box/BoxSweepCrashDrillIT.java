package org.musubi.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Purpose;
import org.musubi.blob.BlobProperties;
import org.musubi.blob.BlobStore;
import org.musubi.database.JobLocks;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.ChildServers;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crash drill of Box's expiry sweep (issue 43): a few hundred files, uploaded through Box as they would be eight days
 * ago (so expired a day ago; some downloaded meanwhile), live files beside them (two with the same bytes as expired
 * ones), and parts a crashed upload left without rows. The real server, {@code musubi serve} in a child JVM on this
 * test's database and blob directory, sweeps with {@code musubi.box.sweep-every=100ms} and is killed with SIGKILL in
 * the middle of its sweep: the test holds the row of one expired file (the k-th, at random), so the server stops
 * exactly there, that file's content deleted and its rows not (the half state a crash leaves), k files before it done,
 * the rest untouched — all of it checked in the database before the kill. The sweep is then run again. At the end no
 * row of an expired file is left (files, recipients, downloads), no part of one, no leftover part older than the
 * retention; each expired file has exactly one deletion audit row ({@code DELETE box.expired} by {@code box-sweep}),
 * a live file none, and still downloads with its bytes; the audit chain verifies.
 *
 * <p>No other sweep runs meanwhile: the test holds the sweep's job lock except while the child sweeps.
 * {@code ./mvnw verify} sweeps 300 files; {@code bench/box-sweep-drill.sh} a few thousand
 * ({@code -Dmusubi.crash.box-files}).
 */
@MusubiIntegrationTest
@Tag("drill")
class BoxSweepCrashDrillIT extends NetworkFixtures {

    private static final int FILES = Integer.getInteger("musubi.crash.box-files", 300);
    /** Kills at random moments after the one at a chosen file (the benchmark's drill; none in ./mvnw verify). */
    private static final int KILLS = Integer.getInteger("musubi.crash.box-kills", 0);
    /** The child's connections say who they are, so that the test knows its sweep from any other. */
    private static final String CHILD = "musubi-box-sweep-drill";
    private static final Duration RETENTION = BoxSettings.DEFAULTS.retention();

    @Autowired Box box;
    @Autowired SendFiles sendFiles;
    @Autowired SweepExpiredFiles sweepExpiredFiles;
    @Autowired DownloadFile downloadFile;
    @Autowired BoxStore store;
    @Autowired BoxContent content;
    @Autowired Audit auditLog;
    @Autowired AuditTrail trail;
    @Autowired BlobStore blobs;
    @Autowired BlobProperties blobProperties;
    @Autowired JobLocks jobs;
    @Autowired DataSource dataSource;
    @TempDir Path work;
    private int starts;

    @Test
    void aSweepKilledMidwayIsFinishedByTheNextRunWithNothingLeftAndEachDeletionAuditedOnce() throws Exception {
        long began = System.nanoTime();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility office = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User pharmacist = accounts.memberOf(accounts.facilityOf(FacilityKind.PHARMACY), Profession.PHARMACIST);
        User nurse = accounts.memberOf(office, Profession.NURSE);
        Box.Recipients to = new Box.Recipients(Set.of(pharmacist.id()), office.id(), Set.of(Profession.NURSE));
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int k = FILES / 4 + random.nextInt(FILES / 2);
        String drill = "box sweep crash drill (seed " + seed + ", killed at file " + k + " of " + FILES + ")";
        Path parts = blobProperties.directory().toAbsolutePath().resolve("parts");

        JobLocks.Held sweepLock = jobs.hold(BoxSweeps.JOB); // no sweep anywhere while the files are made
        List<BoxFile> expired;
        List<BoxFile> live;
        List<byte[]> liveBytes = new ArrayList<>();
        List<Long> atKills = new ArrayList<>(); // files deleted when each random kill came
        UUID oldLeftover = UUID.randomUUID();
        UUID freshLeftover = UUID.randomUUID();
        try {
            List<byte[]> expiredBytes = new ArrayList<>();
            for (int i = 0; i < FILES; i++) {
                expiredBytes.add(bytes(random, 200 + random.nextInt(4_000)));
            }
            Box eightDaysAgo = new Box(store, content, auditLog, Clock.offset(Clock.systemUTC(), Duration.ofDays(-8)),
                    new Box.Options(BoxSettings.DEFAULTS, () -> false));
            Box.Sent sent = new SendFiles(eightDaysAgo).send(reader(doctor), expiredBytes.stream().map(b -> upload("期限切れ.bin", b))
                    .toList(), to, "掃除の停電試験");
            assertThat(sent.faults()).isEmpty();
            expired = sent.files();
            for (int i = 0; i < FILES; i += 10) {
                try (InputStream in = new DownloadFile(eightDaysAgo).download(reader(i % 20 == 0 ? nurse : pharmacist), expired.get(i).id())
                        .orElseThrow().content()) {
                    assertThat(in.readAllBytes()).isEqualTo(expiredBytes.get(i));
                }
            }
            liveBytes.addAll(List.of(expiredBytes.get(k), expiredBytes.getFirst(), bytes(random, 5_000),
                    bytes(random, 70_000), bytes(random, 1)));
            live = sendFiles.send(reader(doctor), liveBytes.stream().map(b -> upload("有効.bin", b)).toList(), to, null).files();
            assertThat(live).hasSize(liveBytes.size());
            // Content of uploads cut off by a crash before their rows (and an edited version's, of a file now gone): older
            // than the retention; and one just written.
            for (String leftover : List.of("box-" + oldLeftover, "box-" + oldLeftover + "-0123456789abcdef")) {
                blobs.putPart(leftover, new ByteArrayInputStream(bytes(random, 300)), 1_000);
                Files.setLastModifiedTime(parts.resolve(leftover),
                        FileTime.from(Instant.now().minus(RETENTION).minus(Duration.ofDays(1))));
            }
            blobs.putPart("box-" + freshLeftover, new ByteArrayInputStream(bytes(random, 300)), 1_000);

            List<UUID> ids = expired.stream().map(BoxFile::id).toList();
            assertThat(rows("box_download", ids)).as("downloads of expired files").isEqualTo((FILES + 9) / 10);
            assertThat(rows("box_recipient", ids)).as("recipients of expired files").isEqualTo(2L * FILES);

            // The server sweeps and is killed in the middle: it stops at the k-th file, whose row this test holds.
            BoxFile cut = expired.get(k);
            try (Connection rowLock = dataSource.getConnection()) {
                rowLock.setAutoCommit(false);
                int holder = holdRow(rowLock, cut.id());
                int port = ChildServers.freePort();
                Process server = server(port);
                sweepLock.close();
                waitFor(() -> blockedSweep(holder), Duration.ofSeconds(60), drill + ": the server's sweep"
                        + " never reached the held file");
                assertThat(deleted(ids)).as(drill + ": files deleted when the server is killed").isEqualTo(k);
                assertThat(deletionAudits(ids).values().stream().mapToInt(List::size).sum())
                        .as(drill + ": their audit rows").isEqualTo(k);
                kill(server);
                rowLock.rollback();
                childSessionsEnded();
            }
            sweepLock = jobs.hold(BoxSweeps.JOB);

            // What the kill left: k files gone with their content, the k-th's content gone and its rows kept, the rest whole.
            for (int i = 0; i < FILES; i++) {
                BoxFile file = expired.get(i);
                boolean rows = store.find(file.id()).isPresent();
                boolean part = Files.exists(parts.resolve(file.part()));
                assertThat(List.of(rows, part)).as(drill + ": rows and content of file " + i)
                        .isEqualTo(i < k ? List.of(false, false) : i == k ? List.of(true, false) : List.of(true, true));
            }
            assertThat(deletionAudits(List.of(cut.id()))).as("the file cut off has no deletion audit row yet").isEmpty();

            // More kills at random moments (the benchmark's drill): each file whole, or gone with one audit row.
            for (int round = 1; round <= KILLS; round++) {
                long before = deleted(ids);
                long target = before + 1 + random.nextInt((int) Math.max(1, (FILES - before) / (KILLS - round + 2)));
                Process server = server(ChildServers.freePort());
                sweepLock.close();
                waitFor(() -> deleted(ids) >= target ? 1 : 0, Duration.ofSeconds(60), drill + ": kill " + round);
                kill(server);
                childSessionsEnded();
                sweepLock = jobs.hold(BoxSweeps.JOB);
                long killedAt = deleted(ids);
                atKills.add(killedAt);
                assertThat(killedAt).as(drill + ": killed midway, kill " + round).isLessThan(FILES);
                eachWholeOrGoneOnce(expired, parts, drill + ", kill " + round);
            }

            // The sweep again, twice: the second finds nothing more to do.
            Instant rerun = Instant.now();
            long left = rows("box_file", ids);
            assertThat(sweepExpiredFiles.sweep()).as("files the rerun deleted").isGreaterThanOrEqualTo((int) left);
            sweepExpiredFiles.sweep();
            assertThat(box.lastSweep()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(rerun));

            for (String table : List.of("box_file", "box_recipient", "box_download")) {
                assertThat(rows(table, ids)).as(table + " rows of expired files").isZero();
            }
            assertThat(ids.stream().map(id -> "box-" + id).filter(p -> Files.exists(parts.resolve(p))).toList())
                    .as("content of expired files").isEmpty();
            assertThat(Files.exists(parts.resolve("box-" + oldLeftover))).as("a leftover older than the retention").isFalse();
            assertThat(Files.exists(parts.resolve("box-" + oldLeftover + "-0123456789abcdef")))
                    .as("an edited version's leftover older than the retention").isFalse();
            assertThat(Files.exists(parts.resolve("box-" + freshLeftover)))
                    .as("a leftover just written (an upload may be finishing its rows)").isTrue();
            assertThat(oldPartsWithoutRows(parts)).as("parts older than the retention that no file names").isEmpty();

            Map<String, List<String>> audits = deletionAudits(Stream.concat(ids.stream(), live.stream().map(BoxFile::id))
                    .toList());
            assertThat(audits.keySet()).as("every expired file has a deletion audit row, no live one")
                    .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
            assertThat(audits).as("one deletion audit row each").allSatisfy((id, rows) ->
                    assertThat(rows).containsExactly("DELETE PERMIT box.expired system:box-sweep"));

            for (int i = 0; i < live.size(); i++) {
                BoxFile file = live.get(i);
                assertThat(Files.exists(parts.resolve(file.part()))).isTrue();
                try (InputStream in = downloadFile.download(reader(i % 2 == 0 ? pharmacist : nurse), file.id()).orElseThrow()
                        .content()) {
                    assertThat(in.readAllBytes()).as("live file " + i).isEqualTo(liveBytes.get(i));
                }
            }
            assertThat(trail.verify().intact()).as("the audit chain").isTrue();
        } finally {
            sweepLock.close();
            blobs.deletePart("box-" + freshLeftover);
        }
        System.out.printf("%s: %d files deleted before the first kill, then %d kills at random moments (deleted by then:"
                + " %s), the rest by the rerun; %d server starts; %.1f s in all%n", drill, k, KILLS, atKills, starts,
                (System.nanoTime() - began) / 1e9);
    }

    /** {@code musubi serve} on this test's database and blob directory, sweeping Box every 100 ms; once it is up. */
    private Process server(int port) throws Exception {
        Path log = work.resolve("server-" + (++starts) + ".log");
        ProcessBuilder builder = new ProcessBuilder(ChildServers.serveCommand(port,
                "--musubi.blob.directory=" + blobProperties.directory().toAbsolutePath(),
                "--musubi.box.sweep-every=100ms", "--musubi.ingest.watch=false",
                "--musubi.ingest.upload-directory=" + work.resolve("uploads"), "--musubi.fhir.validation=rules"));
        EmbeddedClusters.shareWith(builder, dataSource);
        String url = builder.environment().get("MUSUBI_DB_URL");
        builder.environment().put("MUSUBI_DB_URL", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + CHILD);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return ChildServers.start(builder, port, log, Duration.ofMinutes(3));
    }

    /** Locks the file's row in {@code connection}'s transaction; returns the connection's backend pid. */
    private static int holdRow(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_backend_pid() FROM box_file WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, id);
            try (ResultSet rs = lock.executeQuery()) {
                assertThat(rs.next()).as("the file's row").isTrue();
                return rs.getInt(1);
            }
        }
    }

    /** The pid of the child's backend deleting a Box file and waiting for the row {@code holder} holds; 0 while none. */
    private int blockedSweep(int holder) {
        return jdbc.sql("""
                        SELECT coalesce(max(pid), 0) FROM pg_stat_activity
                        WHERE application_name = ? AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM box_file%'
                          AND ? = ANY (pg_blocking_pids(pid))""").param(CHILD).param(holder).query(Integer.class).single();
    }

    /** SIGKILL (checked by the exit status: 128 + 9), whatever the server is doing. */
    private static void kill(Process server) throws InterruptedException {
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server ended").isTrue();
        assertThat(server.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    /** Waits until PostgreSQL has ended every session of the killed child (and rolled back its transactions). */
    private void childSessionsEnded() throws InterruptedException {
        waitFor(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?").param(CHILD)
                .query(Integer.class).single() == 0 ? 1 : 0, Duration.ofSeconds(30), "the killed server's sessions ended");
    }

    /**
     * Each file whole (rows, no deletion audit row; its content kept, or gone for at most one file: the one the kill
     * cut off) or deleted (no content, exactly one deletion audit row): never rows gone and content kept.
     */
    private void eachWholeOrGoneOnce(List<BoxFile> files, Path parts, String what) {
        Map<String, List<String>> audits = deletionAudits(files.stream().map(BoxFile::id).toList());
        int cutOff = 0;
        for (BoxFile file : files) {
            boolean part = Files.exists(parts.resolve(file.part()));
            List<String> audited = audits.getOrDefault(file.id().toString(), List.of());
            if (store.find(file.id()).isPresent()) {
                assertThat(audited).as(what + ": audit rows of a file not deleted").isEmpty();
                cutOff += part ? 0 : 1;
            } else {
                assertThat(part).as(what + ": content of a deleted file").isFalse();
                assertThat(audited).as(what + ": audit rows of a deleted file").hasSize(1);
            }
        }
        assertThat(cutOff).as(what + ": files with their content gone and their rows kept").isLessThanOrEqualTo(1);
    }

    /** Polls {@code probe} until it answers something other than 0, and returns that. */
    private static int waitFor(java.util.function.IntSupplier probe, Duration timeout, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            int answer = probe.getAsInt();
            if (answer != 0) {
                return answer;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
    }

    private long deleted(List<UUID> ids) {
        return ids.size() - rows("box_file", ids);
    }

    /** Rows of {@code table} (box_file by id, the others by file_id) naming these files. */
    private long rows(String table, List<UUID> ids) {
        String column = table.equals("box_file") ? "id" : "file_id";
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ANY (?)")
                .param(ids.toArray(UUID[]::new)).query(Long.class).single();
    }

    /** The deletion audit rows naming each of these files ("ACTION OUTCOME reason login"), by file id; absent: none. */
    private Map<String, List<String>> deletionAudits(List<UUID> ids) {
        return jdbc.sql("""
                        SELECT r.id, e.action || ' ' || e.outcome || ' ' || coalesce(e.reason, '') || ' ' || coalesce(e.login_id, '')
                        FROM audit_event e, unnest(e.resource_ids) AS r(id)
                        WHERE e.resource_type = 'BoxFile' AND e.action = 'DELETE' AND r.id = ANY (?) ORDER BY e.seq""")
                .param(ids.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.toList())));
    }

    /** The Box parts in the blob directory written longer than the retention ago that no file's row names. */
    private List<String> oldPartsWithoutRows(Path parts) throws IOException {
        Instant old = Instant.now().minus(RETENTION);
        try (Stream<Path> listed = Files.list(parts)) {
            return listed.filter(p -> p.getFileName().toString().startsWith("box-"))
                    .filter(p -> modified(p).isBefore(old))
                    .filter(p -> store.find(UUID.fromString(p.getFileName().toString().substring(4))).isEmpty())
                    .map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // removed meanwhile
        }
    }

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Box.Upload upload(String name, byte[] bytes) {
        return new Box.Upload(name, "application/octet-stream", new ByteArrayInputStream(bytes));
    }

    private static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null), Purpose.TREATMENT);
    }
}

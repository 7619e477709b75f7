package org.musubi.backup;

import org.musubi.testing.TestDirs;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.musubi.blob.BlobStore;
import org.musubi.database.JobLocks;
import org.musubi.database.OwnerDatabase;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.secretariat.stats.StatisticsRefresh;
import org.musubi.testing.ChildJvms;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.PharmacyNotebooks.Dispensed;
import org.musubi.testing.PharmacyNotebooks.Holder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The restore drill: the shared test network (demo seed, dispensings imported from a JAHIS notebook, a
 * document uploaded as a FHIR Binary) is backed up by {@code musubi backup} in a child JVM, and restored by
 * {@code musubi restore} into a new embedded data directory and blob store. Every table then holds the same
 * rows (counted and fingerprinted here, apart from the backup's own digests), the document's file is the
 * same bytes, the audit chain verifies, and the backup and the restore are each audited once. A wrong key, a
 * tampered or cut-off archive, and a database that is not empty are refused, with nothing written.
 */
@MusubiIntegrationTest
class BackupRestoreDrillIT extends NetworkFixtures {

    private static final Path DRILL = TestDirs.of("backup-drill");

    @Autowired OwnerDatabase owner;
    @Autowired PharmacyNotebooks notebooks;

    @Autowired DataSource applicationDatabase;
    @Autowired JobLocks statisticsJobs;

    private int children;

    @Test
    void aBackupRestoresIntoAFreshDirectoryWithEveryRowFileAndAuditRecordAndBadArchivesAreRefused() throws Exception {
        Path drill = fresh(DRILL.resolve(String.valueOf(System.nanoTime())));
        Path key = Files.writeString(drill.resolve("backup.key"), "drill passphrase, kept apart from archives\n");
        Path archive = drill.resolve("network.musubi-backup");
        Facility pharmacy = notebooks.pharmacy("復元薬局");
        notebooks.send(pharmacy, new Holder("復元 花子", "フクゲン ハナコ", "2", "19560412"),
                new Dispensed("20261101", "アムロジピン錠5mg", "2171022F1020", 28, "中央病院", "1234567"),
                new Dispensed("20261101", "テルミサルタン錠40mg", "2149039F1028", 28, "中央病院", "1234567"));
        byte[] document = ("%PDF-1.4 退院時サマリー " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        String binaryId = uploadDocument(document);

        // The statistics' timer (first a minute after the context's start) would recount the rollups between the
        // backup and the fingerprint of the source when this class runs early in its JVM: it waits meanwhile.
        Run backup;
        long backupRow;
        Map<String, String> source;
        try (JobLocks.Held held = statisticsJobs.hold(StatisticsRefresh.JOB)) {
            backup = musubi(drill, true, "backup", "--to=" + archive, "--key-file=" + key,
                    "--musubi.blob.directory=" + TestDirs.arg("it-blobs"));
            backupRow = Long.parseLong(DatabaseFingerprints.single(owner.dataSource(),
                    "SELECT max(seq) FROM audit_event WHERE action = ? AND outcome = 'PERMIT'", "BACKUP"));
            source = DatabaseFingerprints.of(owner.dataSource(), backupRow);
        }
        Run verified = musubi(drill, false, "backup", "verify", "--from=" + archive, "--key-file=" + key);
        Path restored = drill.resolve("restored");
        Run restore = musubi(drill, false, "restore", "--from=" + archive, "--key-file=" + key,
                "--musubi.database.embedded.data-directory=" + restored.resolve("postgres"),
                "--musubi.blob.directory=" + restored.resolve("blobs"));

        assertThat(backup.code()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("resource: ", "audit_event: ", "Backup written: ");
        assertThat(DatabaseFingerprints.single(owner.dataSource(), "SELECT login_id || ' ' || reason FROM audit_event WHERE seq = ?",
                backupRow)).startsWith("system:cli backup backup network.musubi-backup: schema ");
        assertThat(verified.code()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verified: ");
        assertThat(restore.code()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("resource: ", "digest equal", "Restored: ", "audit chain of");
        try (EmbeddedPostgres copy = EmbeddedClusters.open(restored.resolve("postgres"))) {
            DataSource database = copy.getPostgresDatabase();
            Map<String, String> restoredTables = DatabaseFingerprints.of(database, backupRow);
            // id_key too: the restored installation derives the ids it derived before
            assertThat(restoredTables.keySet()).isEqualTo(source.keySet()).contains("resource", "audit_event", "import_file",
                    "id_key");
            restoredTables.remove("audit_chain_head");
            source.remove("audit_chain_head");
            // The state of the moment is not in backups (docs/backup.md): sessions, throttle windows, uploads in progress.
            for (String moment : List.of("spring_session", "spring_session_attributes", "login_throttle", "lock_notice",
                    "resumable_upload", "resumable_upload_part", "import_upload")) {
                assertThat(restoredTables.remove(moment)).as(moment + " restored empty").isEqualTo("0:-");
                source.remove(moment);
            }
            assertThat(restoredTables).isEqualTo(source);
            assertThat(DatabaseFingerprints.auditChain(database).intact()).isTrue();
            assertThat(DatabaseFingerprints.single(database, "SELECT action || ' ' || login_id FROM audit_event WHERE seq = ?",
                    backupRow)).as("the restore is the first row after the snapshot").isEqualTo("RESTORE system:cli restore");
            assertThat(DatabaseFingerprints.single(database, "SELECT count(*) FROM audit_event WHERE seq >= ?", backupRow))
                    .isEqualTo("1");
            String query = "SELECT content::text FROM resource WHERE id = ?";
            assertThat(DatabaseFingerprints.single(database, query, binaryId))
                    .isEqualTo(DatabaseFingerprints.single(owner.dataSource(), query, binaryId)).contains(sha256(document));
            assertThat(DatabaseFingerprints.single(database, "SELECT nextval('facility_id_seq')"))
                    .isEqualTo(DatabaseFingerprints.single(owner.dataSource(), "SELECT last_value + 1 FROM facility_id_seq"));
        }
        assertThat(restored.resolve("blobs").resolve(BlobStore.path(sha256(document)))).hasBinaryContent(document);
        refusesBadArchivesAndAUsedDatabase(drill, archive, key);
    }

    private void refusesBadArchivesAndAUsedDatabase(Path drill, Path archive, Path key) throws Exception {
        Path wrongKey = Files.writeString(drill.resolve("wrong.key"), "not the passphrase of this backup");
        byte[] bytes = Files.readAllBytes(archive);
        byte[] tampered = bytes.clone();
        tampered[bytes.length / 2] ^= 0x20;
        Path changed = Files.write(drill.resolve("tampered.musubi-backup"), tampered);
        Path cut = Files.write(drill.resolve("cut.musubi-backup"), Arrays.copyOf(bytes, bytes.length - 100));
        Map<String, String> before = withoutSchedulers(DatabaseFingerprints.of(owner.dataSource(), Long.MAX_VALUE));

        Run wrong = musubi(drill, false, "restore", "--from=" + archive, "--key-file=" + wrongKey,
                "--musubi.database.embedded.data-directory=" + drill.resolve("wrong/postgres"));
        Run damaged = musubi(drill, false, "restore", "--from=" + changed, "--key-file=" + key,
                "--musubi.database.embedded.data-directory=" + drill.resolve("damaged/postgres"));
        Run truncated = musubi(drill, false, "backup", "verify", "--from=" + cut, "--key-file=" + key);
        Run used = musubi(drill, true, "restore", "--from=" + archive, "--key-file=" + key,
                "--musubi.blob.directory=" + drill.resolve("used-blobs"));

        assertThat(wrong.code()).as(wrong.output()).isEqualTo(1);
        assertThat(wrong.output()).contains("Wrong key", "鍵が違います");
        assertThat(damaged.code()).as(damaged.output()).isEqualTo(1);
        assertThat(damaged.output()).contains("damaged or has been tampered with");
        assertThat(drill.resolve("wrong")).doesNotExist();
        assertThat(drill.resolve("damaged")).doesNotExist();
        assertThat(truncated.code()).as(truncated.output()).isEqualTo(1);
        assertThat(truncated.output()).contains("cut off");
        assertThat(used.code()).as(used.output()).isEqualTo(1);
        assertThat(used.output()).contains("already holds data", "Nothing was changed", "resource (");
        assertThat(withoutSchedulers(DatabaseFingerprints.of(owner.dataSource(), Long.MAX_VALUE))).isEqualTo(before);
        try (Stream<Path> files = Files.walk(drill.resolve("used-blobs"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    /** A document as a facility system sends it: a FHIR Binary, its bytes into the blob store. */
    private String uploadDocument(byte[] document) throws IOException, InterruptedException {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        String token = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"), hospital, localId, "フクゲン");
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/fhir/Binary"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .header("X-Security-Context", "Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow().split("/")[1];
    }

    private record Run(int code, String output) {
    }

    /**
     * {@code musubi <args>} in a child JVM, against the shared test database (as an external database, in demo
     * mode like it) when {@code sharedDatabase}, else against the embedded database its arguments name.
     */
    private Run musubi(Path drill, boolean sharedDatabase, String... args) throws IOException, InterruptedException {
        // Short-lived commands: the quick compiler alone starts them sooner.
        List<String> command = new ArrayList<>(ChildJvms.java("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.add("org.musubi.Musubi");
        command.addAll(List.of(args));
        command.add("--musubi.security.secret-key-file=" + drill.resolve("secret.key"));
        if (sharedDatabase) {
            // The shared test database is in demo mode: a command outside demo mode would disable its demo accounts.
            command.add("--musubi.demo.enabled=true");
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(BackupKey.ENVIRONMENT);
        if (sharedDatabase) {
            EmbeddedClusters.shareWith(builder, applicationDatabase);
        }
        Path log = drill.resolve("child-" + (++children) + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process child = ChildJvms.start(builder);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("musubi %s finished", args[0]).isTrue();
        return new Run(child.exitValue(), Files.readString(log));
    }

    /** A new directory for this run; earlier runs' directories are removed where possible. */
    private static Path fresh(Path directory) throws IOException {
        if (Files.isDirectory(DRILL)) {
            try (Stream<Path> old = Files.walk(DRILL)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(directory);
    }
    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /**
     * The fingerprints without the tables the running test server's own scheduled jobs keep up to date meanwhile (the
     * Box expiry sweep's last run, the statistics' and the surveillance's hourly rollups, the imaging change feed's
     * cursor): a refused restore is another process, and what it must leave unchanged is everything else.
     */
    private static Map<String, String> withoutSchedulers(Map<String, String> fingerprints) {
        Map<String, String> kept = new java.util.TreeMap<>(fingerprints);
        List.of("box_sweep", "stats_rollup", "stats_usage_day", "stats_usage_month", "stats_card_month", "stats_residents",
                "surveillance_count", "imaging_index_cursor").forEach(kept::remove);
        return kept;
    }
}

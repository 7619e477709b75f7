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
import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.blob.BlobStore;
import org.musubi.box.Box;
import org.musubi.box.SendFiles;
import org.musubi.box.BoxFile;
import org.musubi.letters.Content;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.SendLetter;
import org.musubi.letters.exchange.OpenLetter;
import org.musubi.letters.exchange.LetterRequest;
import org.musubi.phr.sheet.EmergencySheets;
import org.musubi.phr.sheet.SheetPhotos;
import org.musubi.record.Reader;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.ChildServers;
import org.musubi.testing.WebSession;
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
 * document uploaded as a FHIR Binary, two Box files, a letter, a photo of a patient's 命の宝箱) is backed up by
 * {@code musubi backup} in a child JVM, and restored by {@code musubi restore} into a new embedded data directory and
 * blob store. Every table then holds the same rows (counted and fingerprinted here, apart from the backup's own
 * digests), the document's file is the same bytes, the audit chain verifies, and the backup and the restore are each
 * audited once. One Box file's content was deleted before the backup (as a part deleted while a backup runs, or one
 * object storage keeps apart): the restore marks it lost, once, audited. A server started on the restored data (issue
 * 66) then serves the other Box file with its SHA-256, the letter's PDF and the photo byte for byte, and tells the lost
 * file's recipient why it cannot be had (410, and on Box's page). A wrong key, a tampered or cut-off archive, and a
 * database that is not empty are refused, with nothing written.
 */
@MusubiIntegrationTest
@Tag("drill")
class BackupRestoreDrillIT extends NetworkFixtures {

    private static final Path DRILL = TestDirs.of("backup-drill");

    @Autowired OwnerDatabase owner;
    @Autowired PharmacyNotebooks notebooks;

    @Autowired DataSource applicationDatabase;
    @Autowired JobLocks statisticsJobs;
    @Autowired SendFiles sendFiles;
    @Autowired BlobStore blobs;
    @Autowired SendLetter sendLetter;
    @Autowired OpenLetter openLetter;
    @Autowired SheetPhotos sheetPhotos;
    @Autowired EmergencySheets sheets;

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
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        User stranger = accounts.memberOf(accounts.facilityOf(FacilityKind.PHARMACY), Profession.PHARMACIST);
        byte[] keptBytes = ("%PDF-1.4 紹介状の控え " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        BoxFile kept = boxFile(doctor, clinic, nurse, "紹介状の控え.pdf", keptBytes);
        BoxFile lost = boxFile(doctor, clinic, nurse, "検査結果.pdf", ("%PDF-1.4 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        blobs.deletePart(lost.part()); // gone while a backup ran, or kept apart in object storage
        Facility hospital = accounts.newHospital();
        User hospitalNurse = accounts.memberOf(hospital, Profession.NURSE);
        long person = linkedConsentedPatientAt(clinic);
        UUID letter = ((LetterExchange.Sent.Done) sendLetter.send(reader(doctor), person, new LetterRequest(
                LetterKind.INFORMATION, hospital.id(), null, null, new Content(null, null, "退院後の経過（復元訓練）", null,
                null, null, null, null, null, null, null, null, null), null, null, null), null)).letter().id();
        byte[] letterPdf = openLetter.pdf(reader(hospitalNurse), letter).orElseThrow();
        EmergencySheets.Author staff = EmergencySheets.Author.staff(doctor.id(), clinic.id(), Purpose.TREATMENT,
                doctor.nameKanji(), doctor.profession().name(), clinic.nameKanji());
        assertThat(sheetPhotos.add(staff, person, "sheet.png", png(), "冷蔵庫の扉に貼った紙")).isPresent();
        String photo = sheets.open(staff, person).flatMap(EmergencySheets.Opened::current).orElseThrow().sheet().photos()
                .getFirst().sha256();

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
        assertThat(backup.output()).contains("resource: ", "audit_event: ", "Backup written: ",
                "Kept files (Box files, bulk exports, letters' signed files, research extractions: named box- bulk- letter-"
                        + " research-…) included too");
        assertThat(DatabaseFingerprints.single(owner.dataSource(), "SELECT login_id || ' ' || reason FROM audit_event WHERE seq = ?",
                backupRow)).startsWith("system:cli backup backup network.musubi-backup: schema ");
        assertThat(verified.code()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verified: ");
        assertThat(restore.code()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("resource: ", "digest equal", "Restored: ", "audit chain of",
                "box-: ", "whose content is missing (or does not match its hash) are now treated as expired",
                "内容がない（またはハッシュと一致しない）");
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
            // Box files whose content the restore did not find are marked lost (below): the rest of their rows as backed up.
            restoredTables.remove("box_file");
            source.remove("box_file");
            String boxRows = "SELECT string_agg(id || ' ' || sha256 || ' ' || part || ' ' || expires_at, ',' ORDER BY id) FROM box_file";
            assertThat(DatabaseFingerprints.single(database, boxRows))
                    .isEqualTo(DatabaseFingerprints.single(owner.dataSource(), boxRows));
            String lostRows = "SELECT lost_at IS NOT NULL FROM box_file WHERE id = ?";
            assertThat(DatabaseFingerprints.single(database, lostRows, lost.id())).isEqualTo("t");
            assertThat(DatabaseFingerprints.single(database, lostRows, kept.id())).isEqualTo("f");
            assertThat(restoredTables).isEqualTo(source);
            assertThat(DatabaseFingerprints.auditChain(database).intact()).isTrue();
            assertThat(DatabaseFingerprints.single(database, "SELECT action || ' ' || login_id FROM audit_event WHERE seq = ?",
                    backupRow)).as("the restore is the first row after the snapshot").isEqualTo("RESTORE system:cli restore");
            // then one row for each Box file the restore marked lost (the drill's, and any of other tests' whose content
            // was deleted before the backup), and nothing else
            assertThat(DatabaseFingerprints.single(database, "SELECT count(*) FROM audit_event WHERE seq > ? AND NOT "
                    + "(action = 'UPDATE' AND login_id = 'system:restore' AND reason = 'box.lostAtRestore')", backupRow))
                    .isEqualTo("0");
            assertThat(DatabaseFingerprints.single(database, "SELECT count(*) FROM audit_event WHERE seq > ? AND "
                    + "resource_type = 'BoxFile' AND ? = ANY (resource_ids)", backupRow, lost.id().toString())).isEqualTo("1");
            String query = "SELECT content::text FROM resource WHERE id = ?";
            assertThat(DatabaseFingerprints.single(database, query, binaryId))
                    .isEqualTo(DatabaseFingerprints.single(owner.dataSource(), query, binaryId)).contains(sha256(document));
            assertThat(DatabaseFingerprints.single(database, "SELECT nextval('facility_id_seq')"))
                    .isEqualTo(DatabaseFingerprints.single(owner.dataSource(), "SELECT last_value + 1 FROM facility_id_seq"));
        }
        assertThat(restored.resolve("blobs").resolve(BlobStore.path(sha256(document)))).hasBinaryContent(document);
        refusesBadArchivesAndAUsedDatabase(drill, archive, key);
        servesWhatWasBackedUp(drill, restored, new Downloads(nurse, stranger, hospitalNurse, doctor, kept, keptBytes, lost, letter,
                letterPdf, person, photo));
    }

    /** What the drill downloads from a server on the restored data, and what it must find. */
    private record Downloads(User recipient, User stranger, User addressee, User doctor, BoxFile kept, byte[] keptBytes, BoxFile lost,
                             UUID letter, byte[] letterPdf, long person, String photo) {
    }

    /**
     * {@code musubi serve} on the restored data directory and blob store (the network's secret key, as docs/backup.md
     * says to put it in place): the Box file downloads with its SHA-256, the letter's PDF and the 命の宝箱's photo are the
     * bytes served before the backup, and the lost Box file answers its recipient 410 with the reason, listed on Box's
     * page as lost.
     */
    private void servesWhatWasBackedUp(Path drill, Path restored, Downloads d) throws Exception {
        int restoredPort = ChildServers.freePort();
        List<String> command = ChildServers.serveCommand(restoredPort,
                "--musubi.database.embedded.data-directory=" + restored.resolve("postgres"),
                "--musubi.blob.directory=" + restored.resolve("blobs"),
                "--musubi.audit.spool-directory=" + restored.resolve("spool"),
                "--musubi.demo.import-folder=" + restored.resolve("demo-sources"),
                "--musubi.ingest.upload-directory=" + restored.resolve("uploads"),
                "--musubi.security.ip-max-failures=40");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(BackupKey.ENVIRONMENT);
        Path log = drill.resolve("restored-server.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process server = ChildServers.start(builder, restoredPort, log, java.time.Duration.ofMinutes(3));
        try {
            WebSession recipient = accounts.signedIn(restoredPort, d.recipient());
            HttpResponse<byte[]> file = recipient.getBytes("/portal/box/files/" + d.kept().id());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(sha256(file.body())).as("the Box file with its SHA-256").isEqualTo(d.kept().sha256())
                    .isEqualTo(sha256(d.keptBytes()));
            HttpResponse<String> gone = recipient.get("/portal/box/files/" + d.lost().id());
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.body()).contains("<h1>ファイルの内容がありません</h1>", "「検査結果.pdf」の内容は、",
                    "に行ったバックアップからの復元に含まれていなかったため、期限切れとして扱っています。");
            HttpResponse<String> page = recipient.get("/portal/box");
            assertThat(page.body()).contains("data-file=\"" + d.lost().id() + "\" data-lost=\"true\"",
                    "data-file=\"" + d.kept().id() + "\" data-lost=\"false\"",
                    "内容がありません（バックアップからの復元に含まれていませんでした）。期限切れとして扱い、ダウンロードできません。");
            HttpResponse<String> stranger = accounts.signedIn(restoredPort, d.stranger()).get("/portal/box/files/" + d.lost().id());
            assertThat(stranger.statusCode()).as("anyone else: as a file that does not exist").isEqualTo(404);

            HttpResponse<byte[]> pdf = accounts.signedIn(restoredPort, d.addressee()).getBytes("/portal/letters/" + d.letter() + "/pdf");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.body()).as("the letter's signed PDF, byte for byte").isEqualTo(d.letterPdf());

            HttpResponse<byte[]> photo = accounts.signedIn(restoredPort, d.doctor())
                    .getBytes("/portal/patients/" + d.person() + "/emergency-sheet/photos/" + d.photo());
            assertThat(photo.statusCode()).isEqualTo(200);
            assertThat(sha256(photo.body())).as("the photo, byte for byte").isEqualTo(d.photo());
        } finally {
            server.destroy();
            if (!server.waitFor(1, TimeUnit.MINUTES)) {
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A Box file sent by {@code sender} to {@code recipient}, as the pages send one. */
    private BoxFile boxFile(User sender, Facility facility, User recipient, String name, byte[] content) {
        Box.Sent sent = sendFiles.send(new Reader(sender.id(), facility.id()), List.of(new Box.Upload(name, "application/pdf",
                new ByteArrayInputStream(content))), new Box.Recipients(Set.of(recipient.id()), null, Set.of()), "復元訓練");
        assertThat(sent.faults()).isEmpty();
        return sent.files().getFirst();
    }

    private static Reader reader(User user) {
        return new Reader(user.id(), user.actingFacilityId().orElse(null), Purpose.TREATMENT);
    }

    /** A small synthetic picture (a photo of a paper sheet stands in). */
    private static byte[] png() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
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

package org.musubi.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.Actor;
import org.musubi.database.SecondNode;
import org.musubi.database.Standby;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.FolderFiles;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.IngestProperties;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports with two Musubi nodes on one database (issue 41). Node A is this test's server (its import queue and
 * watcher); node B is made here as a second node has them: its own import queue over its own job locks, its own
 * watcher. A batch of one source runs on one node at a time, and both see it running; a folder both watch is imported
 * once; a batch left running by a node that died is continued by the other's next scan. (A batch killed by SIGKILL in
 * a child process, with its chunks committed, is {@code CrashDrillIT}'s: the {@code import} command holds the same
 * lock.)
 */
@MusubiIntegrationTest
class WatchOnTwoNodesIT {

    private static final RunImport.Runner RUNNER = new RunImport.Runner(null, Actor.system("test node"), BatchOrigin.WATCH);
    @Autowired FolderWatcher watcherA;
    @Autowired ImportQueue queueA;
    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired ImportLedger ledger;
    @Autowired IngestProperties properties;
    @Autowired Standby standby;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @TempDir Path drop;

    private ImportQueue queueB;
    private FolderWatcher watcherB;
    private Facility pharmacy;

    @BeforeEach
    void secondNode() {
        queueB = new ImportQueue(imports, SecondNode.jobLocks(context));
        watcherB = new FolderWatcher(sources, ledger, queueB, properties, standby);
        String code = MedicalInstitutionCode.of(34, 4, 100000 + ThreadLocalRandom.current().nextInt(899999)).value();
        pharmacy = facilities.insert(new FacilityDraft("二台薬局", "ニダイヤッキョク", FacilityKind.PHARMACY, code, 34,
                "広島市", "082-000-0000", true, true, FacilityStatus.ACTIVE));
    }

    @Test
    void aBatchOfOneSourceRunsOnOneNodeAtATimeAndBothSeeItRunning() throws Exception {
        ImportSource source = sources.create(pharmacy.id(), ImportKind.JAHIS, "two nodes", drop.toString(), false);
        write(0, 2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ImportBatch> onA = CompletableFuture.supplyAsync(() -> queueA.run(source,
                () -> held(FolderFiles.of(ImportKind.JAHIS, drop), started, release), RUNNER, ImportProgress.NONE));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(queueB.busy(source.id())).as("node B sees node A's batch").isTrue();
        assertThat(queueA.busy(source.id())).isTrue();
        assertThat(queueB.runUnlessBusyElsewhere(source, () -> true, () -> FolderFiles.of(ImportKind.JAHIS, drop), RUNNER,
                ImportProgress.NONE)).as("node B skips a source busy on node A").isEmpty();
        CompletableFuture<ImportBatch> onB = CompletableFuture.supplyAsync(() -> queueB.run(source,
                () -> FolderFiles.of(ImportKind.JAHIS, drop), RUNNER, ImportProgress.NONE));
        try {
            onB.get(700, TimeUnit.MILLISECONDS);
            throw new AssertionError("node B ran a batch of the source while node A's was running");
        } catch (TimeoutException expected) {
            // node B waits for node A
        }
        assertThat(ledger.batches(source.id(), 0, 10)).as("only node A's batch, running").singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(BatchStatus.RUNNING));
        release.countDown();
        ImportBatch first = onA.get(60, TimeUnit.SECONDS);
        ImportBatch second = onB.get(60, TimeUnit.SECONDS);

        assertThat(first.status()).isEqualTo(BatchStatus.DONE);
        assertThat(first.counts().filesDone()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(BatchStatus.DONE);
        assertThat(second.startedAt()).as("node B began after node A ended").isAfterOrEqualTo(first.finishedAt());
        assertThat(second.counts().filesSkipped()).as("node A's files are not imported again").isEqualTo(2);
        assertThat(second.counts().filesDone()).isZero();
        assertThat(queueA.busy(source.id())).isFalse();
        assertThat(queueB.busy(source.id())).isFalse();
    }

    @Test
    void aFolderWatchedByBothNodesIsImportedOnce() throws Exception {
        ImportSource source = sources.create(pharmacy.id(), ImportKind.JAHIS, "watched twice", drop.toString(), true);
        int files = 40;
        write(0, files);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> scan(watcherA, go));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> scan(watcherB, go));
        go.countDown();
        CompletableFuture.allOf(a, b).get(3, TimeUnit.MINUTES);

        List<ImportBatch> batches = ledger.batches(source.id(), 0, 100);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.status()).isEqualTo(BatchStatus.DONE));
        assertThat(batches.stream().mapToInt(batch -> batch.counts().filesDone()).sum())
                .as("each file imported by one batch of one node").isEqualTo(files);
        assertThat(count("SELECT count(*) FROM import_file WHERE source_id = ?", source.id())).isEqualTo(files);
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationDispense'",
                pharmacy.id())).as("one dispensing per file").isEqualTo(files);
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND version > 1", pharmacy.id()))
                .as("nothing stored twice").isZero();
        assertThat(batches.stream().mapToInt(batch -> batch.counts().recordsStored()).sum())
                .isEqualTo(count("SELECT count(*) FROM import_record WHERE facility_id = ?", pharmacy.id()));
    }

    @Test
    void aBatchLeftRunningByANodeThatDiedIsContinuedByTheOthersNextScan() throws Exception {
        ImportSource source = sources.create(pharmacy.id(), ImportKind.JAHIS, "node died", drop.toString(), true);
        write(0, 3);
        // node C imported these three, then began a batch for what came next and died in it
        ImportQueue queueC = new ImportQueue(imports, SecondNode.jobLocks(context));
        assertThat(queueC.run(source, () -> FolderFiles.of(ImportKind.JAHIS, drop), RUNNER, ImportProgress.NONE)
                .counts().filesDone()).isEqualTo(3);
        write(3, 3);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gone = new CountDownLatch(1);
        CompletableFuture<ImportBatch> dying = CompletableFuture.supplyAsync(() -> queueC.run(source,
                () -> held(FolderFiles.of(ImportKind.JAHIS, drop), started, gone), RUNNER, ImportProgress.NONE));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        long dead = ledger.batches(source.id(), 0, 1).getFirst().id();

        watcherB.scanAll();
        assertThat(ledger.batches(source.id(), 0, 10)).as("node C still holds the source: node B's scan skips it")
                .hasSize(2).first().satisfies(b -> assertThat(b.id()).isEqualTo(dead));

        SecondNode.killHolder(context, ImportQueue.job(source.id()));
        assertThat(queueB.busy(source.id())).as("a dead node's batch runs nowhere").isFalse();
        watcherB.scanAll();

        List<ImportBatch> batches = ledger.batches(source.id(), 0, 10);
        assertThat(batches).hasSize(3);
        ImportBatch resumed = batches.getFirst();
        assertThat(resumed.id()).isGreaterThan(dead);
        assertThat(resumed.status()).isEqualTo(BatchStatus.DONE);
        assertThat(resumed.counts().filesDone()).as("the rest").isEqualTo(3);
        assertThat(resumed.counts().filesSkipped()).as("what the dead node had done").isEqualTo(3);
        assertThat(ledger.batch(dead).orElseThrow().status()).as("left as a restarted server leaves it: interrupted")
                .isEqualTo(BatchStatus.RUNNING);
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationDispense'",
                pharmacy.id())).isEqualTo(6);
        gone.countDown(); // the dead node's thread, which in a real crash would not exist, ends here
        dying.handle((batch, failure) -> batch).get(60, TimeUnit.SECONDS);
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND version > 1", pharmacy.id()))
                .isZero();
    }

    private static void scan(FolderWatcher watcher, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < 3; i++) {
            watcher.scanAll();
        }
    }

    /** The files, the first of them offered only once {@code release} is counted down (a batch still running). */
    private static Iterator<IncomingFile> held(Iterator<IncomingFile> files, CountDownLatch started, CountDownLatch release) {
        return new Iterator<>() {
            private boolean waited;

            @Override
            public boolean hasNext() {
                if (!waited) {
                    waited = true;
                    started.countDown();
                    try {
                        if (!release.await(2, TimeUnit.MINUTES)) {
                            throw new IllegalStateException("never released");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                return files.hasNext();
            }

            @Override
            public IncomingFile next() {
                hasNext();
                return files.next();
            }
        };
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    /** {@code n} notebooks from number {@code first}, each a patient of its own with one dispensing, written long ago. */
    private void write(int first, int n) throws Exception {
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        String kana = "アイウエオカキクケコ";
        for (int i : IntStream.range(first, first + n).toArray()) {
            String name = String.valueOf(kana.charAt(i / 10 % 10)) + kana.charAt(i % 10);
            String notebook = String.join("\r\n", "JAHISTC08,1",
                    "1,二台 花子,2," + LocalDate.of(1950, 1, 1).plusDays(i * 37L).format(day) + ",,,,,,,ニダイ " + name,
                    "5,20260110,1", "11,二台薬局,34,4,1234567,,,082-000-0000,1",
                    "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1", "301,1,朝食後,28,日分,1,1,,1") + "\r\n";
            Path file = Files.writeString(drop.resolve("n" + i + ".txt"), notebook, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
        }
    }
}

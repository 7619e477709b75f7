package org.musubi.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A watched drop folder: new files are imported by the next scan, settled files only, and a scan with nothing new starts no batch. */
@MusubiIntegrationTest
class FolderWatcherIT {

    @Autowired FolderWatcher watcher;
    @Autowired ImportSources sources;
    @Autowired ImportLedger ledger;
    @Autowired Facilities facilities;
    @TempDir Path drop;

    @Test
    void importsSettledNewFilesOnceAndLeavesFilesStillBeingWritten() throws Exception {
        String code = MedicalInstitutionCode.of(34, 4, 100000 + ThreadLocalRandom.current().nextInt(899999)).value();
        Facility pharmacy = facilities.insert(new FacilityDraft("監視薬局", "カンシヤッキョク", FacilityKind.PHARMACY, code, 34,
                "広島市", "082-000-0000", true, true, FacilityStatus.ACTIVE));
        ImportSource source = sources.create(pharmacy.id(), ImportKind.JAHIS, "drop", drop.toString(), true);
        Path settled = write("a.txt", "ア", Instant.now().minusSeconds(600));
        write("b.txt", "イ", Instant.now());

        watcher.scanAll();
        var first = ledger.batches(source.id(), 0, 10);
        var knownAfterFirst = ledger.knownFiles(source.id(), List.of("a.txt", "b.txt"));
        watcher.scanAll();
        var second = ledger.batches(source.id(), 0, 10);
        Files.setLastModifiedTime(drop.resolve("b.txt"), FileTime.from(Instant.now().minusSeconds(600)));
        watcher.scanAll();
        var third = ledger.batches(source.id(), 0, 10);

        assertThat(first).hasSize(1);
        assertThat(first.getFirst().origin()).isEqualTo(BatchOrigin.WATCH);
        assertThat(first.getFirst().counts().filesDone()).as("only the settled file").isEqualTo(1);
        assertThat(knownAfterFirst).containsOnlyKeys("a.txt");
        assertThat(second).as("nothing new: no batch").hasSize(1);
        assertThat(third).hasSize(2);
        assertThat(third.getFirst().counts().filesDone()).isEqualTo(1);
        assertThat(third.getFirst().counts().filesSkipped()).isEqualTo(1);
        assertThat(Files.exists(settled)).as("files stay where they are").isTrue();
    }

    /** The server scans by itself from the moment it is ready ({@code WatchConfiguration}): the watch thread runs. */
    @Test
    void startsWatchingWhenTheApplicationIsReady() {
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains("import-watch");
    }

    private Path write(String name, String kana, Instant modified) throws Exception {
        String notebook = String.join("\r\n", "JAHISTC08,1", "1,監視 花子,2,1955010" + (1 + ThreadLocalRandom.current().nextInt(9))
                + ",,,,,,,カンシ " + kana + ThreadLocalRandom.current().nextInt(100), "5,20260110,1",
                "11,監視薬局,34,4,1234567,,,082-000-0000,1", "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1",
                "301,1,朝食後,28,日分,1,1,,1") + "\r\n";
        Path file = Files.writeString(drop.resolve(name), notebook, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}

package org.musubi.imaging.index;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.AuditTrail;
import org.musubi.registry.Facility;
import org.musubi.testing.ChildServers;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crash drill of the indexer: a child {@code musubi serve} indexes many studies from an Orthanc of the test's own and is
 * killed with SIGKILL while it does (right after its first study: mid-work with 40 to index), once in {@code ./mvnw
 * verify} and {@code musubi.crash.index-kills} times on demand ({@code bench/it.sh IndexCrashDrillIT
 * -Dmusubi.crash.index-kills=10}); a last child finishes. Every study is indexed exactly once — one index row, one
 * ImagingStudy —, and the audit chain verifies (skipped without Orthanc or dcmtk).
 */
@MusubiIntegrationTest
@Tag("drill")
class IndexCrashDrillIT extends NetworkFixtures {

    private static final int STUDIES = 40;
    private static final int KILLS = Integer.getInteger("musubi.crash.index-kills", 1);

    @Autowired
    DataSource dataSource;
    @Autowired
    AuditTrail trail;

    @TempDir
    Path work;

    @Test
    void aServerKilledWhileItIndexesLosesNoStudyAndMakesNoneTwice() throws Exception {
        DicomStudies.requireTools();
        try (OrthancServer orthanc = OrthancServer.startOrSkip()) {
            Facility hospital = accounts.newHospital();
            IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
            String localId = FhirRecords.localId();
            FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
            String issuer = "1.2.392.100495.20.3.51.1" + hospital.code().value();
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < STUDIES; i++) {
                files.addAll(DicomStudies.ct(localId, issuer, 2).write(work.resolve("study-" + i)));
            }
            DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), files);
            Thread.sleep(2_500); // Orthanc's StableAge is 1 s: every study is stable now

            int killedMidway = 0;
            for (int run = 0; run < KILLS; run++) {
                int childPort = ChildServers.freePort();
                Process child = child(orthanc, childPort, run);
                long before = indexed(hospital);
                Instant deadline = Instant.now().plusSeconds(120);
                while (indexed(hospital) == before && Instant.now().isBefore(deadline)) {
                    Thread.sleep(10);
                }
                long at = indexed(hospital);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                if (at > before && at < STUDIES) {
                    killedMidway++;
                }
            }
            int childPort = ChildServers.freePort();
            Process last = child(orthanc, childPort, KILLS);
            Instant deadline = Instant.now().plusSeconds(180);
            while (indexed(hospital) < STUDIES && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            last.destroy();
            last.waitFor(60, TimeUnit.SECONDS);

            System.out.printf("imaging index crash drill: %d kills, %d while indexing%n", KILLS, killedMidway);
            assertThat(killedMidway).as("a child was killed while it was indexing").isPositive();
            assertThat(indexed(hospital)).as("every study indexed").isEqualTo(STUDIES);
            assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'ImagingStudy'")
                    .param(hospital.id()).query(Long.class).single()).as("one ImagingStudy per study").isEqualTo(STUDIES);
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM resource r JOIN imaging_study s ON s.resource_id = r.id
                    WHERE r.source_facility = ? AND r.type = 'ImagingStudy'""").param(hospital.id()).query(Long.class)
                    .single()).as("each index row names its one resource").isEqualTo(STUDIES);
            assertThat(trail.verify().intact()).as("the audit chain").isTrue();
        }
    }

    private long indexed(Facility hospital) {
        return jdbc.sql("SELECT count(*) FROM imaging_study WHERE facility_id = ?").param(hospital.id())
                .query(Long.class).single();
    }

    private Process child(OrthancServer orthanc, int childPort, int run) throws Exception {
        Path log = work.resolve("child-" + run + ".log");
        List<String> settings = new ArrayList<>(List.of(orthanc.musubiSettings()));
        settings.addAll(List.of("--musubi.imaging.index-every=100ms", "--musubi.ingest.watch=false",
                "--musubi.fhir.validation=rules", "--musubi.ingest.upload-directory=" + work.resolve("uploads-" + run)));
        ProcessBuilder builder = new ProcessBuilder(ChildServers.serveCommand(childPort, settings.toArray(String[]::new)));
        EmbeddedClusters.shareWith(builder, dataSource);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return ChildServers.start(builder, childPort, log, Duration.ofMinutes(3));
    }
}

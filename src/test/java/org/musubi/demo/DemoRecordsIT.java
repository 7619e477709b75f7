package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportBatch;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's records: synth's source files for a few demo persons, imported into the demo network's facilities. */
@MusubiIntegrationTest
class DemoRecordsIT {

    @Autowired DemoRecords records;
    @Autowired DemoProperties properties;
    @Autowired JdbcClient jdbc;
    @TempDir Path folder;

    @Test
    void importsSourceFilesOfDemoPersonsAndLinksThemToThosePersons() {
        List<ImportBatch> batches = records.importSmallSet(properties.seedValue(), folder, 5, 10,
                LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1));

        assertThat(batches).isNotEmpty().allMatch(b -> b.status() == BatchStatus.DONE && b.origin() == BatchOrigin.DEMO);
        assertThat(batches.stream().mapToLong(b -> b.counts().recordsRejected()).sum()).isZero();
        assertThat(batches.stream().mapToLong(b -> b.counts().resourcesWritten()).sum()).isPositive();
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT l.person_id) FROM import_record r JOIN person_link l ON l.source_patient_id = r.patient_key
                JOIN import_batch b ON b.id = r.batch_id WHERE b.origin = 'DEMO'""").query(Long.class).single())
                .as("the imported patients are linked to demo persons").isBetween(1L, 5L);
    }
}

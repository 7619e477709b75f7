package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.AuditTrail;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.PharmacyNotebooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crash safety: {@code musubi import} runs in a child process against this test's database and is
 * killed with SIGKILL while it imports, several times at random moments, then run to the end. Every
 * dispensing is then stored exactly once, every resource has one version, no file is half-applied,
 * and the audit chain verifies.
 */
@MusubiIntegrationTest
@Tag("drill")
class CrashDrillIT {

    private static final int NOTEBOOKS = 1_500;
    private static final int KILLS = Integer.getInteger("musubi.crash.kills", 2);

    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired AuditTrail audit;

    @TempDir Path folder;
    @TempDir Path logs;
    private ImportChildren importers;

    @Test
    void aKilledImportLosesNothingAndStoresNothingTwice() throws Exception {
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "停電薬局");
        long auditBefore = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
        int dispensings = writeNotebooks(folder, NOTEBOOKS, new Random(20261122));
        Random moments = new Random();
        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            Process child = importers().startToKill("jahis", folder, pharmacy);
            if (importers().waitForProgress(pharmacy, child, 1 + moments.nextInt(NOTEBOOKS / (KILLS + 1)) * (i + 1))) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                killed++;
            } else {
                child.waitFor(5, TimeUnit.MINUTES);
            }
        }
        Process last = importers().start("jahis", folder, pharmacy);
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String output = importers().lastOutput();

        assertThat(last.exitValue()).as(output).isZero();
        assertThat(killed).as("the child was killed mid-import at least once").isPositive();
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationDispense'", pharmacy))
                .isEqualTo(dispensings);
        assertThat(count("SELECT count(DISTINCT (patient_key, source_key)) FROM resource WHERE source_facility = ?"
                + " AND type = 'MedicationDispense'", pharmacy)).as("no duplicates").isEqualTo(dispensings);
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND version > 1", pharmacy))
                .as("nothing written twice").isZero();
        assertThat(count("SELECT count(*) FROM resource_version v JOIN resource r USING (patient_key, id)"
                + " WHERE r.source_facility = ?", pharmacy)).as("no earlier versions").isZero();
        assertThat(count("SELECT count(*) FROM import_file f JOIN import_source s ON s.id = f.source_id"
                + " WHERE s.facility_id = ?", pharmacy)).as("every file done once").isEqualTo(NOTEBOOKS);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND reason LIKE 'import JAHIS jahis:dispense%'"
                + " AND login_id = 'system:cli import'").param(auditBefore).query(Long.class).single())
                .as("one audit row per dispensing, none lost with a kill").isEqualTo(dispensings);
        assertThat(audit.verify().intact()).isTrue();
    }

    /** Writes notebooks of distinct patients, each with two dispensings; returns the number of drugs dispensed. */
    static int writeNotebooks(Path folder, int count, Random random) throws IOException {
        for (int n = 0; n < count; n++) {
            Files.writeString(folder.resolve(String.format("notebook-%05d.txt", n)),
                    PharmacyNotebooks.randomNotebook("試験 " + n, "シケン", "停電薬局", random), StandardCharsets.UTF_8);
        }
        return count * PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS;
    }



    private ImportChildren importers() {
        if (importers == null) {
            importers = new ImportChildren(jdbc, dataSource, logs);
        }
        return importers;
    }

    private long count(String sql, Facility pharmacy) {
        return jdbc.sql(sql).param(pharmacy.id()).query(Long.class).single();
    }
}

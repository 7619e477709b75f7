package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.AuditTrail;
import org.musubi.ingest.uke.UkeFiles;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crash safety of the receipt import, with {@link CrashDrillIT}'s harness: {@code musubi import uke} runs in a child
 * process against this test's database and is killed with SIGKILL while it imports a clinic's months, at random
 * moments, then run to the end. Every receipt's drug is then stored exactly once, nothing twice, every file done once,
 * one audit row per receipt, and the audit chain verifies.
 */
@MusubiIntegrationTest
@Tag("drill")
class UkeCrashDrillIT {

    private static final int PATIENTS = 400;
    private static final int MONTHS = 6;
    private static final int KILLS = Integer.getInteger("musubi.crash.kills", 2);

    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired AuditTrail audit;

    @TempDir Path folder;
    @TempDir Path logs;
    private ImportChildren importers;

    @Test
    void aKilledReceiptImportLosesNothingAndStoresNothingTwice() throws Exception {
        Facility clinic = ImportFacilities.fresh(facilities, FacilityKind.CLINIC, "停電診療所");
        long auditBefore = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
        for (int m = 1; m <= MONTHS; m++) {
            Files.write(folder.resolve(String.format("clinic-2024%02d.UKE", m)),
                    UkeFiles.clinicMonth(clinic.code().value(), PATIENTS, 2024, m));
        }
        int receipts = PATIENTS * MONTHS;
        Random moments = new Random();
        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            Process child = importers().startToKill("uke", folder, clinic);
            if (importers().waitForProgress(clinic, child, 1 + moments.nextInt(receipts / (KILLS + 1)) * (i + 1))) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                killed++;
            } else {
                child.waitFor(5, TimeUnit.MINUTES);
            }
        }
        Process last = importers().start("uke", folder, clinic);
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String output = importers().lastOutput();

        assertThat(last.exitValue()).as(output).isZero();
        assertThat(killed).as("the child was killed mid-import at least once").isPositive();
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationRequest'", clinic))
                .isEqualTo(receipts);
        assertThat(count("SELECT count(DISTINCT (patient_key, source_key)) FROM resource WHERE source_facility = ?"
                + " AND type = 'MedicationRequest'", clinic)).as("no duplicates").isEqualTo(receipts);
        assertThat(count("SELECT count(*) FROM resource WHERE source_facility = ? AND version > 1", clinic))
                .as("nothing written twice").isZero();
        assertThat(count("SELECT count(*) FROM import_file f JOIN import_source s ON s.id = f.source_id"
                + " WHERE s.facility_id = ?", clinic)).as("every file done once").isEqualTo(MONTHS);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND reason LIKE 'import UKE uke:%'"
                + " AND login_id = 'system:cli import'").param(auditBefore).query(Long.class).single())
                .as("one audit row per receipt, none lost with a kill").isEqualTo(receipts);
        assertThat(audit.verify().intact()).isTrue();
    }



    private ImportChildren importers() {
        if (importers == null) {
            importers = new ImportChildren(jdbc, dataSource, logs);
        }
        return importers;
    }

    private long count(String sql, Facility clinic) {
        return jdbc.sql(sql).param(clinic.id()).query(Long.class).single();
    }
}

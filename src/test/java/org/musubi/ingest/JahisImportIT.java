package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JAHIS medication-notebook samples written by others ({@code ../shared/samples/jahis-tc08}) through
 * the whole import: dispensings stored under the notebook's patient with drug names, codes, dates and
 * pharmacies; invalid files reported with their reason; split parts held and refused when they disagree; each record
 * stored audited once and the pharmacies and doctors created once ({@link BatchAudits}), nothing audited for what
 * changed nothing.
 */
@MusubiIntegrationTest
class JahisImportIT {

    static final Path SAMPLES = Path.of("../shared/samples/jahis-tc08");

    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired ImportLedger ledger;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityBatches identities;
    @Autowired AuditRows audit;

    private Facility pharmacy;
    private ImportSource source;

    @BeforeEach
    void setUp() {
        assumeTrue(Files.isDirectory(SAMPLES), "the shared JAHIS samples are absent: " + SAMPLES.toAbsolutePath());
        pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "取込薬局");
        source = sources.create(pharmacy.id(), ImportKind.JAHIS, "samples", SAMPLES.toString(), false);
    }

    @Test
    void storesTheSampleDispensingsAndReportsTheInvalidFilesWithTheirReason() {
        long mark = audit.max();
        ImportBatch batch = run();

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().filesDone()).as("8 notebooks and the samples' LICENSE").isEqualTo(9);
        List<String> errors = ledger.problems(batch.id(), true, 0, 100).stream()
                .map(p -> p.row().problem().where().file() + " " + p.row().problem().code()).toList();
        assertThat(errors).containsExactlyInAnyOrder(
                "tc-invalid-missing-drug-code.txt jahis.drug.codeMissing",
                "tc-invalid-missing-otc-sequence-parent.txt jahis.record.orphan",
                "tc-supported-records-full.txt jahis.split.countMismatch", "LICENSE jahis.header.missing");
        ImportLedger.StoredProblem missingCode = ledger.problems(batch.id(), true, 0, 100).stream()
                .filter(p -> p.row().problem().code().equals("jahis.drug.codeMissing")).findFirst().orElseThrow();
        assertThat(missingCode.row().problem().where().line()).isEqualTo(4);
        assertThat(missingCode.row().problem().where().field()).isEqualTo("201.薬品コード");
        assertThat(missingCode.row().raw()).contains("ノルバスク錠２．５ｍｇ");

        List<String> dispensed = dispenses();
        assertThat(dispensed).contains(
                "2026-03-12|ノルバスク錠２．５ｍｇ|612170709|株式会社 工業会薬局 本店",
                "2026-02-20|ロキソニン錠６０ｍｇ|610406001|株式会社 工業会薬局 南店",
                "2020-04-10|アダラートCR錠20mg|610421321|株式会社 工業会薬局 駅前店");
        assertThat(dispensed).as("the held split part's dispensing waits for its other parts")
                .noneMatch(d -> d.contains("他の薬との併用に注意"));
        assertThat(ledger.problems(batch.id(), false, 0, 100)).extracting(p -> p.row().problem().code())
                .contains("ingest.splitHeld");

        BatchAudits.Rows audited = BatchAudits.assertFirstBatch(audit, jdbc, identities, mark, batch, pharmacy.id(), "JAHIS");
        assertThat(audited.records()).as("the 17 records stored (with the blood type and weight of two notebooks)")
                .hasSize(17);
        assertThat(audited.directory()).as("the pharmacies and doctors, created once").isNotEmpty();
        assertThat(audited.records()).extracting(AuditRows.Row::patientId).as("a patient linked to a person is named")
                .anyMatch(Objects::nonNull);
        assertThat(audited.records()).extracting(AuditRows.Row::reason).as("the file each came from")
                .contains("import JAHIS jahis:dispense:20260310:1341234567:a67abdf948c42562 (tc-minimal-valid.txt)",
                        "import JAHIS jahis:patient-info:20260312 (tc-multi-dispensing.txt)")
                .noneMatch(r -> r.contains("tc-supported-records-full.txt") || r.contains("LICENSE"));
    }

    @Test
    void theSameNotebooksAgainOrUnderOtherNamesChangeNothing() {
        run();
        long dispenses = dispenses().size();
        long versions = versions();
        long mark = audit.max();

        ImportBatch again = run();

        assertThat(again.counts().filesSkipped()).isEqualTo(9);
        assertThat(dispenses()).hasSize((int) dispenses);
        assertThat(versions()).isEqualTo(versions);
        assertThat(audit.rows(mark, BatchAudits.ACTOR)).as("nothing changed, nothing audited").isEmpty();
    }

    /** Every version stored: the current ones (resource) and the earlier ones (resource_version). */
    private long versions() {
        return jdbc.sql("SELECT (SELECT count(*) FROM resource WHERE source_facility = ?) + (SELECT count(*)"
                + " FROM resource_version v JOIN resource r ON r.patient_key = v.patient_key AND r.id = v.id"
                + " WHERE r.source_facility = ?)").params(pharmacy.id(), pharmacy.id()).query(Long.class).single();
    }

    private ImportBatch run() {
        return imports.run(source, new DirectoryFiles(SAMPLES),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
    }

    /** Each stored MedicationDispense as "handed over|drug|code|pharmacy" (the name of the stored Organization it names). */
    private List<String> dispenses() {
        return jdbc.sql("""
                SELECT left(d->>'whenHandedOver', 10) || '|' || (d->'medicationCodeableConcept'->>'text') || '|'
                  || (d->'medicationCodeableConcept'->'coding'->0->>'code') || '|'
                  || coalesce((SELECT o.content::jsonb->>'name' FROM resource o
                               WHERE o.patient_key = 0 AND 'Organization/' || o.id = d->'performer'->0->'actor'->>'reference'), '')
                FROM resource, LATERAL (SELECT content::jsonb AS d) AS parsed WHERE source_facility = ? AND type = 'MedicationDispense' AND NOT deleted""")
                .param(pharmacy.id()).query(String.class).list();
    }
}

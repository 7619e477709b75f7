package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.Actor;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.record.RecordQuery;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.store.ResourceStore;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SS-MIX2 storage written by others ({@code ../shared/samples/ssmix2-nho/sampleData}) through the
 * whole import: every file imported or reported with its reason, the mapped values, and the storage's
 * own updates (condition flag 1 → 2) and deletions (flag 0) applied to what was stored; each record that changed
 * something audited once ({@link BatchAudits}), one that changed nothing not at all.
 */
@MusubiIntegrationTest
class Ssmix2ImportIT {

    static final Path SAMPLES = Path.of("../shared/samples/ssmix2-nho/sampleData");
    private static final String OMP01 = "999/901/9999013/20110701/OMP-01/";
    private static final String OMP01_FILE = "9999013_20110701_OMP-01_000000011000185_20110701224603984_01_";
    private static final Charset JIS = Charset.forName("ISO-2022-JP");

    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired ImportLedger ledger;
    @Autowired Facilities facilities;
    @Autowired IdentityBatches identities;
    @Autowired JdbcClient jdbc;
    @Autowired ResourceStore store;
    @Autowired AuditRows audit;

    @TempDir Path storage;
    private Facility hospital;
    private ImportSource source;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "the shared SS-MIX2 samples are absent: " + SAMPLES.toAbsolutePath());
        copy(SAMPLES, storage);
        hospital = ImportFacilities.fresh(facilities, FacilityKind.HOSPITAL, "登呂病院");
        source = sources.create(hospital.id(), ImportKind.SSMIX2, "storage", storage.toString(), false);
    }

    @Test
    void importsEveryFileOrReportsWhyAndMapsTheValues() {
        long mark = audit.max();
        ImportBatch batch = run();

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().filesSeen()).isEqualTo(22);
        assertThat(ledger.problems(batch.id(), true, 0, 50)).extracting(p -> p.row().problem().code() + " "
                + p.row().problem().where()).containsExactlyInAnyOrder(
                "ssmix2.misplaced 000/000/0000001/20000401/ADT-31/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1",
                // The tool's segment-order test file: after the message come bare segment names, an RXA among them.
                "rx.noDrug 000/000/0000001/20000401/OMP-11/0000001_20000401_OMP-11_123456789012345_20110701113813225_01_1:"
                        + " line 27 (RXA) RXA-5");
        assertThat(batch.counts().recordsDeleted()).as("the flag-0 order").isEqualTo(1);
        assertThat(batch.counts().recordsStored()).isEqualTo(19);

        SourcePatient patient = identities.sourcePatients(hospital.id(), List.of("9999013")).get("9999013");
        assertThat(List.of(patient.familyKanji(), patient.givenKanji(), patient.familyKana(), patient.givenKana()))
                .containsExactly("患者", "太郎", "カンジャ", "タロウ");
        assertThat(patient.birthDate()).hasToString("1948-04-05");
        assertThat(one(patient, "Condition", "content::jsonb->'code'->>'text'")).isEqualTo("胃炎");
        assertThat(codes(patient, "Condition", "code", FhirSystems.DISEASE_KEY + "|20054174", FhirSystems.ICD10 + "|K297",
                FhirSystems.DISEASE_EXCHANGE + "|TSQF", FhirSystems.ICD10 + "|K298")).as("found by code, and only by its own")
                .containsExactly(FhirSystems.DISEASE_KEY + "|20054174", FhirSystems.ICD10 + "|K297",
                        FhirSystems.DISEASE_EXCHANGE + "|TSQF");
        assertThat(codes(patient, "MedicationRequest", "code", FhirSystems.HOT9 + "|108665201"))
                .containsExactly(FhirSystems.HOT9 + "|108665201");
        assertThat(jdbc.sql("""
                SELECT content::jsonb->'dosageInstruction'->0->'timing'->'code'->'coding'->0->>'code' FROM resource
                WHERE patient_key = ? AND type = 'MedicationRequest' AND content::text LIKE '%108665201%'""")
                .param(patient.id()).query(String.class).single()).isEqualTo("1013044400000000");
        assertThat(jdbc.sql("""
                SELECT (content::jsonb->'valueQuantity'->>'value') || ' ' || (content::jsonb->'valueQuantity'->>'unit') FROM resource
                WHERE patient_key = ? AND type = 'Observation' AND content::jsonb->'code'->'coding'->0->>'code' = '3A015000002327101'""")
                .param(patient.id()).query(String.class).single()).isEqualTo("4.9 g/dl");
        assertThat(codes(patient, "Observation", "code", FhirSystems.JLAC10 + "|3A015000002327101"))
                .containsExactly(FhirSystems.JLAC10 + "|3A015000002327101");
        assertThat(jdbc.sql("""
                SELECT (content::jsonb->'period'->>'start') || ' ' || (content::jsonb->'period'->>'end') FROM resource
                WHERE patient_key = ? AND type = 'Encounter' AND content::jsonb->'class'->>'code' = 'IMP'""").param(patient.id())
                .query(String.class).list()).containsExactly("2011-11-20T16:00:00+09:00 2011-12-20T12:00:00+09:00");

        BatchAudits.Rows audited = BatchAudits.assertFirstBatch(audit, jdbc, identities, mark, batch, hospital.id(), "SSMIX2");
        String regionalId = identities.regionalIdsOf(List.of(patient.id())).get(patient.id());
        assertThat(regionalId).as("9999013 is linked to a person").isNotNull();
        assertThat(audited.records()).filteredOn(r -> !r.action().equals("DELETE")).as("the 19 records stored, all 9999013's")
                .hasSize(19).allSatisfy(r -> assertThat(r.patientId()).isEqualTo(regionalId));
        assertThat(audited.records()).extracting(AuditRows.Row::reason).contains("import SSMIX2 ssmix2:OMP-01:20110701:000000011000185"
                + " (" + OMP01 + OMP01_FILE + "1)");
        SourcePatient other = identities.sourcePatients(hospital.id(), List.of("0000001")).get("0000001");
        assertThat(audited.records()).filteredOn(r -> r.action().equals("DELETE")).as("the flag-0 order, of a patient never stored")
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).startsWith("import SSMIX2 ssmix2:OMP-11:20000401:123456789012346 (000/000/0000001/");
                    assertThat(r.resourceIds()).as("nothing was stored to delete").isEmpty();
                    assertThat(r.patientId()).isEqualTo(other == null ? null
                            : identities.regionalIdsOf(List.of(other.id())).get(other.id()));
                });
    }

    @Test
    void storesTheSameStorageOnceAndAppliesItsUpdatesAndDeletions() throws IOException {
        run();
        SourcePatient patient = identities.sourcePatients(hospital.id(), List.of("9999013")).get("9999013");
        long versions = versions();

        String regionalId = identities.regionalIdsOf(List.of(patient.id())).get(patient.id());
        assertThat(regionalId).as("9999013 is linked to a person").isNotNull();
        long mark = audit.max();
        ImportBatch again = run();
        assertThat(again.counts().filesSkipped()).isEqualTo(22);
        assertThat(versions()).isEqualTo(versions);
        assertThat(audit.rows(mark, BatchAudits.ACTOR)).as("nothing changed, nothing audited").isEmpty();

        Path current = storage.resolve(OMP01 + OMP01_FILE + "1");
        String message = new String(Files.readAllBytes(current), JIS);
        Files.move(current, storage.resolve(OMP01 + OMP01_FILE.replace("20110701224603984", "20110701224603984") + "2"));
        String updated = message.substring(0, message.lastIndexOf("ORC|")).replace("|108665201^ダーゼン錠（５mg)^HOT9|1||",
                "|108665201^ダーゼン錠（５mg)^HOT9|2||");
        Files.write(storage.resolve(OMP01 + OMP01_FILE.replace("20110701224603984", "20110702090000000") + "1"),
                updated.getBytes(JIS));
        mark = audit.max();
        ImportBatch update = run();

        assertThat(update.counts().recordsStored()).as("the newer version").isEqualTo(1);
        assertThat(update.counts().recordsUnchanged()).as("the renamed old version is not applied again").isEqualTo(1);
        assertThat(requests(patient)).containsExactlyInAnyOrder("108665201 2", "110626901 2");
        List<String> live = liveRequestIds(patient);
        assertThat(BatchAudits.assertBatch(audit, jdbc, identities, mark, update, hospital.id(), "SSMIX2").records())
                .as("the newer version only, once").singleElement().satisfies(r -> {
                    assertThat(r.action()).isEqualTo("UPDATE");
                    assertThat(r.patientId()).isEqualTo(regionalId);
                    assertThat(r.reason()).isEqualTo("import SSMIX2 ssmix2:OMP-01:20110701:000000011000185 (" + OMP01
                            + OMP01_FILE.replace("20110701224603984", "20110702090000000") + "1)");
                    assertThat(r.resourceIds()).isNotEmpty().allMatch(id -> id.startsWith("MedicationRequest/"));
                });

        Files.move(storage.resolve(OMP01 + OMP01_FILE.replace("20110701224603984", "20110702090000000") + "1"),
                storage.resolve(OMP01 + OMP01_FILE.replace("20110701224603984", "20110702090000000") + "0"));
        Files.write(storage.resolve(OMP01 + OMP01_FILE.replace("20110701224603984", "20110703090000000") + "0"),
                updated.replace("ORC|NW|", "ORC|CA|").getBytes(JIS));
        mark = audit.max();
        ImportBatch deletion = run();

        assertThat(deletion.counts().recordsDeleted()).isEqualTo(1);
        assertThat(requests(patient)).as("the deleted order's requests are gone").isEmpty();
        assertThat(BatchAudits.assertBatch(audit, jdbc, identities, mark, deletion, hospital.id(), "SSMIX2").records())
                .as("the deletion, once").singleElement().satisfies(r -> {
                    assertThat(r.action()).isEqualTo("DELETE");
                    assertThat(r.patientId()).isEqualTo(regionalId);
                    assertThat(r.reason()).startsWith("import SSMIX2 ssmix2:OMP-01:20110701:000000011000185 (" + OMP01);
                    assertThat(r.resourceIds()).as("the requests it deleted").containsExactlyInAnyOrderElementsOf(live);
                });
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE patient_key = ? AND type = 'MedicationRequest' AND deleted")
                .param(patient.id()).query(Long.class).single()).as("kept as deleted versions").isEqualTo(3);
    }

    private ImportBatch run() {
        return imports.run(source, FolderFiles.of(ImportKind.SSMIX2, storage),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
    }

    /** Live prescriptions of the OMP-01 order as "HOT code dose". */
    private List<String> requests(SourcePatient patient) {
        return jdbc.sql("""
                SELECT (content::jsonb->'medicationCodeableConcept'->'coding'->0->>'code') || ' '
                  || (content::jsonb->'dosageInstruction'->0->'doseAndRate'->0->'doseQuantity'->>'value')
                FROM resource WHERE patient_key = ? AND type = 'MedicationRequest' AND NOT deleted
                  AND source_key LIKE 'ssmix2:OMP-01:%'""").param(patient.id()).query(String.class).list();
    }

    /** The live prescriptions of the OMP-01 order as {@code MedicationRequest/id}. */
    private List<String> liveRequestIds(SourcePatient patient) {
        return jdbc.sql("""
                SELECT 'MedicationRequest/' || id FROM resource WHERE patient_key = ? AND type = 'MedicationRequest' AND NOT deleted
                  AND source_key LIKE 'ssmix2:OMP-01:%'""").param(patient.id()).query(String.class).list();
    }

    private String one(SourcePatient patient, String type, String expression) {
        return jdbc.sql("SELECT " + expression + " FROM resource WHERE patient_key = ? AND type = ? AND NOT deleted")
                .params(patient.id(), type).query(String.class).list().getFirst();
    }

    /** Those of the {@code system|code} tokens a search of the patient's resources of {@code type} finds by {@code param}. */
    private List<String> codes(SourcePatient patient, String type, String param, String... tokens) {
        var allowed = Arrays.stream(DataCategory.values())
                .map(c -> new DataItem(hospital.id(), c)).collect(Collectors.toSet());
        return Arrays.stream(tokens).filter(token -> {
            String[] parts = token.split("\\|", 2);
            var condition = new RecordQuery.TokenCondition(param, List.of(new RecordQuery.Value(parts[0], parts[1])));
            return store.search(Set.of(patient.id()), allowed,
                    new RecordQuery(type, List.of(condition), null, null, null, true, 10, 0)).total() > 0;
        }).toList();
    }

    /** Every version stored: the current ones (resource) and the earlier ones (resource_version). */
    private long versions() {
        return jdbc.sql("SELECT (SELECT count(*) FROM resource WHERE source_facility = ?) + (SELECT count(*)"
                + " FROM resource_version v JOIN resource r USING (patient_key, id) WHERE r.source_facility = ?)")
                .params(hospital.id(), hospital.id()).query(Long.class).single();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}

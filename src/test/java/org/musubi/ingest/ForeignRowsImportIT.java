package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.database.OwnerDatabase;
import org.musubi.database.Standby;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.MatchSourcePatients;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.batch.MappingContexts;
import org.musubi.ingest.chunk.ImportAudits;
import org.musubi.ingest.chunk.ImportChunks;
import org.musubi.ingest.chunk.ImportPatients;
import org.musubi.ingest.chunk.Preparation;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.readers.SourceReaders;
import org.musubi.record.IdKeys;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.imports.ImportRecords;
import org.musubi.record.store.ResourceStore;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding 6: an import never fails because of another facility's rows, and a chunk that fails leaves no identity
 * state behind. A row of another facility under one of the clinic's import ids (put there directly, as a squat of
 * the time before keyed ids would be) sets aside only the record that needs it, rejected with a problem naming it;
 * a Patient whose id is taken is stored under another; the rest of the chunk is stored. A chunk that fails for any
 * reason stores no source patient, person or link for its patients. Before the fix the first batch failed as a
 * whole, and the failed chunk's patients stayed stored, matched and linked with no data.
 */
@MusubiIntegrationTest
class ForeignRowsImportIT {

    private static final String KANJI = "一二三四五六七八九十百千万松竹梅桜桃菊蘭葵藤萩柳杉桐楓椿";
    private static final String KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";

    @Autowired ImportLedger ledger;
    @Autowired ImportSources sources;
    @Autowired Facilities facilities;
    @Autowired IdentityBatches identities;
    @Autowired MatchSourcePatients matching;
    @Autowired InsuredKeys insuredKeys;
    @Autowired ResourceStore store;
    @Autowired ImportRecords records;
    @Autowired Audit audit;
    @Autowired FhirContext fhir;
    @Autowired ResourceEncoder encoder;
    @Autowired IdKeys keys;
    @Autowired JdbcClient jdbc;
    @Autowired OwnerDatabase owner;

    private RunImport imports;
    private Facility clinic;
    private Facility other;
    private ImportSource source;
    private ImportIds ids;

    @BeforeEach
    void setUp() {
        imports = new RunImport(ledger, SourceReaders.of(Map.of(ImportKind.LAB_CSV, new LineReader())),
                new MappingContexts(facilities, keys),
                new ImportChunks(new ImportPatients(identities, matching, store, insuredKeys), new Preparation(fhir, encoder),
                        ledger, records, new ImportAudits(audit)), Standby.fixed(false));
        clinic = ImportFacilities.fresh(facilities, FacilityKind.CLINIC, "先取られ診療所");
        other = ImportFacilities.fresh(facilities, FacilityKind.CLINIC, "先取り診療所");
        source = sources.create(clinic.id(), ImportKind.LAB_CSV, "test", null, false);
        ids = ImportIds.of(keys.current(), clinic.id());
    }

    @Test
    void rejectsOnlyTheRecordWhoseIdAnotherFacilityHoldsAndStoresTheRest() {
        String p1 = local();
        String p2 = local();
        String p3 = local();
        String takenObservation = ids.resource(p1, "Observation", "r2/B");
        String takenPatient = ids.resource(p2, "Patient", p2);
        plant("Observation", takenObservation);
        plant("Patient", takenPatient);
        long auditBefore = auditMax();

        ImportBatch batch = run(file("a.txt", line(p1, "r1", "A=1"), line(p1, "r2", "B=2"), line(p2, "r3", "C=3"),
                line(p3, "r4", "D=4")));

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsStored()).isEqualTo(3);
        assertThat(batch.counts().recordsRejected()).isEqualTo(1);
        List<ImportLedger.StoredProblem> problems = ledger.problems(batch.id(), true, 0, 10);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.row().problem().code()).isEqualTo("ingest.idTaken");
            assertThat(p.row().problem().where().file()).isEqualTo("a.txt");
            assertThat(p.row().problem().where().line()).isEqualTo(2);
            assertThat(p.row().problem().english()).contains("Observation/" + takenObservation).contains("not stored");
            assertThat(p.row().problem().japanese()).contains("Observation/" + takenObservation).contains("保存しませんでした");
        });
        assertThat(owner(ids.resource(p1, "Observation", "r1/A"))).isEqualTo(clinic.id());
        assertThat(owner(ids.resource(p3, "Observation", "r4/D"))).isEqualTo(clinic.id());
        long key2 = identities.sourcePatients(clinic.id(), List.of(p2)).get(p2).id();
        String patient2 = store.patientIds(clinic.id(), List.of(key2)).get(key2);
        assertThat(patient2).as("the patient stored under another id").isNotNull().isNotEqualTo(takenPatient);
        assertThat(fhir.newJsonParser().parseResource(Observation.class, store.find("Observation",
                ids.resource(p2, "Observation", "r3/C")).orElseThrow().json()).getSubject().getReference())
                .isEqualTo("Patient/" + patient2);
        assertThat(jdbc.sql("SELECT source_facility || ' ' || version FROM resource WHERE id IN (?, ?)")
                .params(takenObservation, takenPatient).query(String.class).list()).as("the other facility's rows untouched")
                .containsExactly(other.id() + " 1", other.id() + " 1");
        assertThat(identities.regionalIdsOf(identities.sourcePatients(clinic.id(), List.of(p1, p2, p3)).values().stream()
                .map(s -> s.id()).toList())).as("every patient, each with data, matched").hasSize(3);
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE seq > ? AND reason LIKE 'import %'").param(auditBefore)
                .query(String.class).list()).as("one row per stored record")
                .containsExactlyInAnyOrder("import LAB_CSV r1 (a.txt)", "import LAB_CSV r3 (a.txt)", "import LAB_CSV r4 (a.txt)");

        ImportBatch again = run(file("b.txt", line(p1, "r2", "B=2"), line(p1, "r5", "E=5")));
        assertThat(again.status()).isEqualTo(BatchStatus.DONE);
        assertThat(again.counts().recordsRejected()).isEqualTo(1);
        assertThat(again.counts().recordsStored()).isEqualTo(1);
    }

    @Test
    void aChunkThatFailsLeavesNoSourcePatientPersonNorLinkAndIsStoredWhenRunAgain() throws Exception {
        String p4 = local();
        String p5 = local();
        String blocked = ids.resource(p5, "Observation", "r6/F");
        String constraint = "test_blocked_" + Math.abs(ThreadLocalRandom.current().nextInt());
        long persons = jdbc.sql("SELECT coalesce(max(id), 0) FROM person").query(Long.class).single();
        long auditBefore = auditMax();
        SourceFile file = file("c.txt", line(p4, "r5", "E=5"), line(p5, "r6", "F=6"));
        JdbcTemplate ddl = new JdbcTemplate(owner.dataSource());
        ddl.execute("ALTER TABLE resource ADD CONSTRAINT " + constraint + " CHECK (id <> '" + blocked + "') NOT VALID");
        try {
            assertThatThrownBy(() -> run(file)).as("the chunk fails in the database").isNotNull();
        } finally {
            ddl.execute("ALTER TABLE resource DROP CONSTRAINT " + constraint);
        }

        assertThat(identities.sourcePatients(clinic.id(), List.of(p4, p5))).as("no source patient").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id > ?").param(persons).query(Long.class).single())
                .as("no person").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ?"
                + " AND (resource_type = 'SourcePatient' OR reason LIKE 'import %')").param(auditBefore)
                .query(Long.class).single()).as("no audit row claims a match or a write").isZero();

        ImportBatch again = run(file);
        assertThat(again.status()).isEqualTo(BatchStatus.DONE);
        assertThat(again.counts().recordsStored()).isEqualTo(2);
        var stored = identities.sourcePatients(clinic.id(), List.of(p4, p5));
        assertThat(stored).hasSize(2);
        assertThat(identities.regionalIdsOf(stored.values().stream().map(s -> s.id()).toList())).hasSize(2);
        assertThat(owner(blocked)).isEqualTo(clinic.id());
    }

    /** A row of the other facility under {@code id}, under a patient of its own, as a squat would leave it. */
    private void plant(String type, String id) {
        jdbc.sql("""
                INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated, content_hash,
                  content) VALUES (?, ?, ?, 1, ?, 'LAB_RESULTS', now(), '\\x00', ?)""")
                .params(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), id, type, other.id(),
                        "{\"resourceType\":\"" + type + "\"}").update();
    }

    private Long owner(String id) {
        return jdbc.sql("SELECT source_facility FROM resource WHERE id = ?").param(id).query(Long.class).single();
    }

    private long auditMax() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
    }

    private ImportBatch run(SourceFile... files) {
        return imports.run(source, Arrays.stream(files).map(f -> new IncomingFile(f, Instant.parse("2026-01-01T00:00:00Z")))
                .iterator(), new RunImport.Runner(null, Actor.system("import-test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
    }

    /** A local id with a name and birth date no other test patient has, so that matching makes a new person. */
    private static String local() {
        return "F" + ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    private static String line(String local, String recordKey, String items) {
        int n = Math.floorMod(local.hashCode(), 1_000_000);
        String family = "先" + KANJI.charAt(n % KANJI.length()) + KANJI.charAt(n / KANJI.length() % KANJI.length());
        String kana = "" + KANA.charAt(n % KANA.length()) + KANA.charAt(n / KANA.length() % KANA.length())
                + KANA.charAt(n / 1000 % KANA.length());
        String birth = LocalDate.of(1900, 1, 1).plusDays(n % 36_000).toString();
        return String.join(",", local, family, "花子", kana, "ハナコ", birth, recordKey, "", "STORE", items);
    }

    private static SourceFile file(String name, String... lines) {
        return SourceFile.of(name, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}

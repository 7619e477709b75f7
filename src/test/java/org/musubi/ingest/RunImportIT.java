package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.MatchSourcePatients;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.batch.ImportThreads;
import org.musubi.ingest.batch.MappingContexts;
import org.musubi.ingest.chunk.ImportAudits;
import org.musubi.ingest.chunk.ImportChunks;
import org.musubi.ingest.chunk.ImportPatients;
import org.musubi.ingest.chunk.Preparation;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.readers.SourceReaders;
import org.musubi.record.IdKeys;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.StoredResource;
import org.musubi.record.imports.ImportRecords;
import org.musubi.record.store.ResourceStore;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pipeline with a trivial test adapter ({@link LineReader}) over the real store, identity matching
 * and audit trail: checkpoints, idempotency, versions, deletions, rejections and one audit row per record.
 */
@MusubiIntegrationTest
class RunImportIT {

    @Autowired ImportLedger ledger;
    @Autowired ImportSources sources;
    @Autowired Facilities facilities;
    @Autowired IdKeys idKeys;
    @Autowired IdentityBatches identityBatches;
    @Autowired IdentityStore identities;
    @Autowired MatchSourcePatients matching;
    @Autowired InsuredKeys insuredKeys;
    @Autowired ResourceStore store;
    @Autowired ImportRecords records;
    @Autowired Audit audit;
    @Autowired FhirContext fhir;
    @Autowired ResourceEncoder encoder;
    @Autowired AuditRows auditRows;
    @Autowired JdbcClient jdbc;

    private RunImport imports;
    private Facility clinic;
    private ImportSource source;
    private final String patient = "P" + ThreadLocalRandom.current().nextInt(1_000_000);
    private static final String KANJI = "一二三四五六七八九十百千万松竹梅桜桃菊蘭葵藤萩柳杉桐楓椿";
    /** A name and birth date no other test patient has, so that matching makes a new person rather than a review. */
    private final String family = "取" + KANJI.charAt(ThreadLocalRandom.current().nextInt(KANJI.length()))
            + KANJI.charAt(ThreadLocalRandom.current().nextInt(KANJI.length()));
    private final String given = KANJI.charAt(ThreadLocalRandom.current().nextInt(KANJI.length())) + "子";
    private static final String KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
    private final String kana = "" + KANA.charAt(ThreadLocalRandom.current().nextInt(KANA.length()))
            + KANA.charAt(ThreadLocalRandom.current().nextInt(KANA.length())) + KANA.charAt(ThreadLocalRandom.current().nextInt(KANA.length()));
    private final String birth = LocalDate.of(1900, 1, 1)
            .plusDays(ThreadLocalRandom.current().nextInt(36_000)).toString();

    @BeforeEach
    void setUp() {
        imports = new RunImport(ledger, SourceReaders.of(Map.of(ImportKind.LAB_CSV, new LineReader())),
                new MappingContexts(facilities, idKeys),
                new ImportChunks(new ImportPatients(identityBatches, matching, store, insuredKeys), new Preparation(fhir, encoder),
                        ledger, records, new ImportAudits(audit)), Standby.fixed(false));
        String code = MedicalInstitutionCode.of(34, 1, 600000 + ThreadLocalRandom.current().nextInt(99999)).value();
        clinic = facilities.insert(new FacilityDraft("取込診療所", "トリコミシンリョウジョ", FacilityKind.CLINIC, code, 34,
                "広島市中区", "082-000-0000", true, true, FacilityStatus.ACTIVE));
        source = sources.create(clinic.id(), ImportKind.LAB_CSV, "test", null, false);
    }

    @Test
    void storesRecordsWithTheirPatientAndAuditsEachRecordOnce() {
        long before = auditRows.max();
        ImportBatch batch = run(file("a.txt", line("r1", "", "STORE", "A=1;B=2"), line("r2", "", "STORE", "C=3")));

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts()).isEqualTo(new BatchCounts(1, 0, 1, 2, 2, 0, 0, 0, 4, 0));
        long key = identityBatches.sourcePatients(clinic.id(), List.of(patient)).get(patient).id();
        String regionalId = identityBatches.regionalIdsOf(List.of(key)).get(key);
        assertThat(regionalId).as("matched to a person (new or existing)").isNotNull();
        StoredResource a = store.find("Observation", ids().resource(patient, "Observation", "r1/A")).orElseThrow();
        String patientId = store.patientIds(clinic.id(), List.of(key)).get(key);
        Observation stored = observation(a);
        assertThat(stored.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(stored.getDerivedFrom()).extracting(Reference::getReference)
                .containsExactly("Observation/" + ids().resource(patient, "Observation", "r1/Ax"));
        assertThat(a.patientKey()).isEqualTo(key);
        assertThat(auditRows.forPatient(before, regionalId)).filteredOn(r -> r.contains("import"))
                .containsExactly("CREATE PERMIT import LAB_CSV r1 (a.txt)", "CREATE PERMIT import LAB_CSV r2 (a.txt)");
    }

    @Test
    void skipsAFileDeliveredBeforeAndStoresTheSameRecordOnce() {
        SourceFile file = file("a.txt", line("r1", "", "STORE", "A=1"));
        run(file);
        long before = auditRows.max();

        ImportBatch again = run(file);
        ImportBatch renamed = run(SourceFile.of("b.txt", file.bytes()));
        ImportBatch sameRecordOtherFile = run(file("c.txt", line("r1", "", "STORE", "A=1"), line("r9", "", "STORE", "")));

        assertThat(again.counts().filesSkipped()).isEqualTo(1);
        assertThat(renamed.counts().filesSkipped()).as("same content under another name").isEqualTo(1);
        assertThat(sameRecordOtherFile.counts().recordsUnchanged()).isEqualTo(1);
        assertThat(sameRecordOtherFile.counts().resourcesWritten()).isEqualTo(0);
        assertThat(store.history("Observation", ids().resource(patient, "Observation", "r1/A"))).hasSize(1);
        assertThat(auditRowsAfter(before)).as("nothing written, nothing audited").isZero();
    }

    @Test
    void appliesNewerVersionsOnlyAndDeletesWhatARecordNoLongerHas() {
        run(file("v2.txt", line("r1", "20240102", "STORE", "A=1;B=2")));
        ImportBatch older = run(file("v1.txt", line("r1", "20240101", "STORE", "A=9")));
        ImportBatch newer = run(file("v3.txt", line("r1", "20240103", "STORE", "A=5")));

        assertThat(older.counts().recordsUnchanged()).as("an older version is not applied").isEqualTo(1);
        String a = ids().resource(patient, "Observation", "r1/A");
        String b = ids().resource(patient, "Observation", "r1/B");
        assertThat(observation(store.find("Observation", a).orElseThrow()).getValueQuantity().getValue()).isEqualByComparingTo("5");
        assertThat(store.find("Observation", b).orElseThrow().deleted()).as("B is gone from version 3").isTrue();
        assertThat(newer.counts().recordsStored()).isEqualTo(1);

        ImportBatch deleted = run(file("v4.txt", line("r1", "20240104", "DELETE", "")));
        ImportBatch stale = run(file("v3b.txt", line("r1", "20240103", "STORE", "A=6")));

        assertThat(deleted.counts().recordsDeleted()).isEqualTo(1);
        assertThat(store.find("Observation", a).orElseThrow().deleted()).isTrue();
        assertThat(stale.counts().recordsUnchanged()).as("a deleted record stays deleted against older versions").isEqualTo(1);
        assertThat(store.find("Observation", a).orElseThrow().deleted()).isTrue();
    }

    @Test
    void hashesTheVeryBytesItsAdapterReadSoAFileRewrittenMeanwhileIsTakenWhenDeliveredAgain() {
        byte[] first = String.join("\n", line("w1", "20240101", "STORE", "A=1")).getBytes(StandardCharsets.UTF_8);
        // Not the same length either: a file of the same name, size and time is taken as known unread.
        byte[] second = String.join("\n", line("w1", "20240102", "STORE", "A=22")).getBytes(StandardCharsets.UTF_8);
        AtomicInteger opens = new AtomicInteger();
        // A sender rewriting the file while it is imported: each opening finds the newer content.
        SourceFile rewritten = new SourceFile("w.txt", first.length,
                () -> new ByteArrayInputStream(opens.getAndIncrement() == 0 ? first : second));

        ImportBatch batch = run(rewritten);
        ImportBatch again = run(SourceFile.of("w.txt", second));

        assertThat(batch.counts().recordsStored()).isEqualTo(1);
        assertThat(opens.get()).as("read from disk once: hashed and read by the adapter").isEqualTo(1);
        assertThat(again.counts().filesSkipped()).as("the content it now holds was never read").isZero();
        assertThat(again.counts().recordsStored()).isEqualTo(1);
        String a = ids().resource(patient, "Observation", "w1/A");
        assertThat(observation(store.find("Observation", a).orElseThrow()).getValueQuantity().getValue()).isEqualByComparingTo("22");
    }

    @Test
    void storesChunksOfDifferentPatientsAtOnceAndThoseOfOnePatientOneAfterAnother() {
        AtomicInteger storing = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // The real ledger, counting the chunk transactions running at once.
        ImportLedger counting = (ImportLedger) java.lang.reflect.Proxy.newProxyInstance(ImportLedger.class.getClassLoader(),
                new Class<?>[] {ImportLedger.class}, (proxy, method, args) -> {
                    boolean chunk = method.getName().equals("inTransaction");
                    if (chunk) {
                        most.accumulateAndGet(storing.incrementAndGet(), Math::max);
                    }
                    try {
                        return method.invoke(ledger, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (chunk) {
                            storing.decrementAndGet();
                        }
                    }
                });
        RunImport twoAtOnce = new RunImport(counting, SourceReaders.of(Map.of(ImportKind.LAB_CSV, new LineReader())),
                new MappingContexts(facilities, idKeys),
                new ImportChunks(new ImportPatients(identityBatches, matching, store, insuredKeys), new Preparation(fhir, encoder),
                        counting, records, new ImportAudits(audit)), Standby.fixed(false));
        // One patient with more records than two chunks hold (their chunks must wait for one another: each
        // would write the patient's Patient), then 40 patients of 250 records, two files each.
        String prefix = "C" + ThreadLocalRandom.current().nextInt(1_000_000) + "-";
        List<SourceFile> files = new ArrayList<>();
        String big = prefix + "big";
        for (int f = 0; f < 45; f++) {
            files.add(records(big, "big" + f, f * 100, 100));
        }
        for (int p = 0; p < 40; p++) {
            files.add(records(prefix + p, "p" + p + "a", 0, 125));
            files.add(records(prefix + p, "p" + p + "b", 125, 125));
        }

        ImportBatch batch = twoAtOnce.run(source, files.stream().map(f -> new IncomingFile(f, Instant.parse("2026-01-01T00:00:00Z")))
                .iterator(), new RunImport.Runner(null, Actor.system("import-test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsStored()).isEqualTo(4_500 + 40 * 250);
        assertThat(batch.counts().resourcesWritten()).as("an Observation per record and a Patient per patient")
                .isEqualTo(4_500 + 40 * 250 + 41);
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'Patient'")
                .param(clinic.id()).query(Long.class).single()).isEqualTo(41);
        long bigKey = identityBatches.sourcePatients(clinic.id(), List.of(big)).get(big).id();
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE patient_key = ? AND type = 'Observation'")
                .param(bigKey).query(Long.class).single()).isEqualTo(4_500);
        assertThat(most.get()).as("chunks of different patients stored at once").isEqualTo(ImportThreads.STORING);
    }

    /** A file of {@code count} records of one patient, record keys from {@code first}. */
    private static SourceFile records(String patientId, String name, int first, int count) {
        int n = Math.floorMod(patientId.hashCode(), 20_000);
        String family = "鎖" + KANJI.charAt(n % KANJI.length()) + KANJI.charAt(n / KANJI.length() % KANJI.length());
        String kana = "" + KANA.charAt(n % KANA.length()) + KANA.charAt(n / KANA.length() % KANA.length()) + "ガワ";
        String birth = LocalDate.of(1920, 1, 1).plusDays(n).toString();
        List<String> lines = new ArrayList<>();
        for (int r = first; r < first + count; r++) {
            lines.add(String.join(",", patientId, family, "次郎", kana, "ジロウ", birth, patientId + "-r" + r, "", "STORE", "A=" + r));
        }
        return file(name + ".txt", lines.toArray(String[]::new));
    }

    @Test
    void rejectsABadRecordWithItsRawInputAndKeepsTheOthers() {
        ImportBatch batch = run(file("mixed.txt", line("r1", "", "STORE", "A=1"), "!garbage line", line("r2", "", "STORE", "B=2")));

        assertThat(batch.counts().recordsStored()).isEqualTo(2);
        assertThat(batch.counts().recordsRejected()).isEqualTo(1);
        List<ImportLedger.StoredProblem> problems = ledger.problems(batch.id(), true, 0, 10);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().row().raw()).isEqualTo("!garbage line");
        assertThat(problems.getFirst().row().problem().where().line()).isEqualTo(2);
        assertThat(problems.getFirst().row().problem().english()).isEqualTo("bad line");
    }

    @Test
    void keepsThePatientAsTheSourcesPatientInformationSaysAndNotAsLaterRecords() {
        run(file("p.txt", line("patient", "", "STORE", ""), line("r1", "", "STORE", "A=1")));
        long key = identityBatches.sourcePatients(clinic.id(), List.of(patient)).get(patient).id();
        String patientId = store.patientIds(clinic.id(), List.of(key)).get(key);

        run(file("q.txt", patient + ",別姓," + given + "," + kana + ",ハナコ," + birth + ",r2,,STORE,B=1"));
        assertThat(identities.sourcePatient(key).orElseThrow().familyKanji()).isEqualTo(family);
        assertThat(store.find("Patient", patientId).orElseThrow().version()).isEqualTo(1);

        run(file("p2.txt", patient + ",改姓," + given + "," + kana + ",ハナコ," + birth + ",patient,,STORE,"));
        assertThat(identities.sourcePatient(key).orElseThrow().familyKanji()).isEqualTo("改姓");
        assertThat(store.find("Patient", patientId).orElseThrow().json()).contains("改姓");
    }

    @Test
    void readsTheFilesItsAdapterNeedsInOrderOneAfterAnotherAndTheOthersBesideThem() {
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        LineReader lines = new LineReader();
        SourceReader reader = new SourceReader() {
            @Override
            public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
                if (file.name().equals("part-1.txt")) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                lines.read(file, context, results);
                finished.add(file.name());
            }

            @Override
            public boolean readsInOrder(SourceFile file) {
                return file.name().startsWith("part-");
            }
        };
        RunImport ordered = new RunImport(ledger, SourceReaders.of(Map.of(ImportKind.LAB_CSV, reader)),
                new MappingContexts(facilities, idKeys),
                new ImportChunks(new ImportPatients(identityBatches, matching, store, insuredKeys), new Preparation(fhir, encoder),
                        ledger, records, new ImportAudits(audit)), Standby.fixed(false));

        ImportBatch batch = ordered.run(source, Stream.of(
                        file("part-1.txt", line("o1", "", "STORE", "A=1")), file("other-a.txt", line("o2", "", "STORE", "A=2")),
                        file("part-2.txt", line("o3", "", "STORE", "A=3")), file("other-b.txt", line("o4", "", "STORE", "A=4")),
                        file("part-3.txt", line("o5", "", "STORE", "A=5")))
                .map(f -> new IncomingFile(f, Instant.parse("2026-01-01T00:00:00Z"))).iterator(),
                new RunImport.Runner(null, Actor.system("import-test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsStored()).isEqualTo(5);
        assertThat(finished.stream().filter(n -> n.startsWith("part-")).toList())
                .as("the slow first part holds back the later parts, not the other files")
                .containsExactly("part-1.txt", "part-2.txt", "part-3.txt");
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertThat(finished.indexOf("other-a.txt")).as("read beside the slow part").isLessThan(finished.indexOf("part-1.txt"));
        }
    }

    private ImportBatch run(SourceFile... files) {
        return imports.run(source, Arrays.stream(files).map(f -> new IncomingFile(f, Instant.parse("2026-01-01T00:00:00Z")))
                .iterator(), new RunImport.Runner(null, Actor.system("import-test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
    }

    private String line(String recordKey, String version, String action, String items) {
        return String.join(",", patient, family, given, kana, "ハナコ", birth, recordKey, version, action, items);
    }

    private static SourceFile file(String name, String... lines) {
        return SourceFile.of(name, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private long auditRowsAfter(long seq) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE seq > ? AND reason LIKE 'import%'").param(seq)
                .query(Long.class).single();
    }

    private Observation observation(StoredResource stored) {
        return fhir.newJsonParser().parseResource(Observation.class, stored.json());
    }

    /** The ids the clinic's imports make. */
    private ImportIds ids() {
        return ImportIds.of(idKeys.current(), clinic.id());
    }
}

package org.musubi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.musubi.database.OwnerDatabase;
import org.musubi.research.Criteria;
import org.musubi.research.ProjectStatus;
import org.musubi.research.ResearchDesk;
import org.musubi.research.ResearchProjects;
import org.musubi.research.Scope;
import org.musubi.research.extraction.Extraction;
import org.musubi.research.extraction.ExtractionRunner;
import org.musubi.research.extraction.Extractions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A de-identified research extraction at the size of issue 48's closing note: {@code --persons} synthetic persons
 * (default 100,000, by COPY) of one hospital, each with their facility's Patient (name, identifier, phone: never read by
 * the release), {@code --conditions} Conditions with an ICD-10 code of E11 (default 1) and {@code --labs} HbA1c
 * Observations (default 3), generated in PostgreSQL; every {@code --opted-out}th person (default 50) opted out. A network
 * admin's approved project (diagnoses E11, categories DIAGNOSES and LAB_RESULTS) is extracted by the real job
 * ({@link ExtractionRunner#drain}): the cohort query, the record's research door, both passes of the pipeline
 * (k-anonymity with k = 5, then de-identification), NDJSON files into the blob store. Reports resources per second
 * (resources read into the pipeline over the extraction's wall time), the cohort query's share, and the peak heap in
 * use (sampled every 50 ms). Not a test: {@code bench/research-extraction.sh}.
 */
public final class ResearchExtractionBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("persons", 100_000L);
        defaults.put("conditions", 1L);
        defaults.put("labs", 3L);
        defaults.put("opted-out", 50L);
        BenchOptions options = BenchOptions.parse(args, defaults);
        int persons = options.integer("persons");
        int conditions = options.integer("conditions");
        int labs = options.integer("labs");
        int optedOutEvery = options.integer("opted-out");
        SuiteFigures figures = new SuiteFigures("research-extraction");
        System.out.printf(Locale.ROOT, "research extraction benchmark: %,d persons, %d conditions and %d lab results "
                + "each, every %dth opted out%n", persons, conditions, labs, optedOutEvery);
        try (BenchDatabase database = BenchDatabase.start()) {
            long start = System.nanoTime();
            database.loadPersons(20261127, persons, 34);
            System.out.printf(Locale.ROOT, "loaded persons in %.1f s%n", seconds(start));
            start = System.nanoTime();
            long userId;
            try (Connection owner = database.bean(OwnerDatabase.class).dataSource().getConnection();
                 Statement sql = owner.createStatement()) {
                userId = generate(sql, conditions, labs, optedOutEvery);
            }
            System.out.printf(Locale.ROOT, "generated source patients, links and resources in %.1f s%n", seconds(start));

            ResearchProjects projects = database.bean(ResearchProjects.class);
            LocalDate today = LocalDate.now(ResearchDesk.ZONE);
            Criteria criteria = new Criteria(List.of("E11"), List.of(), null, null, null, null, null, null, null);
            Scope scope = new Scope(criteria, List.of("DIAGNOSES", "LAB_RESULTS"), Map.of());
            long project = projects.add(new ResearchProjects.Application("ベンチマーク", "広島テスト大学", "抽出の速さ",
                    "B-1", "0".repeat(64), 0, today.minusDays(1), today.plusYears(1), scope, userId, List.of(userId)));
            projects.decide(project, ProjectStatus.APPLIED, ProjectStatus.APPROVED, scope, null, userId, null);
            Extractions extractions = database.bean(Extractions.class);
            long extraction = extractions.queue(project, userId, 5);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            start = System.nanoTime();
            database.bean(ExtractionRunner.class).drain();
            double elapsed = seconds(start);
            sampler.interrupt();
            Extraction done = extractions.find(extraction).orElseThrow();
            if (done.report() == null) {
                throw new IllegalStateException("the extraction did not finish: " + done.state() + " " + done.error());
            }
            JsonNode report = JsonMapper.builder().build().readTree(done.report());
            long in = report.path("resources").path("in").asLong();
            long out = 0;
            for (JsonNode n : report.path("resources").path("outByType")) {
                out += n.asLong();
            }
            long bytes = done.files().stream().mapToLong(Extraction.File::size).sum();
            System.out.printf(Locale.ROOT, "extraction %d: %s in %.1f s: cohort %,d persons, %,d resources in, %,d out "
                            + "(%.1f MB of NDJSON), k %d (threshold %d), %,d persons suppressed; %s%n", extraction,
                    done.state(), elapsed, report.path("cohort").path("selected").asLong(), in, out, bytes / 1e6,
                    report.path("kAnonymity").path("achieved").asInt(), report.path("kAnonymity").path("threshold").asInt(),
                    report.path("kAnonymity").path("suppressedPersons").asLong(),
                    report.path("kAnonymity").path("generalisation").asString());
            double rate = in / elapsed;
            double peakMb = (peak.get() - baseline) / 1048576.0;
            System.out.printf(Locale.ROOT, "rate: %,.0f resources/s (%,.0f persons/s); peak heap in use above the start: "
                    + "%.0f MiB (max heap %.0f MiB)%n", rate, report.path("cohort").path("read").asLong() / elapsed,
                    peakMb, memory.getHeapMemoryUsage().getMax() / 1048576.0);
            figures.value("research extraction (" + persons + " persons)", "resources/s", rate, "", null);
            figures.value("research extraction peak heap above start", "MiB", peakMb, "", null);
        }
        figures.writeIfAsked();
    }

    /** A hospital, each person its patient there with a Patient and clinical resources, the opt-outs, the user. */
    static long generate(Statement sql, int conditions, int labs, int optedOutEvery) throws Exception {
        long facility;
        try (ResultSet rs = sql.executeQuery("""
                INSERT INTO facility (name_kanji, name_kana, kind, prefecture, address, disclosing, viewing)
                VALUES ('ベンチ病院', 'ベンチビョウイン', 'HOSPITAL', 34, '広島県広島市中区1', true, true) RETURNING id""")) {
            rs.next();
            facility = rs.getLong(1);
        }
        sql.execute("""
                INSERT INTO source_patient (facility_id, local_id, sex, birth_date, address, phone)
                SELECT %d, 'P' || id, sex, birth_date, address, phone FROM person""".formatted(facility));
        sql.execute("""
                INSERT INTO person_link (source_patient_id, person_id, method)
                SELECT s.id, p.id, 'MANUAL' FROM source_patient s JOIN person p ON 'P' || p.id = s.local_id
                 WHERE s.facility_id = %d""".formatted(facility));
        String common = "s.id, x.id, x.type, %d, 1, now(), false, decode(md5(x.content), 'hex'), x.content"
                .formatted(facility);
        sql.execute(("""
                INSERT INTO resource (patient_key, id, type, source_facility, version, last_updated, deleted,
                                      content_hash, content, category, clinical_date)
                SELECT %s, 'DEMOGRAPHICS', NULL FROM source_patient s
                 CROSS JOIN LATERAL (SELECT 'pt-' || s.id AS id, 'Patient' AS type, jsonb_build_object(
                   'resourceType', 'Patient', 'id', 'pt-' || s.id,
                   'identifier', jsonb_build_array(jsonb_build_object('system', 'urn:oid:1.2.392.100495.20.3.51.1', 'value', s.local_id)),
                   'name', jsonb_build_array(jsonb_build_object('family', 'ベンチ', 'given', jsonb_build_array('タロウ'))),
                   'telecom', jsonb_build_array(jsonb_build_object('system', 'phone', 'value', coalesce(s.phone, '0820000000'))),
                   'gender', lower(s.sex), 'birthDate', s.birth_date)::text AS content) x
                 WHERE s.facility_id = %d""").formatted(common,
                facility));
        sql.execute(("""
                INSERT INTO resource (patient_key, id, type, source_facility, version, last_updated, deleted,
                                      content_hash, content, category, clinical_date)
                SELECT %s, 'DIAGNOSES', x.at FROM source_patient s CROSS JOIN generate_series(1, %d) g
                 CROSS JOIN LATERAL (SELECT now() - make_interval(days => ((s.id * 7919 + g * 31) %% 700)::int) AS at) d
                 CROSS JOIN LATERAL (SELECT 'cd-' || s.id || '-' || g AS id, 'Condition' AS type, d.at, jsonb_build_object(
                   'resourceType', 'Condition', 'id', 'cd-' || s.id || '-' || g,
                   'code', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
                       'system', 'http://hl7.org/fhir/sid/icd-10', 'code', 'E11.' || (s.id %% 10)))),
                   'subject', jsonb_build_object('reference', 'Patient/pt-' || s.id),
                   'onsetDateTime', to_char(d.at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD"T"HH24:MI:SS+09:00'),
                   'note', jsonb_build_array(jsonb_build_object('text', 'ベンチ タロウ様')))::text AS content) x
                 WHERE s.facility_id = %d""").formatted(common,
                conditions, facility));
        sql.execute(("""
                INSERT INTO resource (patient_key, id, type, source_facility, version, last_updated, deleted,
                                      content_hash, content, category, clinical_date)
                SELECT %s, 'LAB_RESULTS', x.at FROM source_patient s CROSS JOIN generate_series(1, %d) g
                 CROSS JOIN LATERAL (SELECT now() - make_interval(days => ((s.id * 104729 + g * 17) %% 700)::int) AS at) d
                 CROSS JOIN LATERAL (SELECT 'ob-' || s.id || '-' || g AS id, 'Observation' AS type, d.at, jsonb_build_object(
                   'resourceType', 'Observation', 'id', 'ob-' || s.id || '-' || g, 'status', 'final',
                   'category', jsonb_build_array(jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
                       'system', 'http://terminology.hl7.org/CodeSystem/observation-category', 'code', 'laboratory')))),
                   'code', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
                       'system', 'urn:oid:1.2.392.200119.4.504', 'code', '3D046000001920402'))),
                   'subject', jsonb_build_object('reference', 'Patient/pt-' || s.id),
                   'effectiveDateTime', to_char(d.at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD"T"HH24:MI:SS+09:00'),
                   'valueQuantity', jsonb_build_object('value', 5 + (s.id %% 40) / 10.0, 'unit', '%%'))::text AS content) x
                 WHERE s.facility_id = %d""").formatted(common,
                labs, facility));
        sql.execute("INSERT INTO research_opt_out (person_id, channel) SELECT id, 'COUNTER' FROM person WHERE id %% %d = 0"
                .formatted(optedOutEvery));
        sql.execute("VACUUM ANALYZE resource");
        ResearchCodeBackfill.run(sql);
        sql.execute("VACUUM ANALYZE source_patient");
        sql.execute("VACUUM ANALYZE person_link");
        try (ResultSet rs = sql.executeQuery("""
                INSERT INTO app_user (login_id, name_kanji, name_kana, profession, network_admin)
                VALUES ('bench-research', 'ベンチ研究者', 'ベンチケンキュウシャ', 'NETWORK_OPERATOR', true) RETURNING id""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

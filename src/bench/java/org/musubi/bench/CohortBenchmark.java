package org.musubi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musubi.database.OwnerDatabase;
import org.musubi.research.CohortCounter;
import org.musubi.research.CountQuery;
import org.musubi.research.jdbc.JdbcCohortCounter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cohort counts over a large network (issue 48's closing note): {@code --persons} synthetic persons (default 1,000,000,
 * by COPY, without the blocking keys a count never reads), each with one source patient at one of
 * {@code --facilities} facilities, linked to the person, and {@code --conditions} Conditions per person (default 3:
 * ICD-10 codes from a list of common diagnoses, dates over five years) generated straight into the resource table as
 * the schema owner, and their research codes (V81's narrow table {@code research_code}) filled by V81's own backfill
 * ({@link ResearchCodeBackfill}; the record store's writes give the same rows); {@code --opted-out-percent} of the
 * persons opted out. Then it times {@code --rounds} rounds (after {@code --warm-up}) of four counts as a project asks
 * them — one diagnosis and an age range; two diagnoses together and a sex; a diagnosis, a municipality and a period;
 * everyone over 65 — through the counter the research desk uses ({@link JdbcCohortCounter}: one SQL statement in a
 * read-only transaction; the desk's suppression and its one audit row are not included). Target: p95 ≤ 2 s. Not a
 * test: {@code bench/cohort.sh}.
 *
 * <p>{@code --data-dir=DIR}: the cluster lives in {@code DIR} and is kept; a later run with the same load options
 * reuses it (the load at 1 M persons happens once; a later migration is applied at start). {@code --port=N}: its
 * PostgreSQL on that port; {@code --hold=s}: after the load (and {@code --explain=1}) the database stays up for s
 * seconds for psql, or until {@code DIR/release} appears; {@code --rounds=0}: no timing.
 */
public final class CohortBenchmark {

    static final double TARGET_P95_MS = 2_000;

    /** The file in {@code --data-dir} that says a load finished, and which. */
    private static final String LOADED = "cohort-loaded";

    /** Common diagnoses' ICD-10 codes, the first ones the most frequent. */
    private static final List<String> CODES = List.of("I10", "E11.9", "E78.5", "K21.0", "M81.0", "J45.9", "E11.6",
            "I48.9", "N18.3", "C16.9", "K29.7", "F32.9", "G30.9", "I63.9", "J44.9", "C34.9");

    public static void main(String[] args) throws Exception {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("persons", 1_000_000L);
        defaults.put("facilities", 200L);
        defaults.put("conditions", 3L);
        defaults.put("opted-out-percent", 2L);
        defaults.put("rounds", 20L);
        defaults.put("warm-up", 3L);
        defaults.put("explain", 0L);
        defaults.put("port", 0L);
        defaults.put("hold", 0L);
        Path kept = null;
        List<String> numeric = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                kept = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
            } else {
                numeric.add(arg);
            }
        }
        BenchOptions options = BenchOptions.parse(numeric.toArray(String[]::new), defaults);
        int persons = options.integer("persons");
        int facilities = options.integer("facilities");
        int conditions = options.integer("conditions");
        int optedOut = options.integer("opted-out-percent");
        int rounds = options.integer("rounds");
        int warmUp = options.integer("warm-up");
        SuiteFigures figures = new SuiteFigures("cohort");
        System.out.printf(Locale.ROOT, "cohort count benchmark: %,d persons, %,d Conditions each, %,d facilities%n",
                persons, conditions, facilities);
        String load = "persons=%d facilities=%d conditions=%d opted-out-percent=%d".formatted(persons, facilities,
                conditions, optedOut);
        Path marker = kept == null ? null : kept.resolve(LOADED);
        boolean reuse = marker != null && Files.exists(marker);
        if (reuse && !Files.readString(marker).strip().equals(load)) {
            throw new IllegalArgumentException(kept + " holds another load (" + Files.readString(marker).strip()
                    + "), not " + load + ": give another --data-dir or delete it");
        }
        try (BenchDatabase database = BenchDatabase.start(kept, !reuse, options.integer("port"))) {
            if (reuse) {
                System.out.printf(Locale.ROOT, "reusing the database loaded in %s (%s)%n", kept, load);
            } else {
                load(database, persons, facilities, conditions, optedOut);
                if (marker != null) {
                    Files.writeString(marker, load + "\n");
                }
            }
            CohortCounter counter = new JdbcCohortCounter(database.bean(JdbcClient.class), readOnly(database));
            LocalDate today = LocalDate.of(2026, 11, 27);
            Map<String, CountQuery> queries = new LinkedHashMap<>();
            queries.put("type 2 diabetes (icd:E11), aged 40-74", new CountQuery(List.of(List.of("icd:E11")), 40, 74,
                    today, List.of(), List.of(), null, null));
            queries.put("diabetes and hypertension, women", new CountQuery(List.of(List.of("icd:E11"),
                    List.of("icd:I10")), 0, 200, today, List.of("FEMALE"), List.of(), null, null));
            queries.put("gastric cancer (icd:C16) in 広島市, last two years", new CountQuery(List.of(List.of("icd:C16")),
                    0, 200, today, List.of(), List.of("広島市"), today.minusYears(2), today));
            queries.put("everyone aged 65 or more", new CountQuery(List.of(), 65, 200, today, List.of(), List.of(),
                    null, null));
            if (options.integer("explain") > 0) {
                explain(database, queries);
            }
            hold(database, options.integer("hold"));
            if (rounds > 0) {
                time(counter, queries, warmUp, rounds, persons, figures);
            }
        }
        figures.writeIfAsked();
    }

    /** Persons, source patients, links, Conditions, opt-outs and their research codes. */
    private static void load(BenchDatabase database, int persons, int facilities, int conditions, int optedOut)
            throws Exception {
        long start = System.nanoTime();
        database.loadPersons(20261127, persons, 34, false);
        System.out.printf(Locale.ROOT, "loaded persons in %.1f s%n", seconds(start));
        start = System.nanoTime();
        try (Connection owner = database.bean(OwnerDatabase.class).dataSource().getConnection();
             Statement sql = owner.createStatement()) {
            generate(sql, facilities, conditions, optedOut);
        }
        System.out.printf(Locale.ROOT, "generated source patients, links, Conditions and opt-outs in %.1f s%n",
                seconds(start));
        start = System.nanoTime();
        try (Connection owner = database.bean(OwnerDatabase.class).dataSource().getConnection();
             Statement sql = owner.createStatement()) {
            ResearchCodeBackfill.run(sql);
            System.out.printf(Locale.ROOT, "filled research_code (V81's backfill, then VACUUM ANALYZE) in %.1f s: %s%n",
                    seconds(start), sizes(sql));
        }
    }

    /** Each count's {@code EXPLAIN (ANALYZE, BUFFERS)}, in the transaction settings the counter gives it. */
    private static void explain(BenchDatabase database, Map<String, CountQuery> queries) {
        JdbcClient jdbc = database.bean(JdbcClient.class);
        TransactionTemplate transactions = readOnly(database);
        for (Map.Entry<String, CountQuery> q : queries.entrySet()) {
            JdbcCohortCounter.Statement statement = JdbcCohortCounter.statement(q.getValue());
            System.out.println("EXPLAIN " + q.getKey() + ":");
            transactions.executeWithoutResult(status -> {
                jdbc.sql(JdbcCohortCounter.SETTINGS).param(JdbcCohortCounter.WORK_MEM).query((rs, n) -> 1).list();
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql()).params(statement.params())
                        .query(String.class).list().forEach(System.out::println);
            });
        }
    }

    /** Read-only transactions, as the counter's bean has them. */
    private static TransactionTemplate readOnly(BenchDatabase database) {
        TransactionTemplate transactions = new TransactionTemplate(database.bean(PlatformTransactionManager.class));
        transactions.setReadOnly(true);
        return transactions;
    }

    /** With {@code --hold=s}: the database stays up for a look with psql, until {@code release} appears or s pass. */
    private static void hold(BenchDatabase database, int seconds) throws Exception {
        if (seconds <= 0) {
            return;
        }
        Path release = database.directory().resolve("release");
        Files.deleteIfExists(release);
        try (Connection owner = database.bean(OwnerDatabase.class).dataSource().getConnection()) {
            System.out.printf(Locale.ROOT, "holding %s for %d s (password: %s; touch %s to go on)%n",
                    owner.getMetaData().getURL(), seconds, database.directory().resolve("postgres.passwords"), release);
        }
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until && !Files.exists(release)) {
            Thread.sleep(1_000);
        }
    }

    /**
     * {@code rounds} rounds of each count after {@code warmUp} (the first of them timed and printed: the first count
     * after the start, on a cold buffer cache), their percentiles printed and kept.
     */
    private static void time(CohortCounter counter, Map<String, CountQuery> queries, int warmUp, int rounds,
                             int persons, SuiteFigures figures) {
        for (Map.Entry<String, CountQuery> q : queries.entrySet()) {
            long at = System.nanoTime();
            long total = counter.count(q.getValue()).stream().mapToLong(CohortCounter.Cell::count).sum();
            System.out.printf(Locale.ROOT, "%-50s %,9d persons   first run %7.1f ms%n", q.getKey(), total,
                    (System.nanoTime() - at) / 1e6);
        }
        for (int i = 1; i < warmUp; i++) {
            queries.values().forEach(counter::count);
        }
        long[] all = new long[rounds * queries.size()];
        int n = 0;
        for (Map.Entry<String, CountQuery> q : queries.entrySet()) {
            long[] nanos = new long[rounds];
            long total = 0;
            for (int i = 0; i < rounds; i++) {
                long at = System.nanoTime();
                total = counter.count(q.getValue()).stream().mapToLong(CohortCounter.Cell::count).sum();
                nanos[i] = System.nanoTime() - at;
                all[n++] = nanos[i];
            }
            Distribution d = new Distribution(nanos);
            System.out.printf(Locale.ROOT, "%-50s %,9d persons   p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
                    q.getKey(), total, d.percentile(50) / 1e6, d.percentile(95) / 1e6, d.max() / 1e6);
            figures.latency("cohort count: " + q.getKey() + " (" + persons + " persons)", d, TARGET_P95_MS,
                    "p95 ≤ 2 s");
        }
        Distribution d = new Distribution(all);
        double p95 = d.percentile(95) / 1e6;
        System.out.printf(Locale.ROOT, "all counts (%d rounds after %d): p50 %.1f ms  p95 %.1f ms  max %.1f ms"
                        + "   (target p95 <= %.0f ms: %s)%n", rounds, warmUp, d.percentile(50) / 1e6, p95,
                d.max() / 1e6, TARGET_P95_MS, p95 <= TARGET_P95_MS ? "PASS" : "MISS");
    }

    /** A source patient and a link per person, Conditions with ICD-10 codes, and opt-outs. */
    static void generate(Statement sql, int facilities, int conditions, int optedOutPercent) throws Exception {
        sql.execute("""
                INSERT INTO facility (name_kanji, name_kana, kind, prefecture, address, disclosing, viewing)
                SELECT '試験病院' || g, 'シケンビョウイン', 'HOSPITAL', 34, '広島県広島市中区' || g, true, true
                  FROM generate_series(1, %d) g""".formatted(facilities));
        sql.execute("""
                INSERT INTO source_patient (facility_id, local_id, sex, birth_date)
                SELECT f.first + p.id %% %d, 'P' || p.id, p.sex, p.birth_date
                  FROM person p CROSS JOIN (SELECT min(id) AS first FROM facility WHERE name_kanji LIKE '試験病院%%') f"""
                .formatted(facilities));
        sql.execute("""
                INSERT INTO person_link (source_patient_id, person_id, method)
                SELECT s.id, substr(s.local_id, 2)::bigint, 'BENCH' FROM source_patient s WHERE s.local_id LIKE 'P%'""");
        StringBuilder codes = new StringBuilder("ARRAY[");
        for (int i = 0; i < CODES.size(); i++) {
            codes.append(i == 0 ? "" : ", ").append('\'').append(CODES.get(i)).append('\'');
        }
        codes.append(']');
        // a code drawn with a skew towards the list's first codes: index floor(16 * u^2) of a hash-derived u in [0, 1)
        sql.execute("""
                INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated,
                                      clinical_date, content_hash, content)
                SELECT s.id, 'bench-' || s.id || '-' || c.n, 'Condition', 1, s.facility_id, 'CONDITION', now(), d.at,
                       '\\x00'::bytea,
                       jsonb_build_object('resourceType', 'Condition', 'id', 'bench-' || s.id || '-' || c.n,
                           'code', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
                               'system', 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full',
                               'code', (%s)[1 + floor(%d * power(((hashint8(s.id * 31 + c.n) & 65535) / 65536.0), 2))::int]))),
                           'subject', jsonb_build_object('reference', 'Patient/' || s.id),
                           'recordedDate', to_char(d.at, 'YYYY-MM-DD'))
                  FROM source_patient s
                  CROSS JOIN generate_series(1, %d) c(n)
                  CROSS JOIN LATERAL (SELECT timestamptz '2021-12-01' + make_interval(days => (hashint8(s.id * 7 + c.n) & 2047)::int %% 1820)) d(at)
                 WHERE s.local_id LIKE 'P%%'""".formatted(codes, CODES.size(), conditions));
        sql.execute("""
                INSERT INTO research_opt_out (person_id, channel)
                SELECT id, 'NOTEBOOK' FROM person WHERE id %% 100 < %d""".formatted(optedOutPercent));
        for (String table : List.of("source_patient", "person_link", "resource", "research_opt_out", "person")) {
            sql.execute("VACUUM ANALYZE " + table);
        }
    }

    /** The narrow table's rows and sizes (table, its two indexes). */
    private static String sizes(Statement sql) throws Exception {
        try (ResultSet rs = sql.executeQuery("""
                SELECT (SELECT count(*) FROM research_code), pg_size_pretty(pg_table_size('research_code')),
                       pg_size_pretty(pg_relation_size('research_code_pkey')),
                       pg_size_pretty(pg_relation_size('research_code_prefix'))""")) {
            rs.next();
            return String.format(Locale.ROOT, "%,d rows, table %s, primary key %s, prefix index %s", rs.getLong(1),
                    rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

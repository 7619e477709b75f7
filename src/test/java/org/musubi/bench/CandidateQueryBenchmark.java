package org.musubi.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.musubi.Musubi;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Candidate search against the real database: loads N synthetic persons with their blocking keys
 * (COPY), then times {@link IdentityStore#candidates} for queries made from sampled persons with a
 * corrupted copy's keys, and prints p50/p95/p99 and the candidate counts. Not a test: run it with
 * {@code bench/candidates.sh --persons=3000000}.
 */
public final class CandidateQueryBenchmark {

    private static final long SEED = 20260401;

    public static void main(String[] args) throws Exception {
        int persons = option(args, "persons", 300_000);
        int queries = option(args, "queries", 5_000);
        Path data = Files.createTempDirectory("musubi-bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Musubi.class)
                .web(WebApplicationType.NONE)
                .properties("musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                        "musubi.security.secret-key-file=" + data.resolve("secret.key"), "musubi.demo.enabled=false",
                        "logging.level.root=WARN", "logging.structured.format.console=")
                .run()) {
            long start = System.nanoTime();
            load(context.getBean(DataSource.class), persons);
            System.out.printf(Locale.ROOT, "loaded %,d persons with keys in %.1f s%n", persons, seconds(start));
            measure(context.getBean(IdentityStore.class), persons, queries);
        }
    }

    private static void load(DataSource dataSource, int count) throws Exception {
        List<Person> chunk = new ArrayList<>();
        int[] offset = {0};
        for (java.util.Iterator<Person> it = new SyntheticNetworkGenerator().persons(SEED, count, 34).iterator(); it.hasNext(); ) {
            chunk.add(it.next());
            if (chunk.size() == 50_000 || !it.hasNext()) {
                copy(dataSource, chunk);
                offset[0] += chunk.size();
                chunk.clear();
                System.out.printf(Locale.ROOT, "  ... %,d persons%n", offset[0]);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("ANALYZE person; ANALYZE person_match_key");
        }
    }

    private static void copy(DataSource dataSource, List<Person> chunk) throws Exception {
        StringBuilder persons = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        for (Person p : chunk) {
            persons.append(p.regionalId()).append('\t').append(p.familyKanji()).append('\t')
                    .append(p.givenKanji()).append('\t').append(p.familyKana()).append('\t').append(p.givenKana())
                    .append('\t').append(p.sex()).append('\t').append(p.birthDate()).append('\t')
                    .append(nullable(p.postalCode())).append('\t').append(nullable(p.address())).append('\t')
                    .append(nullable(p.phone())).append('\n');
            for (String key : BlockingKeys.of(Demographics.of(p))) {
                keys.append(key).append('\t').append(p.regionalId()).append('\n');
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY person (regional_id, family_kanji, given_kanji, family_kana, given_kana, sex, birth_date,"
                    + " postal_code, address, phone) FROM STDIN", new StringReader(persons.toString()));
            connection.createStatement().execute("CREATE TEMP TABLE staged_key (key text, regional_id text)");
            copy.copyIn("COPY staged_key (key, regional_id) FROM STDIN", new StringReader(keys.toString()));
            connection.createStatement().execute("INSERT INTO person_match_key (key, person_id) SELECT s.key, p.id "
                    + "FROM staged_key s JOIN person p ON p.regional_id = s.regional_id ON CONFLICT DO NOTHING");
            connection.createStatement().execute("DROP TABLE staged_key");
        }
    }

    private static void measure(IdentityStore store, int persons, int queries) {
        SplittableRandom random = new SplittableRandom(7);
        java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>();
        while (wanted.size() < Math.min(queries, persons)) {
            wanted.add(random.nextInt(persons));
        }
        List<Person> sample = new ArrayList<>();
        int[] index = {0};
        new SyntheticNetworkGenerator().persons(SEED, wanted.last() + 1, 34).forEach(p -> {
            if (wanted.contains(index[0]++)) {
                sample.add(p);
            }
        });
        queries = sample.size();
        long[] nanos = new long[queries];
        int[] found = new int[queries];
        for (int i = 0; i < queries; i++) {
            Person p = sample.get(i);
            Demographics query = new Demographics(p.familyKanji(), p.givenKanji(), p.familyKana(), p.givenKana(), p.sex(),
                    p.birthDate(), null, null, null);
            Set<String> keys = BlockingKeys.of(query);
            long start = System.nanoTime();
            found[i] = store.candidates(keys, 500).size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Arrays.sort(found);
        System.out.printf(Locale.ROOT, "candidate query over %,d persons, %,d queries (name + birth date + sex, no contact)%n",
                persons, queries);
        System.out.printf(Locale.ROOT, "  latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f   (target p95 <= 20 ms: %s)%n",
                ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[queries - 1] / 1e6,
                ms(nanos, 0.95) <= 20 ? "PASS" : "MISS");
        System.out.printf(Locale.ROOT, "  candidates: p50 %d  p95 %d  max %d%n", found[queries / 2],
                found[(int) (queries * 0.95)], found[queries - 1]);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    private static String nullable(String text) {
        return text == null ? "\\N" : text.replace("\t", " ").replace("\n", " ");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static int option(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 3));
            }
        }
        return fallback;
    }

    private CandidateQueryBenchmark() {
    }
}

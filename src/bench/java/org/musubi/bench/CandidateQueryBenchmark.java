package org.musubi.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.SyntheticNetworkGenerator;

/**
 * Candidate search against the real database: loads N synthetic persons with their blocking keys
 * (COPY, see {@link BenchDatabase}), then times {@link IdentityStore#candidates} for queries made
 * from sampled persons with a corrupted copy's keys, and prints p50/p95/p99 and the candidate counts. Not a test: run it with
 * {@code bench/candidates.sh --persons=3000000}.
 */
public final class CandidateQueryBenchmark {

    private static final long SEED = 20260401;

    public static void main(String[] args) throws Exception {
        int persons = option(args, "persons", 300_000);
        int queries = option(args, "queries", 5_000);
        SuiteFigures figures = new SuiteFigures("candidates");
        try (BenchDatabase database = BenchDatabase.start()) {
            long start = System.nanoTime();
            database.loadPersons(SEED, persons, 34);
            System.out.printf(Locale.ROOT, "loaded %,d persons with keys in %.1f s%n", persons, seconds(start));
            Distribution latency = measure(database.bean(IdentityStore.class), persons, queries);
            figures.latency("candidate query against " + persons + " persons in PostgreSQL", latency, 20, "p95 ≤ 20 ms");
        }
        figures.writeIfAsked();
    }

    private static Distribution measure(IdentityStore store, int persons, int queries) {
        SplittableRandom random = new SplittableRandom(7);
        TreeSet<Integer> wanted = new TreeSet<>();
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
            Set<String> keys = BlockingKeys.query(query);
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
        return new Distribution(nanos);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
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

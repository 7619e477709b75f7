package org.musubi.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.musubi.identity.Person;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.MatchOutcome;
import org.musubi.identity.matching.Matcher;
import org.musubi.synth.SourceRecord;
import org.musubi.synth.SourceRecordGenerator;
import org.musubi.synth.SyntheticNetworkGenerator;

/**
 * Matching quality and in-memory speed (issue 3, "Done when"): generates a population of persons
 * and source records with realistic corruptions ({@link SourceRecordGenerator}), indexes the
 * population by blocking keys in memory, matches every record with the default {@link Matcher}
 * and prints precision, recall and F1 against the ground truth, per corruption kind, candidate-set
 * sizes, latency per record and throughput. A {@code main}, not a test: run it with
 * {@code bench/matching.sh}. Options: {@code --persons= --sources= --seed= --warmup= --threads=
 * --prefecture=}, or the same as {@code -Dmusubi.bench.<name>=}.
 */
public final class MatchingBenchmark {

    static final Map<String, Long> DEFAULTS = defaults();

    private final BenchOptions options;
    private final Matcher matcher = new Matcher();

    private MatchingBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println("MatchingBenchmark " + BenchOptions.usage(DEFAULTS));
            return;
        }
        new MatchingBenchmark(BenchOptions.parse(args, DEFAULTS)).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        SuiteFigures figures = new SuiteFigures("matching");
        MatchingReport report = new MatchingReport(options, System.out);
        int prefecture = options.integer("prefecture");
        long seed = options.get("seed");

        long t = System.nanoTime();
        List<Person> persons = new SyntheticNetworkGenerator().persons(seed, options.get("persons"), prefecture).toList();
        List<SourceRecord> records = new SourceRecordGenerator()
                .records(seed, persons.size(), options.get("sources"), prefecture).toList();
        report.phase("generate %,d persons and %,d source records".formatted(persons.size(), records.size()), t);

        t = System.nanoTime();
        PersonIndex index = new PersonIndex(persons);
        report.phase("index by blocking keys (%,d keys, largest block %,d persons)"
                .formatted(index.keys(), index.largestBlock()), t);

        t = System.nanoTime();
        records.stream().limit(options.get("warmup")).forEach(r -> match(index, r.demographics()));
        report.phase("warm up on %,d records".formatted(Math.min(options.get("warmup"), records.size())), t);

        MatchingRun run = new MatchingRun(records.size());
        t = System.nanoTime();
        for (SourceRecord record : records) {
            run.measure(record, truth(persons, record), index, matcher);
        }
        long sequential = System.nanoTime() - t;
        report.phase("match every record, one thread", t);

        int threads = options.integer("threads");
        t = System.nanoTime();
        matchInParallel(index, records, threads);
        long parallel = System.nanoTime() - t;
        report.phase("match every record again, %d threads".formatted(threads), t);

        report.print(run, records.size(), sequential, parallel, threads);
        report.phase("total", started);
        LinkageTally all = run.all();
        figures.value("matching: auto-link precision (" + persons.size() + " persons, " + records.size() + " records)", "",
                all.autoLinkPrecision(), "≥ 0.999", all.autoLinkPrecision() >= MatchingReport.PRECISION_TARGET);
        figures.value("matching: F1 overall (auto-links + review queue)", "", all.foundF1(), "≥ 0.99",
                all.foundF1() >= MatchingReport.F1_TARGET);
        figures.latency("matching: lookup + match per record, in memory", run.latency(), 0, "");
        figures.writeIfAsked();
    }

    private MatchOutcome match(PersonIndex index, Demographics query) {
        return matcher.match(query, index.candidates(query));
    }

    private void matchInParallel(PersonIndex index, List<SourceRecord> records, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            int size = Math.ceilDiv(records.size(), threads);
            for (int from = 0; from < records.size(); from += size) {
                List<SourceRecord> part = records.subList(from, Math.min(records.size(), from + size));
                parts.add(pool.submit(() -> part.forEach(r -> match(index, r.demographics()))));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
    }

    /** The regional ID of the person the record belongs to, {@code null} if they are not in the population. */
    private static String truth(List<Person> persons, SourceRecord record) {
        return record.inPopulation() ? persons.get(Math.toIntExact(record.personIndex())).regionalId() : null;
    }

    private static Map<String, Long> defaults() {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("persons", 100_000L);
        defaults.put("sources", 20_000L);
        defaults.put("seed", 2026L);
        defaults.put("warmup", 20_000L);
        defaults.put("threads", (long) Runtime.getRuntime().availableProcessors());
        defaults.put("prefecture", (long) SyntheticNetworkGenerator.DEFAULT_PREFECTURE);
        return defaults;
    }
}

package org.musubi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditTrail;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.MatchResult;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.identity.linkage.MatchSourcePatients;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.Matcher;
import org.musubi.synth.SourceRecord;
import org.musubi.synth.SourceRecordGenerator;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk 名寄せ through the database (issue 3: "1 million source records in ≤ 10 min on 2 cores"):
 * loads a synthetic population with its blocking keys by COPY, then sends source records with
 * realistic corruptions ({@link SourceRecordGenerator}: about 80 % copies of population persons,
 * 20 % new patients) through {@link MatchSourcePatients} in batches, and prints the linkage time,
 * records/s, time per batch, the time per database call, outcomes and quality against the ground
 * truth, peak heap and the target. A {@code main}, not a test: run it with {@code bench/linkage.sh}.
 * Options: {@code --persons= --sources= --batch= --threads= --seed= --prefecture=}.
 */
public final class LinkageBenchmark {

    static final Map<String, Long> DEFAULTS = defaults();
    static final double TARGET_MINUTES = 10;

    private final BenchOptions options;

    private LinkageBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println("LinkageBenchmark " + BenchOptions.usage(DEFAULTS));
            return;
        }
        new LinkageBenchmark(BenchOptions.parse(args, DEFAULTS)).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Musubi bulk linkage benchmark: %s%n", options);
        System.out.printf(Locale.ROOT, "Java %s, %d processors, max heap %.1f GB, load average %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e9, loadAverage());
        SuiteFigures figures = new SuiteFigures("linkage");
        try (BenchDatabase database = BenchDatabase.start()) {
            long start = System.nanoTime();
            long[] personIds = database.loadPersons(options.get("seed"), options.integer("persons"),
                    options.integer("prefecture"));
            System.out.printf(Locale.ROOT, "loaded %,d persons with keys by COPY in %.1f s%n", personIds.length,
                    (System.nanoTime() - start) / 1e9);
            long facility = database.bean(JdbcTemplate.class).queryForObject("""
                    INSERT INTO facility (name_kanji, name_kana, kind, prefecture, disclosing, viewing)
                    VALUES ('ベンチ病院', 'ベンチビョウイン', 'OTHER', ?, true, true) RETURNING id""", Long.class,
                    options.integer("prefecture"));
            PhaseTimes phases = new PhaseTimes();
            MatchSourcePatients bulk = new MatchSourcePatients(phases.wrap(database.bean(IdentityBatches.class)),
                    new Matcher(), phases.wrap(database.bean(Audit.class)),
                    database.bean(MatchReviews.class), options.integer("threads"));
            LinkageRun run = link(bulk, facility, personIds);
            run.tallyReviews(database.bean(JdbcTemplate.class));
            new LinkageReport(System.out).print(run, phases, options.integer("sources"), TARGET_MINUTES);
            verifyAudit(database.bean(AuditTrail.class));
            int sources = options.integer("sources");
            double seconds = run.batchTimes().sum() / 1e9;
            double minutes = seconds / 60 / sources * 1_000_000;
            figures.value("bulk linkage of 1 M source records, minutes (" + sources + " linked against "
                    + personIds.length + " persons" + (sources == 1_000_000 ? ")" : ", projected)"), "min", minutes,
                    "≤ " + (long) TARGET_MINUTES, minutes <= TARGET_MINUTES);
            double[] perBatch = Arrays.stream(run.batchNanos()).mapToDouble(n -> options.get("batch") / (n / 1e9))
                    .toArray();
            figures.rate("linkage records/s per batch", "1/s", perBatch, 0);
            figures.value("linkage F1, auto-links + review queue (through the database)", "", run.tally.foundF1(), "≥ 0.99",
                    run.tally.foundF1() >= MatchingReport.F1_TARGET);
        }
        figures.writeIfAsked();
    }

    private LinkageRun link(MatchSourcePatients bulk, long facility, long[] personIds) {
        int batchSize = options.integer("batch");
        LinkageRun run = new LinkageRun(personIds, options.integer("sources"), batchSize);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        String loadBefore = loadAverage();
        try (Stream<SourceRecord> records = new SourceRecordGenerator().records(options.get("seed"), personIds.length,
                options.get("sources"), options.integer("prefecture"))) {
            Iterator<SourceRecord> it = records.iterator();
            List<SourceRecord> batch = new ArrayList<>(batchSize);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == batchSize || !it.hasNext()) {
                    List<SourcePatient> received = received(facility, run.recorded(), batch);
                    long t = System.nanoTime();
                    List<MatchResult> results = bulk.match(0, received);
                    run.batch(batch, results, System.nanoTime() - t);
                    batch.clear();
                }
            }
        }
        run.finish(peakHeap(), loadBefore, loadAverage());
        return run;
    }

    private static List<SourcePatient> received(long facility, int first, List<SourceRecord> batch) {
        List<SourcePatient> received = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Demographics d = batch.get(i).demographics();
            received.add(new SourcePatient(0, facility, "R" + (first + i), d.familyKanji(), d.givenKanji(),
                    d.familyKana(), d.givenKana(), d.sex(), d.birthDate(), d.postalCode(), d.address(), d.phone()));
        }
        return received;
    }

    private static void verifyAudit(AuditTrail trail) {
        long start = System.nanoTime();
        var report = trail.verify();
        System.out.printf(Locale.ROOT, "%naudit verify: %,d rows, %s in %.1f s%n", report.rowsChecked(),
                report.intact() ? "intact" : "FAULTS " + report.faults(), (System.nanoTime() - start) / 1e9);
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound of the peak heap in use. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Map<String, Long> defaults() {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("persons", 1_000_000L);
        defaults.put("sources", 1_000_000L);
        defaults.put("batch", 5_000L);
        defaults.put("threads", (long) Runtime.getRuntime().availableProcessors());
        defaults.put("seed", 2026L);
        defaults.put("prefecture", (long) SyntheticNetworkGenerator.DEFAULT_PREFECTURE);
        return defaults;
    }
}

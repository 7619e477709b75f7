package org.musubi.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.registry.Facility;

/**
 * The record store of issue 4 on this machine: bulk-loads a store of N resources by COPY
 * ({@link RecordLoader}), then measures ingest of synth transaction Bundles over HTTP
 * ({@link IngestRun}), and {@code Patient/$everything} and typical searches for persons with
 * 5,000 resources across 5 facilities, read by a sixth facility under consent and link
 * ({@link ReadRun}). Prints the figures with the targets as PASS or MISS. A {@code main}, not a
 * test: run it with {@code bench/records.sh}. Besides the numeric options ({@code --help}):
 * {@code --data-dir=DIR} keeps the database there, {@code --skip-load} reuses a loaded one,
 * {@code --json=FILE} writes the figures as JSON.
 */
public final class RecordStoreBenchmark {

    static final Map<String, Long> DEFAULTS = defaults();
    static final int TARGET_FACILITIES = 5;
    static final int PER_FACILITY = 1_000;

    public static void main(String[] args) throws Exception {
        List<String> numeric = new ArrayList<>();
        Map<String, String> text = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help")) {
                System.out.println("options: " + BenchOptions.usage(DEFAULTS)
                        + " --data-dir=DIR --skip-load --skip-ingest --json=FILE");
                return;
            } else if (arg.equals("--skip-load") || arg.equals("--skip-ingest") || arg.startsWith("--data-dir=")
                    || arg.startsWith("--json=")) {
                int equals = arg.indexOf('=');
                text.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
            } else {
                numeric.add(arg);
            }
        }
        BenchOptions options = BenchOptions.parse(numeric.toArray(String[]::new), DEFAULTS);
        System.out.println("record store benchmark: " + options + " " + text);
        Path dataDir = text.containsKey("data-dir") ? Path.of(text.get("data-dir")) : null;
        if (text.containsKey("skip-load") && dataDir == null) {
            throw new IllegalArgumentException("--skip-load needs --data-dir");
        }
        RecordStoreReport report = new RecordStoreReport();
        try (ResourceUse use = new ResourceUse(); RecordBenchServer server = RecordBenchServer.start(dataDir)) {
            RecordBenchNetwork network = text.containsKey("skip-load") ? RecordBenchNetwork.read(server)
                    : load(server, options, report);
            storeFacts(server, report);
            measure(server, network, options, report, text.containsKey("skip-ingest"));
            report.fact("peak heap in use (server and clients, one JVM)", "peakHeapMiB", use.peakHeapBytes() >> 20);
            report.fact("peak RSS of the JVM, MiB", "peakRssMiB", ResourceUse.peakRssBytes() >> 20);
            report.fact("load average (1, 5, 15 min) at the end", "loadAverageEnd", ResourceUse.loadAverage());
        }
        report.print();
        if (text.containsKey("json")) {
            report.write(Path.of(text.get("json")));
        }
        report.figures().writeIfAsked();
    }

    private static RecordBenchNetwork load(RecordBenchServer server, BenchOptions options, RecordStoreReport report)
            throws Exception {
        RecordBenchNetwork network = RecordBenchNetwork.register(server, options.get("seed"), options.integer("facilities"));
        double[] seconds = new double[2];
        long[] targets = loadStore(server, network, options.get("resources"), options.get("seed"),
                options.integer("targets"), PER_FACILITY, seconds);
        Consents consents = server.bean(Consents.class);
        Facility viewer = network.facilities().get(TARGET_FACILITIES);
        for (long person : targets) {
            consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), network.adminUserId(),
                    network.facilities().getFirst().id());
            consents.link(person, viewer.id(), network.adminUserId());
        }
        RecordBenchNetwork loaded = network.withTargets(targets);
        loaded.save(server.directory());
        report.fact("load by COPY, s (then indexes and VACUUM ANALYZE, s in all)", "loadSeconds",
                "%.0f (%.0f)".formatted(seconds[0], seconds[1]));
        return loaded;
    }

    /**
     * Loads about {@code resources} resources by COPY with the indexes dropped, then rebuilds them:
     * {@code targets} measured persons get {@code perFacility} resources at each of the first
     * {@value #TARGET_FACILITIES} facilities. Returns their ids; {@code seconds} gets the COPY time
     * and the time in all.
     */
    static long[] loadStore(RecordBenchServer server, RecordBenchNetwork network, long resources, long seed, int targets,
                            int perFacility, double[] seconds) throws Exception {
        System.out.printf(Locale.ROOT, "loading about %,d resources (load average %s)%n", resources,
                ResourceUse.loadAverage());
        long start = System.nanoTime();
        RecordIndexes indexes = new RecordIndexes(server.owner());
        indexes.drop();
        long[] ids = new RecordLoader(server, network.facilities(), seed).load(resources, targets, TARGET_FACILITIES,
                perFacility);
        seconds[0] = (System.nanoTime() - start) / 1e9;
        indexes.rebuildAndAnalyse("person", "person_match_key", "source_patient", "person_link");
        seconds[1] = (System.nanoTime() - start) / 1e9;
        return ids;
    }

    private static void storeFacts(RecordBenchServer server, RecordStoreReport report) throws Exception {
        try (Connection connection = server.owner().getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT (SELECT count(*) FROM resource), (SELECT count(*) FROM person),"
                     + " (SELECT count(*) FROM source_patient), pg_database_size(current_database())")) {
            rows.next();
            report.fact("resources in the store", "resources", rows.getLong(1));
            report.fact("persons / facility patients", "persons", rows.getLong(2) + " / " + rows.getLong(3));
            report.fact("database size, GiB", "databaseGiB", "%.1f".formatted(rows.getLong(4) / 1073741824.0));
        }
    }

    private static void measure(RecordBenchServer server, RecordBenchNetwork network, BenchOptions options,
                                RecordStoreReport report, boolean skipIngest) throws Exception {
        if (!skipIngest) {
            List<Facility> senders = network.facilities().subList(TARGET_FACILITIES + 1,
                    TARGET_FACILITIES + 1 + options.integer("clients"));
            System.out.printf(Locale.ROOT, "ingest over HTTP: %d clients, %d threads (load average %s)%n", senders.size(),
                    options.integer("threads"), ResourceUse.loadAverage());
            report.ingest(new IngestRun(server, senders).run(options.get("seed") + 1, options.integer("rounds"),
                    options.integer("bundles"), options.integer("bundle"), options.integer("threads")));
            report.fact("load average after ingest", "loadAverageIngest", ResourceUse.loadAverage());
        }
        System.out.printf(Locale.ROOT, "reads over HTTP for %d persons (load average %s)%n", network.targetPersons().length,
                ResourceUse.loadAverage());
        ReadRun reads = new ReadRun(server, network.facilities().get(TARGET_FACILITIES));
        for (var call : ReadRun.calls().entrySet()) {
            int calls = call.getKey().contains("_count=5000") ? options.integer("calls") / 4 : options.integer("calls");
            report.read(reads.measure(call.getKey(), call.getValue(), network.targetPersons(), calls));
        }
        System.out.printf(Locale.ROOT, "clinician pages over HTTP (load average %s)%n", ResourceUse.loadAverage());
        PortalRun pages = new PortalRun(server, network.facilities().get(TARGET_FACILITIES));
        for (var page : PortalRun.pages().entrySet()) {
            report.page(pages.measure(page.getKey(), page.getValue(), network.targetPersons(), options.integer("calls") / 2));
        }
    }

    private static Map<String, Long> defaults() {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("resources", 10_000_000L);
        defaults.put("targets", 20L);
        defaults.put("facilities", 16L);
        defaults.put("seed", 2026L);
        defaults.put("rounds", 5L);
        defaults.put("bundles", 40L);
        defaults.put("bundle", 100L);
        defaults.put("threads", 2L);
        defaults.put("clients", 4L);
        defaults.put("calls", 300L);
        return defaults;
    }

    private RecordStoreBenchmark() {
    }
}

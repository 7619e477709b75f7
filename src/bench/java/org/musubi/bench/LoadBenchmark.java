package org.musubi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssueCard;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.testing.ChildServers;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.FhirClients;
import org.musubi.testing.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent load (issue 7): {@code musubi serve} in its own JVM on loopback, and in this JVM a load
 * driver on virtual threads ({@link LoadDriver}) with N clinic users (sign in with password and TOTP,
 * link a patient by card, then the integrated viewer, medications, labs and a lab trend with think
 * time) and facility systems (FHIR searches; pharmacies uploading JAHIS files). Prints per-request
 * latency and errors for the steady period after the ramp-up, writes a throughput/latency plot
 * (HTML with SVG) and optionally JSON. A {@code main}, not a test: run it with {@code bench/load.sh}.
 *
 * <p>The first run prepares a store in {@code --data-dir} (default {@code /tmp/musubi-load}): about
 * {@code resources} resources by COPY, in which {@code measured} persons have {@code per-facility}
 * resources at each of 5 facilities and the others 20–220 resources; {@code patients} of them (the
 * measured first) are linked to {@code viewers} viewing facilities whose staff are the users.
 * {@code --skip-load} runs again on it.
 */
public final class LoadBenchmark {

    static final Map<String, Long> DEFAULTS = defaults();

    public static void main(String[] args) throws Exception {
        Map<String, String> text = new LinkedHashMap<>();
        List<String> numeric = textOptions(args, Set.of("skip-load", "sticky"), text);
        if (numeric == null) {
            System.out.println("options: " + BenchOptions.usage(DEFAULTS) + " --data-dir=DIR --skip-load --json=FILE"
                    + " --html=FILE (default target/load-report.html) --sticky (with --nodes=N: each user and system"
                    + " keeps to one node instead of each request going to the next)");
            return;
        }
        BenchOptions options = BenchOptions.parse(numeric.toArray(String[]::new), DEFAULTS);
        SuiteFigures figures = new SuiteFigures("load");
        System.out.println("load benchmark: " + options + " " + text);
        Path dir = Path.of(text.getOrDefault("data-dir", "/tmp/musubi-load"));
        LoadPlan plan = text.containsKey("skip-load") ? LoadPlan.read(dir) : prepare(dir, options);
        LoadDriver.Settings settings = new LoadDriver.Settings(Math.min(options.integer("users"), plan.users().size()),
                Duration.ofSeconds(options.get("ramp")), Duration.ofMinutes(options.get("minutes")),
                Duration.ofMillis(options.get("think-min-ms")), Duration.ofMillis(options.get("think-max-ms")),
                Math.min(options.integer("systems"), plan.systems().size()), options.get("seed"));
        LoadReport report;
        int nodes = options.integer("nodes");
        boolean sticky = text.containsKey("sticky");
        List<ChildServer> servers = ChildServer.startNodes(dir, nodes, options.get("server-heap-mb"), options.integer("cores"));
        try {
            int[] ports = servers.stream().mapToInt(server -> server.port).toArray();
            System.out.printf(Locale.ROOT, "%d server%s up on port%s %s; settling %d s (load average %s)%n", nodes,
                    nodes == 1 ? "" : "s", nodes == 1 ? "" : "s", Arrays.toString(ports), options.get("settle"),
                    ResourceUse.loadAverage());
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.get("settle")));
            report = drive(servers, options.get("server-heap-mb"),
                    () -> new LoadReport(settings, new LoadDriver(ports, sticky, plan, settings).run()));
            report.fact("nodes (musubi serve JVMs on one database)", "nodes", nodes);
            report.fact("requests spread over the nodes", "spread", nodes == 1 ? "one node"
                    : sticky ? "sticky: each user and system keeps to one node" : "round-robin: each request to the next node");
            report.fact("processors each node's JVM sees (-XX:ActiveProcessorCount; 0: the machine's)", "nodeProcessors",
                    ChildServer.processors(nodes, options.integer("cores")));
        } finally {
            for (ChildServer server : servers) {
                server.close();
            }
        }
        report.print();
        Path html = Path.of(text.getOrDefault("html", "target/load-report.html"));
        report.writeHtml(html);
        System.out.println("plot: " + html.toAbsolutePath());
        if (text.containsKey("json")) {
            report.writeJson(Path.of(text.get("json")));
        }
        report.figures(figures);
        figures.writeIfAsked();
    }

    /**
     * Splits the arguments: {@code --data-dir=}, {@code --json=}, {@code --html=} and the {@code flags} into
     * {@code text}, the numeric options returned; null when help was asked for.
     */
    static List<String> textOptions(String[] args, Set<String> flags, Map<String, String> text) {
        List<String> numeric = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--help")) {
                return null;
            } else if (flags.contains(arg.substring(Math.min(2, arg.length()))) || arg.startsWith("--data-dir=")
                    || arg.startsWith("--json=") || arg.startsWith("--html=")) {
                int equals = arg.indexOf('=');
                text.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
            } else {
                numeric.add(arg);
            }
        }
        return numeric;
    }

    /** A run that makes its report. */
    interface Run {
        LoadReport run() throws InterruptedException;
    }

    /** Runs {@code run} against the server and adds the server's and this JVM's resource use to its report. */
    static LoadReport drive(ChildServer server, long heapMiB, Run run) throws InterruptedException {
        return drive(List.of(server), heapMiB, run);
    }

    /** Runs {@code run} against the servers (nodes) and adds their resource use, summed, and this JVM's to its report. */
    static LoadReport drive(List<ChildServer> servers, long heapMiB, Run run) throws InterruptedException {
        long cpuBefore = servers.stream().mapToLong(ChildServer::cpuNanos).sum();
        long started = System.nanoTime();
        try (ResourceUse use = new ResourceUse()) {
            LoadReport report = run.run();
            report.fact("server JVM: heap (-Xms = -Xmx), MiB (all nodes together)", "serverHeapMiB", heapMiB);
            report.fact("server JVM: peak RSS, MiB (all nodes together)", "serverPeakRssMiB",
                    servers.stream().mapToLong(ChildServer::peakRssBytes).sum() >> 20);
            report.fact("server JVM: CPU used during the run, cores on average (all nodes together)", "serverCores",
                    "%.2f".formatted((servers.stream().mapToLong(ChildServer::cpuNanos).sum() - cpuBefore)
                            / (double) (System.nanoTime() - started)));
            report.fact("driver JVM: peak heap in use, MiB", "driverPeakHeapMiB", use.peakHeapBytes() >> 20);
            report.fact("driver JVM: peak RSS, MiB", "driverPeakRssMiB", ResourceUse.peakRssBytes() >> 20);
            report.fact("load average (1, 5, 15 min) at the end", "loadAverageEnd", ResourceUse.loadAverage());
            return report;
        }
    }

    /** Loads the store and registers users, links and systems in this JVM (no web server), then saves the plan. */
    static LoadPlan prepare(Path dir, BenchOptions options) throws Exception {
        if (Files.exists(dir.resolve("postgres"))) {
            throw new IllegalStateException(dir + " already holds a database: pass --skip-load to reuse it,"
                    + " or delete the directory");
        }
        int viewers = options.integer("viewers");
        int patients = options.integer("patients");
        int users = options.integer("users");
        try (RecordBenchServer server = RecordBenchServer.start(dir, false)) {
            RecordBenchNetwork network = RecordBenchNetwork.register(server, options.get("seed"),
                    RecordStoreBenchmark.TARGET_FACILITIES + viewers);
            double[] seconds = new double[2];
            // Measured persons have records of their own (held in memory while loading); the other patients are
            // background persons of the store, with records from shared templates.
            int measured = Math.min(patients, options.integer("measured"));
            long[] targets = RecordStoreBenchmark.loadStore(server, network, options.get("resources"), options.get("seed"),
                    measured, options.integer("per-facility"), seconds);
            System.out.printf(Locale.ROOT, "  loaded in %.0f s (%.0f s with indexes)%n", seconds[0], seconds[1]);
            long[] persons = LongStream.concat(Arrays.stream(targets),
                    server.bean(JdbcClient.class)
                            .sql("SELECT DISTINCT person_id FROM person_link ORDER BY person_id LIMIT ?")
                            .param(patients * 2).query(Long.class).list().stream().mapToLong(Long::longValue)
                            .filter(id -> Arrays.stream(targets).noneMatch(t -> t == id)))
                    .limit(patients).toArray();
            if (persons.length < patients) {
                throw new IllegalStateException("only " + persons.length + " persons in the store; raise --resources");
            }
            List<Facility> viewing = network.facilities().subList(RecordStoreBenchmark.TARGET_FACILITIES,
                    RecordStoreBenchmark.TARGET_FACILITIES + viewers);
            Consents consents = server.bean(Consents.class);
            long admin = network.adminUserId();
            List<List<Long>> linked = new ArrayList<>();
            viewing.forEach(v -> linked.add(new ArrayList<>()));
            for (int t = 0; t < persons.length; t++) {
                consents.grant(persons[t], ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                        network.facilities().getFirst().id());
                consents.link(persons[t], viewing.get(t % viewers).id(), admin);
                linked.get(t % viewers).add(persons[t]);
            }
            System.out.printf(Locale.ROOT, "  %,d patients with consent, each linked to one of %d viewing facilities%n",
                    persons.length, viewers);
            TestAccounts accounts = server.bean(TestAccounts.class);
            IssueCard cards = server.bean(IssueCard.class);
            IdentityStore identities = server.bean(IdentityStore.class);
            Map<Long, String> issued = new LinkedHashMap<>();
            List<LoadPlan.ClinicUser> clinicUsers = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int v = u % viewers;
                // A patient of another viewing facility's list: distinct for the users of one facility.
                long person = persons[((u / viewers) * viewers + (v + 1) % viewers) % persons.length];
                String card = issued.computeIfAbsent(person, p -> cards.regional(admin, p).qrPayload());
                Person p = identities.person(person).orElseThrow().person();
                String loginId = accounts.memberOf(viewing.get(v), Profession.DOCTOR).loginId();
                clinicUsers.add(new LoadPlan.ClinicUser(loginId, v, card, p.familyKana() + " " + p.givenKana(),
                        p.birthDate(), person));
                if (u % 200 == 199) {
                    System.out.printf(Locale.ROOT, "  ... %d users%n", u + 1);
                }
            }
            FhirClients api = server.bean(FhirClients.class);
            Facilities facilities = server.bean(Facilities.class);
            List<LoadPlan.FacilitySystem> systems = new ArrayList<>();
            for (int s = 0; s < options.integer("systems"); s++) {
                int v = s % viewers;
                boolean pharmacy = s % 2 == 1;
                var client = pharmacy
                        ? api.register(facilities.insert(new FacilityDraft("負荷試験薬局" + s, "フカシケンヤッキョク" + s,
                                FacilityKind.PHARMACY, MedicalInstitutionCode.of(34, 4, 900_000 + s).value(), 34, "広島市中区基町" + s, "082-000-0000", true, true,
                                FacilityStatus.ACTIVE)), "system/*.write")
                        : api.register(viewing.get(v), "system/*.read");
                systems.add(new LoadPlan.FacilitySystem(pharmacy, v, client.client().clientId(), client.secret()));
            }
            LoadPlan plan = new LoadPlan(clinicUsers, linked.stream().map(l -> l.stream().mapToLong(Long::longValue)
                    .toArray()).toList(), systems);
            plan.save(dir);
            System.out.printf(Locale.ROOT, "  %d users, %d cards, %d facility systems prepared (load average %s)%n",
                    clinicUsers.size(), issued.size(), systems.size(), ResourceUse.loadAverage());
            return plan;
        }
    }

    /** {@code musubi serve} in a child JVM on the prepared data directory. */
    static final class ChildServer implements AutoCloseable {

        final Process process;
        final int port;

        private ChildServer(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static ChildServer start(Path dir, long heapMiB) throws Exception {
            return start(dir, heapMiB, 0, List.of(), Map.of(), "server.log", "uploads");
        }

        /**
         * {@code nodes} servers on the prepared data directory (issue 41): the first runs its embedded PostgreSQL, on a
         * port the others connect to as an external database with the cluster's passwords; all share the secret key
         * and blob directory, each has its own upload directory and log. {@code totalHeapMiB} and {@code cores} (0: the
         * machine's processors) are shared out, so that N nodes have what one node would have.
         */
        static List<ChildServer> startNodes(Path dir, int nodes, long totalHeapMiB, int cores) throws Exception {
            if (nodes == 1) {
                return List.of(start(dir, totalHeapMiB, processors(1, cores), List.of(), Map.of(), "server.log", "uploads"));
            }
            int postgres = ChildServers.freePort();
            Path cluster = dir.resolve("postgres");
            List<ChildServer> started = new ArrayList<>();
            try {
                for (int k = 0; k < nodes; k++) {
                    List<String> settings = k == 0 ? List.of("--musubi.database.embedded.port=" + postgres) : List.of();
                    Map<String, String> environment = k == 0 ? Map.of() : Map.of(
                            "MUSUBI_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres + "/postgres",
                            "MUSUBI_DB_PASSWORD", EmbeddedClusters.password(cluster, "app"),
                            "MUSUBI_DB_OWNER_USER", "postgres",
                            "MUSUBI_DB_OWNER_PASSWORD", EmbeddedClusters.password(cluster, "postgres"));
                    started.add(start(dir, totalHeapMiB / nodes, processors(nodes, cores), settings, environment,
                            "server-" + (k + 1) + ".log", "uploads-" + (k + 1)));
                }
                return started;
            } catch (Exception e) {
                for (ChildServer server : started) {
                    server.close();
                }
                throw e;
            }
        }

        /** The processors each of {@code nodes} JVMs is told it has: {@code cores} shared out (0 and one node: unset). */
        static int processors(int nodes, int cores) {
            return cores <= 0 && nodes == 1 ? 0
                    : Math.max(1, (cores > 0 ? cores : Runtime.getRuntime().availableProcessors()) / nodes);
        }

        private static ChildServer start(Path dir, long heapMiB, int processors, List<String> settings,
                                         Map<String, String> environment, String logName, String uploads) throws Exception {
            int port = ChildServers.freePort();
            Path log = dir.resolve(logName);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xms" + heapMiB + "m", "-Xmx" + heapMiB + "m"));
            if (processors > 0) {
                command.add("-XX:ActiveProcessorCount=" + processors);
                // A JVM that sees one processor picks the serial collector, whose pauses alone would triple a node's
                // p99: keep the collector one node gets with two, so that the split measures the nodes, not the GC.
                command.add("-XX:+UseG1GC");
            }
            // e.g. MUSUBI_SERVER_JAVA_OPTS=-XX:StartFlightRecording=filename=server.jfr,settings=profile
            String extra = System.getenv().getOrDefault("MUSUBI_SERVER_JAVA_OPTS", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.musubi.Musubi", "serve", "--server.port=" + port,
                    "--musubi.database.embedded.data-directory=" + dir.resolve("postgres"),
                    "--musubi.security.secret-key-file=" + dir.resolve("secret.key"), "--musubi.demo.enabled=false",
                    "--musubi.ingest.watch=false", "--musubi.ingest.upload-directory=" + dir.resolve(uploads),
                    "--logging.level.root=WARN", "--logging.structured.format.console="));
            command.addAll(settings);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new ChildServer(ChildServers.start(builder, port, log, Duration.ofMinutes(5)), port);
        }

        long peakRssBytes() {
            return ResourceUse.peakRssBytes(process.pid());
        }

        /** User and system CPU time of the server process so far. */
        long cpuNanos() {
            return ResourceUse.cpuNanos(process.pid());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Map<String, Long> defaults() {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("users", 1_000L);
        defaults.put("minutes", 10L);
        defaults.put("ramp", 300L);
        defaults.put("think-min-ms", 20_000L);
        defaults.put("think-max-ms", 60_000L);
        defaults.put("systems", 20L);
        defaults.put("viewers", 20L);
        defaults.put("patients", 2_000L);
        defaults.put("measured", 100L);
        defaults.put("per-facility", 60L);
        defaults.put("resources", 1_000_000L);
        defaults.put("server-heap-mb", 2_048L);
        // Issue 41: the servers on one database; the heap above and the cores are shared out among them.
        defaults.put("nodes", 1L);
        defaults.put("cores", 0L);
        defaults.put("settle", 30L);
        defaults.put("seed", 2026L);
        return defaults;
    }

    private LoadBenchmark() {
    }
}

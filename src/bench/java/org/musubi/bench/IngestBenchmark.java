package org.musubi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.musubi.audit.Actor;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.FolderFiles;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.RunImport;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityStatus;
import org.musubi.ingest.uke.UkeFiles;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.sources.SourceFiles;
import org.musubi.synth.sources.SourceOptions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end import speed (issue 5): {@code synth} writes the facilities' SS-MIX2 storages and JAHIS
 * notebooks for a population (kept between runs in {@code --sources}), Musubi starts on an empty
 * embedded database with the network's facilities registered, and every storage, then every
 * pharmacy's notebooks, is imported through the real pipeline (adapters, 名寄せ, record store, audit),
 * one source after another. Prints messages/s, dispensing records/s, peak heap and RSS.
 * Run with the heap the target allows, e.g. {@code JAVA_OPTS=-Xmx1g bench/ingest.sh}.
 */
public final class IngestBenchmark {

    private static final Map<String, Long> DEFAULTS = defaults();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, DEFAULTS);
        if (options.get("uke") > 0) {
            UkeImports.run(options);
            return;
        }
        SuiteFigures figures = new SuiteFigures("ingest");
        Path sources = Path.of(System.getProperty("musubi.bench.sources", "/tmp/musubi-ingest-sources-"
                + options.get("persons") + "x" + options.get("messages")));
        SyntheticNetwork network = new SyntheticNetworkGenerator().generate(options.get("seed"),
                new SynthSize(options.integer("facilities"), options.integer("facilities") * 3, 0), 34);
        System.out.println("Options: " + options + " sources=" + sources);
        if (!Files.isDirectory(sources)) {
            long started = System.nanoTime();
            var summary = SourceFiles.write(network, options.get("persons"), sources,
                    SourceOptions.defaults(options.get("seed")).withMessagesPerPatient(options.integer("messages")), done -> { });
            System.out.printf("synth: %,d SS-MIX2 messages, %,d JAHIS files in %.1f s (not counted)%n",
                    summary.ssmix2Messages(), summary.jahisFiles(), (System.nanoTime() - started) / 1e9);
        }
        // -Dmusubi.bench.data=DIR keeps the imported database there, to be looked into after the run
        String kept = System.getProperty("musubi.bench.data");
        try (RecordBenchServer server = RecordBenchServer.start(kept == null ? null : Path.of(kept), options.get("web") == 1)) {
            Map<String, Facility> registered = register(server, network);
            HeapPeak heap = new HeapPeak();
            boolean floor = options.get("floor") == 1;
            long beforeSsmix2 = floor ? StoreFloor.transactionBefore(server.owner()) : 0;
            Result ssmix2 = run(server, registered, sources, ImportKind.SSMIX2, "ssmix2", options.get("limit"));
            if (floor) {
                floor(server, beforeSsmix2, "SS-MIX2 messages", ssmix2.counts().recordsSeen(), ssmix2.seconds(), figures);
            }
            if (options.get("settle") == 1 && options.get("jahis") == 1) {
                Maintenance.settle(server.owner());
            }
            long maintenanceBefore = Maintenance.runs(server.owner());
            long beforeJahis = floor ? StoreFloor.transactionBefore(server.owner()) : 0;
            Result jahis = options.get("jahis") == 0 ? null : run(server, registered, sources, ImportKind.JAHIS, "jahis", 0);
            if (jahis != null) {
                System.out.printf("autovacuum and autoanalyze runs that ended during the JAHIS import: %d%n",
                        Maintenance.runs(server.owner()) - maintenanceBefore);
            }
            long dispenses = server.bean(JdbcClient.class).sql("SELECT count(*) FROM resource WHERE type = 'MedicationDispense'")
                    .query(Long.class).single();
            if (floor && jahis != null) {
                floor(server, beforeJahis, "JAHIS dispensing records", dispenses, jahis.seconds(), figures);
            }
            report(ssmix2, jahis, dispenses, heap.peakMegabytes());
            figures.value("SS-MIX2 messages/s (whole run, " + ssmix2.counts().recordsSeen() + " messages)", "1/s",
                    Math.round(ssmix2.counts().recordsSeen() / ssmix2.seconds()), "≥ 5,000",
                    ssmix2.counts().recordsSeen() / ssmix2.seconds() >= 5000);
            figures.rate("SS-MIX2 messages/s per facility storage", "1/s", ssmix2.perSource(), 0);
            if (jahis != null) {
                figures.value("JAHIS dispensing records/s (whole run, " + dispenses + " records)", "1/s",
                        Math.round(dispenses / jahis.seconds()), "≥ 20,000", dispenses / jahis.seconds() >= 20000);
                figures.rate("JAHIS records/s per pharmacy", "1/s", jahis.perSource(), 0);
            }
            figures.value("old generation after the last GC", "MiB", HeapPeak.retainedMegabytes(), "heap ≤ 1 GiB",
                    Runtime.getRuntime().maxMemory() <= 1L << 30);
        }
        figures.writeIfAsked();
    }

    private static Map<String, Facility> register(RecordBenchServer server, SyntheticNetwork network) {
        Facilities facilities = server.bean(Facilities.class);
        Map<String, Facility> byCode = new LinkedHashMap<>();
        network.facilities().stream().filter(f -> f.code() != null).forEach(f -> byCode.put(f.code().value(),
                facilities.insert(new FacilityDraft(f.nameKanji(), f.nameKana(), f.kind(), f.code().value(), f.prefecture(),
                        f.address(), f.phone(), true, true, FacilityStatus.ACTIVE))));
        return byCode;
    }

    /** Imports every facility's folder of this kind, one after another; {@code limit} > 0 stops after that many records. */
    private static Result run(RecordBenchServer server, Map<String, Facility> facilities, Path sources, ImportKind kind,
                              String folder, long limit) throws IOException, SQLException {
        RunImport imports = server.bean(RunImport.class);
        ImportSources registry = server.bean(ImportSources.class);
        BatchCounts total = BatchCounts.ZERO;
        long postmaster = postmasterPid(server.owner());
        long jvm = ProcessHandle.current().pid();
        long jvmCpu = ResourceUse.cpuNanos(jvm);
        Map<String, Long> threadsBefore = ThreadCpu.snapshot();
        long databaseCpu = ResourceUse.treeCpuNanos(postmaster);
        long started = System.nanoTime();
        List<Double> perSource = new ArrayList<>();
        List<Path> roots;
        try (Stream<Path> codes = Files.list(sources)) {
            roots = codes.map(code -> code.resolve(folder)).filter(Files::isDirectory).sorted().toList();
        }
        for (Path root : roots) {
            Facility facility = facilities.get(root.getParent().getFileName().toString());
            ImportSource source = registry.findOrCreate(facility.id(), kind, "bench", root.toString());
            long began = System.nanoTime();
            ImportBatch batch = imports.run(source, FolderFiles.of(kind, root),
                    new RunImport.Runner(null, Actor.system("bench"), BatchOrigin.COMMAND_LINE), c -> { });
            perSource.add(batch.counts().recordsSeen() / ((System.nanoTime() - began) / 1e9));
            total = total.plus(batch.counts());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  %s %s: %,d records (%,d rejected) — so far %,d in %.0f s = %,.0f/s%n", kind,
                    root.getParent().getFileName(), batch.counts().recordsSeen(), batch.counts().recordsRejected(),
                    total.recordsSeen(), seconds, total.recordsSeen() / seconds);
            if (limit > 0 && total.recordsSeen() >= limit) {
                break;
            }
        }
        return new Result(kind, total, (System.nanoTime() - started) / 1e9,
                perSource.stream().mapToDouble(Double::doubleValue).toArray(), (ResourceUse.cpuNanos(jvm) - jvmCpu) / 1e9,
                (ResourceUse.treeCpuNanos(postmaster) - databaseCpu) / 1e9, threadsBefore, ThreadCpu.snapshot());
    }

    /** The embedded PostgreSQL's postmaster: the parent of a backend. */
    static long postmasterPid(DataSource owner) throws SQLException {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(backend);
        }
    }

    /** PostgreSQL alone storing an import's rows by COPY: an upper bound of the end-to-end rate with this store. */
    private static void floor(RecordBenchServer server, long since, String what, long messages, double importSeconds,
                              SuiteFigures figures) throws Exception {
        StoreFloor.Floor floor = StoreFloor.measure(server.owner(), server.directory().resolve("floor"), since);
        System.out.println();
        System.out.println("Store floor of " + what + ": the import's rows copied back by binary COPY into empty tables"
                + " with the same indexes");
        System.out.println("| table | rows | MB | seconds |");
        System.out.println("|---|---|---|---|");
        for (StoreFloor.Loaded t : floor.tables()) {
            System.out.printf("| %s | %,d | %,.0f | %.1f |%n", t.table(), t.rows(), t.bytes() / 1e6, t.seconds());
        }
        System.out.printf("all %,d %s, one transaction: %.1f s wall, %.1f s CPU of the PostgreSQL backend = %,.0f/s on one core,"
                + " at most %,.0f/s with two cores and no Java work at all (the import: %,.0f/s)%n", messages, what,
                floor.seconds(), floor.backendCpuSeconds(), messages / floor.seconds(),
                2 * messages / floor.backendCpuSeconds(), messages / importSeconds);
        figures.value("store floor: " + what + " stored by COPY, one backend", "1/s", Math.round(messages / floor.seconds()),
                "(upper bound)", null);
        figures.value("store floor: " + what + "/s with two cores and no Java work", "1/s",
                Math.round(2 * messages / floor.backendCpuSeconds()), "(upper bound)", null);
    }

    private static void report(Result ssmix2, Result jahis, long dispenses, long heapPeak) throws IOException {
        System.out.println();
        System.out.println("| import | records | rejected | resources written | seconds | records/s |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : jahis == null ? List.of(ssmix2) : List.of(ssmix2, jahis)) {
            System.out.printf("| %s | %,d | %,d | %,d | %.1f | %,.0f |%n", r.kind(), r.counts().recordsSeen(),
                    r.counts().recordsRejected(), r.counts().resourcesWritten(), r.seconds(), r.counts().recordsSeen() / r.seconds());
        }
        for (Result r : jahis == null ? List.of(ssmix2) : List.of(ssmix2, jahis)) {
            long records = r == jahis ? dispenses : r.counts().recordsSeen();
            System.out.printf("%s CPU: Musubi's JVM %.1f s (%.0f µs a record), PostgreSQL %.1f s (%.0f µs a record);"
                            + " %.2f of 2 cores busy%n", r.kind(), r.jvmCpuSeconds(), 1e6 * r.jvmCpuSeconds() / records,
                    r.databaseCpuSeconds(), 1e6 * r.databaseCpuSeconds() / records,
                    (r.jvmCpuSeconds() + r.databaseCpuSeconds()) / r.seconds());
            System.out.printf("%s JVM CPU by threads, µs a record: %s%n", r.kind(),
                    ThreadCpu.perRecord(r.threadsBefore(), r.threadsAfter(), records));
        }
        if (jahis != null) {
            System.out.printf("JAHIS dispensing records (MedicationDispense stored): %,d, %,.0f/s end to end%n", dispenses,
                    dispenses / jahis.seconds());
        }
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        System.out.printf("heap: max %,d MB, most in use (sampled) %,d MB, old generation after the last GC %,d MB;"
                + " JVM %s (PostgreSQL runs in its own processes)%n", Runtime.getRuntime().maxMemory() >> 20, heapPeak,
                HeapPeak.retainedMegabytes(), rss);
        System.out.println("collector (whole run, start-up included): " + collections());
        System.out.printf("targets: SS-MIX2 >= 5,000 messages/s: %s (%,.0f); JAHIS >= 20,000 dispensing records/s: %s%n",
                ssmix2.counts().recordsSeen() / ssmix2.seconds() >= 5000 ? "PASS" : "MISS", ssmix2.counts().recordsSeen() / ssmix2.seconds(),
                jahis == null ? "not run" : dispenses / jahis.seconds() >= 20000 ? "PASS" : "MISS");
    }

    /**
     * {@code --uke=PATIENTS}: a clinic's receipt files instead of the synthetic network — {@code --uke-months} monthly UKE
     * files (医科, {@link UkeFiles#clinicMonth}: a receipt per patient a month, 9 records each) written to a folder, then
     * imported month by month into an empty embedded database with the clinic registered, each month its own batch
     * as the clinic would send it: reading, mapping, 名寄せ, record store, ledger, one audit row per receipt.
     */
    static final class UkeImports {

        /** A valid 10-digit code (check digit) of a clinic in Hiroshima (34), 点数表 1. */
        private static final String CLINIC = org.musubi.registry.MedicalInstitutionCode.of(34, 1, 1).value();

        private UkeImports() {
        }

        static void run(BenchOptions options) throws IOException, SQLException {
            int patients = options.integer("uke");
            int months = options.integer("uke-months");
            Path folder = Files.createDirectories(Path.of(System.getProperty("musubi.bench.sources",
                    "/tmp/musubi-uke-sources-" + patients + "x" + months + "-" + CLINIC)));
            long lines = 0;
            long bytes = 0;
            List<Path> files = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                Path file = folder.resolve(String.format("clinic-%04d%02d.UKE", 2024 + m / 12, 1 + m % 12));
                if (!Files.exists(file)) {
                    Files.write(file, UkeFiles.clinicMonth(CLINIC, patients, 2024 + m / 12, 1 + m % 12));
                }
                byte[] content = Files.readAllBytes(file);
                bytes += content.length;
                lines += new String(content, UkeFiles.SHIFT_JIS).lines().count();
                files.add(file);
            }
            System.out.printf("UKE: %d monthly files of %,d patients in %s: %,d records (lines), %,d bytes (written once, not"
                    + " counted)%n", months, patients, folder, lines, bytes);
            String kept = System.getProperty("musubi.bench.data");
            try (RecordBenchServer server = RecordBenchServer.start(kept == null ? null : Path.of(kept), false)) {
                Facility clinic = server.bean(Facilities.class).insert(new FacilityDraft("ベンチ診療所", "ベンチシンリョウジョ",
                        org.musubi.registry.FacilityKind.CLINIC, CLINIC, 34, "広島県", "082-000-0000", true, true,
                        FacilityStatus.ACTIVE));
                ImportSource source = server.bean(ImportSources.class).findOrCreate(clinic.id(), ImportKind.UKE, "bench",
                        folder.toString());
                RunImport imports = server.bean(RunImport.class);
                HeapPeak heap = new HeapPeak();
                long jvm = ProcessHandle.current().pid();
                long postmaster = postmasterPid(server.owner());
                long jvmCpu = ResourceUse.cpuNanos(jvm);
                long databaseCpu = ResourceUse.treeCpuNanos(postmaster);
                BatchCounts total = BatchCounts.ZERO;
                long started = System.nanoTime();
                for (Path file : files) {
                    long began = System.nanoTime();
                    ImportBatch batch = imports.run(source, FolderFiles.of(ImportKind.UKE, file),
                            new RunImport.Runner(null, Actor.system("bench"), BatchOrigin.COMMAND_LINE), c -> { });
                    total = total.plus(batch.counts());
                    double seconds = (System.nanoTime() - began) / 1e9;
                    System.out.printf("  %s: %,d receipts (%,d rejected), %,d resources written in %.1f s = %,.0f receipts/s;"
                                    + " heap peak so far %,d MB%n", file.getFileName(), batch.counts().recordsSeen(),
                            batch.counts().recordsRejected(), batch.counts().resourcesWritten(), seconds,
                            batch.counts().recordsSeen() / seconds, heap.peakMegabytes());
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double jvmSeconds = (ResourceUse.cpuNanos(jvm) - jvmCpu) / 1e9;
                double databaseSeconds = (ResourceUse.treeCpuNanos(postmaster) - databaseCpu) / 1e9;
                long audits = server.bean(JdbcClient.class).sql("SELECT count(*) FROM audit_event").query(Long.class).single();
                System.out.println();
                System.out.println("| receipts | rejected | records (lines) | resources written | audit rows | seconds |"
                        + " receipts/s | records/s | resources/s |");
                System.out.println("|---|---|---|---|---|---|---|---|---|");
                System.out.printf("| %,d | %,d | %,d | %,d | %,d | %.0f | %,.0f | %,.0f | %,.0f |%n", total.recordsSeen(),
                        total.recordsRejected(), lines, total.resourcesWritten(), audits, seconds, total.recordsSeen() / seconds,
                        lines / seconds, total.resourcesWritten() / seconds);
                System.out.printf("CPU: Musubi's JVM %.1f s, PostgreSQL %.1f s; %.2f of the machine's cores busy on average"
                        + " (load average at the end: %s)%n", jvmSeconds, databaseSeconds, (jvmSeconds + databaseSeconds) / seconds,
                        Files.readString(Path.of("/proc/loadavg")).strip());
                String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                        .findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
                System.out.printf("heap: max %,d MB, most in use (sampled) %,d MB, old generation after the last GC %,d MB;"
                        + " JVM %s; collector: %s%n", Runtime.getRuntime().maxMemory() >> 20, heap.peakMegabytes(),
                        HeapPeak.retainedMegabytes(), rss, collections());
            }
        }
    }

    private record Result(ImportKind kind, BatchCounts counts, double seconds, double[] perSource, double jvmCpuSeconds,
                          double databaseCpuSeconds, Map<String, Long> threadsBefore, Map<String, Long> threadsAfter) {
    }

    /**
     * Each collector's collections and their pause time, as the JVM counts them (for G1: young and mixed
     * collections; the remark and cleanup pauses of concurrent cycles, two a cycle; full collections), so runs
     * can be compared without a GC log. This VM's speed drifts by a third within hours (bench/README.md).
     */
    static String collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(gc -> String.format("%s %,d in %.1f s", gc.getName(), gc.getCollectionCount(), gc.getCollectionTime() / 1e3))
                .collect(Collectors.joining("; "));
    }

    /** The most heap in use (live and garbage) seen by sampling every 50 ms, and the old generation after GC. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();

        HeapPeak() {
            Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (true) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setPriority(Thread.MIN_PRIORITY);
        }

        long peakMegabytes() {
            return peak.get() >> 20;
        }

        /** The old generation's peak use right after collections: what the import keeps, not its garbage. */
        static long retainedMegabytes() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .filter(p -> p.getCollectionUsage() != null && p.getName().contains("Old"))
                    .mapToLong(p -> p.getCollectionUsage().getUsed()).max().orElse(-1) >> 20;
        }
    }

    private static Map<String, Long> defaults() {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("persons", 10_000L);
        defaults.put("messages", 100L);
        defaults.put("facilities", 60L);
        defaults.put("seed", 20_260_401L);
        defaults.put("limit", 0L);
        defaults.put("jahis", 1L);
        // 0: as 'musubi import' runs (no web server, no FHIR validator); 1: inside a serving application
        defaults.put("web", 0L);
        // 1: after the SS-MIX2 import, time PostgreSQL alone storing its rows by COPY (StoreFloor)
        defaults.put("floor", 0L);
        // 1: between the two imports, let autovacuum finish and vacuum and analyse the database (not timed), so that
        // the JAHIS figure does not carry a varying share of the maintenance the SS-MIX2 import left behind
        defaults.put("settle", 1L);
        // > 0: instead of the network, a clinic of that many patients sending a year of receipt files (UKE)
        defaults.put("uke", 0L);
        defaults.put("uke-months", 12L);
        return defaults;
    }
}

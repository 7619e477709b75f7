package org.musubi.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.musubi.phr.Residents;
import org.musubi.phr.vitals.RecordVitals;
import org.musubi.phr.vitals.Vital;
import org.musubi.phr.vitals.VitalsEntry;
import org.musubi.security.Totp;
import org.musubi.testing.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The residents' health notebook under load (issue 25): {@code musubi serve} in its own JVM on loopback with a store
 * of about a million resources, then
 * <ol>
 * <li>one resident with ten years of notebook data (weight, blood pressure, pulse and steps every day, height every
 *     year: about 18,000 Observations, besides the facilities' records) opens the notebook's home, the vital signs
 *     page and the charts over each range one after another: per page p50/p95/p99 against p95 ≤ 100 ms;</li>
 * <li>N residents (default 2,000) sign in over the ramp-up and use the notebook for the steady minutes (default 10)
 *     with think time ({@link LoadDriver}, resident mode): page loads p99 ≤ 300 ms with 0 errors.</li>
 * </ol>
 * The first run prepares the store in {@code --data-dir} (default {@code /tmp/musubi-phr}): the record store by COPY as
 * the record benchmark loads it, then residents registered through the real use cases (an operator's code, card and
 * birth date proven, an authenticator proven) with two weeks of vital signs each, recorded through the notebook's own
 * use case. {@code --skip-load} runs again on it. A {@code main}, not a test: run it with {@code bench/phr.sh}.
 */
public final class PhrLoadBenchmark {

    static final double HEAVY_TARGET_P95_MS = 100;
    private static final String[] HEAVY_PAGES = {"/phr", "/phr/vitals", "/phr/vitals/weight?range=week",
        "/phr/vitals/weight?range=month", "/phr/vitals/weight?range=year", "/phr/vitals/weight?range=all",
        "/phr/vitals/blood-pressure?range=year", "/phr/vitals/blood-pressure?range=all", "/phr/vitals/steps?range=all",
        "/phr/medicines"};

    public static void main(String[] args) throws Exception {
        Map<String, Long> defaults = defaults();
        Map<String, String> text = new LinkedHashMap<>();
        List<String> numeric = LoadBenchmark.textOptions(args, Set.of("skip-load", "prepare-only"), text);
        if (numeric == null) {
            System.out.println("options: " + BenchOptions.usage(defaults) + " --data-dir=DIR --skip-load --prepare-only"
                    + " --json=FILE --html=FILE (default target/phr-load-report.html)");
            return;
        }
        BenchOptions options = BenchOptions.parse(numeric.toArray(String[]::new), defaults);
        SuiteFigures figures = new SuiteFigures("phr");
        System.out.println("health-notebook benchmark: " + options + " " + text);
        Path dir = Path.of(text.getOrDefault("data-dir", "/tmp/musubi-phr"));
        PhrLoadPlan plan = text.containsKey("skip-load") ? PhrLoadPlan.read(dir) : prepare(dir, options);
        if (text.containsKey("prepare-only")) {
            return;
        }
        LoadDriver.Settings settings = new LoadDriver.Settings(Math.min(options.integer("users"), plan.residents().size()),
                Duration.ofSeconds(options.get("ramp")), Duration.ofMinutes(options.get("minutes")),
                Duration.ofMillis(options.get("think-min-ms")), Duration.ofMillis(options.get("think-max-ms")), 0,
                options.get("seed"));
        LoadReport report;
        try (LoadBenchmark.ChildServer server = LoadBenchmark.ChildServer.start(dir, options.get("server-heap-mb"))) {
            System.out.printf(Locale.ROOT, "server up on port %d (pid %d); settling %d s (load average %s)%n",
                    server.port, server.process.pid(), options.get("settle"), ResourceUse.loadAverage());
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.get("settle")));
            heavy(server.port, plan.heavy(), options.integer("heavy-rounds"), figures);
            if (settings.users() == 0) {
                figures.writeIfAsked();
                return;
            }
            report = LoadBenchmark.drive(server, options.get("server-heap-mb"),
                    () -> new LoadReport(settings, new LoadDriver(server.port, plan, settings).run(), "residents"));
        }
        report.print();
        Path html = Path.of(text.getOrDefault("html", "target/phr-load-report.html"));
        report.writeHtml(html);
        System.out.println("plot: " + html.toAbsolutePath());
        if (text.containsKey("json")) {
            report.writeJson(Path.of(text.get("json")));
        }
        report.figures(figures);
        figures.writeIfAsked();
    }

    /**
     * The resident with ten years of data, alone on the server: each page {@code rounds} times after a warm-up of a
     * quarter as many, pages in turn; per page p50/p95/p99 of the time from sending to the last byte on loopback.
     */
    static void heavy(int port, PhrLoadPlan.Resident resident, int rounds, SuiteFigures figures) {
        WebSession web = new WebSession(port);
        web.get("/phr/login");
        web.post("/login", "username", resident.loginId(), "password", Residents.PASSWORD, "from", "phr");
        web.get("/login/second-factor");
        var in = web.post("/login/second-factor", "code", Totp.code(resident.totpSecret(), Totp.step(Instant.now())));
        if (!"/phr".equals(WebSession.location(in))) {
            throw new IllegalStateException("the heavy resident could not sign in: " + in.statusCode() + " "
                    + WebSession.location(in));
        }
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (String page : HEAVY_PAGES) {
            nanos.put(page, new long[rounds]);
        }
        int warmUp = Math.max(5, rounds / 4);
        for (int round = -warmUp; round < rounds; round++) {
            for (String page : HEAVY_PAGES) {
                long at = System.nanoTime();
                var response = web.get(page);
                long took = System.nanoTime() - at;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(page + " answered " + response.statusCode());
                }
                if (round >= 0) {
                    nanos.get(page)[round] = took;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nOne resident with ten years of notebook data (%d rounds after %d to warm up)%n",
                rounds, warmUp);
        System.out.printf(Locale.ROOT, "%-42s %8s %8s %8s %8s  %s%n", "page", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "target p95 ≤ 100 ms");
        nanos.forEach((page, values) -> {
            Distribution d = new Distribution(values);
            double p95 = d.percentile(95) / 1e6;
            System.out.printf(Locale.ROOT, "%-42s %8.1f %8.1f %8.1f %8.1f  %s%n", page, d.percentile(50) / 1e6, p95,
                    d.percentile(99) / 1e6, d.max() / 1e6, p95 <= HEAVY_TARGET_P95_MS ? "PASS" : "MISS");
            figures.latency("10-year resident " + page, d, HEAVY_TARGET_P95_MS, "p95 ≤ 100 ms");
        });
    }

    /** Loads the store, registers the residents and records their vital signs in this JVM (no web server). */
    static PhrLoadPlan prepare(Path dir, BenchOptions options) throws Exception {
        if (Files.exists(dir.resolve("postgres"))) {
            throw new IllegalStateException(dir + " already holds a database: pass --skip-load to reuse it,"
                    + " or delete the directory");
        }
        int count = options.integer("users");
        try (RecordBenchServer server = RecordBenchServer.start(dir, false)) {
            RecordBenchNetwork network = RecordBenchNetwork.register(server, options.get("seed"),
                    RecordStoreBenchmark.TARGET_FACILITIES);
            double[] seconds = new double[2];
            long[] targets = RecordStoreBenchmark.loadStore(server, network, options.get("resources"), options.get("seed"),
                    1, options.integer("per-facility"), seconds);
            System.out.printf(Locale.ROOT, "  loaded in %.0f s (%.0f s with indexes)%n", seconds[0], seconds[1]);
            List<Long> persons = server.bean(JdbcClient.class)
                    .sql("SELECT DISTINCT person_id FROM person_link WHERE person_id <> ? ORDER BY person_id LIMIT ?")
                    .param(targets[0]).param(count).query(Long.class).list();
            if (persons.size() < count) {
                throw new IllegalStateException("only " + persons.size() + " persons in the store; raise --resources");
            }
            Residents residents = server.bean(Residents.class);
            RecordVitals vitals = server.bean(RecordVitals.class);
            long start = System.nanoTime();
            Residents.Resident heavy = residents.register(targets[0]);
            int entries = recordDays(vitals, heavy, targets[0], LocalDate.now().minusYears(10), 3_652, 183,
                    new SplittableRandom(options.get("seed")));
            System.out.printf(Locale.ROOT, "  the ten-year resident: %,d daily entries recorded in %.0f s%n", entries,
                    (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            List<PhrLoadPlan.Resident> registered = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(options.get("seed") + 1);
            for (long person : persons) {
                Residents.Resident r = residents.register(person);
                recordDays(vitals, r, person, LocalDate.now().minusDays(14), 14, 14, random);
                registered.add(new PhrLoadPlan.Resident(r.account().loginId(), r.totpSecret(), person));
                if (registered.size() % 200 == 0) {
                    System.out.printf(Locale.ROOT, "  ... %d residents (%.0f s)%n", registered.size(),
                            (System.nanoTime() - start) / 1e9);
                }
            }
            PhrLoadPlan plan = new PhrLoadPlan(registered, new PhrLoadPlan.Resident(heavy.account().loginId(),
                    heavy.totpSecret(), targets[0]));
            plan.save(dir);
            long total = server.bean(JdbcClient.class)
                    .sql("SELECT count(*) FROM resource").query(Long.class).single();
            System.out.printf(Locale.ROOT, "  %d residents registered with two weeks of vitals each; %,d resources in the"
                    + " store (load average %s)%n", registered.size(), total, ResourceUse.loadAverage());
            return plan;
        }
    }

    /**
     * Records {@code days} days from {@code first} for the resident through the notebook's use case, {@code chunk} days
     * at a time: every morning weight, blood pressure and pulse, every evening the day's steps, and the height on the
     * first day of each year.
     */
    private static int recordDays(RecordVitals vitals, Residents.Resident resident, long person, LocalDate first, int days,
                                  int chunk, SplittableRandom random) {
        int recorded = 0;
        double weight = 55 + random.nextDouble() * 25;
        List<VitalsEntry> batch = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            if (!day.isBefore(LocalDate.now())) {
                break;
            }
            weight = Math.max(40, Math.min(120, weight + (random.nextDouble() - 0.5) * 0.4));
            Map<Vital, BigDecimal> morning = new EnumMap<>(Vital.class);
            morning.put(Vital.WEIGHT, BigDecimal.valueOf(Math.round(weight * 10), 1));
            morning.put(Vital.SYSTOLIC, BigDecimal.valueOf(105 + random.nextInt(45)));
            morning.put(Vital.DIASTOLIC, BigDecimal.valueOf(65 + random.nextInt(25)));
            morning.put(Vital.PULSE, BigDecimal.valueOf(55 + random.nextInt(35)));
            if (d == 0 || day.getDayOfYear() == 1) {
                morning.put(Vital.HEIGHT, BigDecimal.valueOf(1650 + random.nextInt(5), 1));
            }
            batch.add(new VitalsEntry(LocalDateTime.of(day, LocalTime.of(7, random.nextInt(60))), morning));
            batch.add(new VitalsEntry(LocalDateTime.of(day, LocalTime.of(21, 0)),
                    Map.of(Vital.STEPS, BigDecimal.valueOf(2_000 + random.nextInt(10_000)))));
            recorded++;
            if (batch.size() >= chunk * 2) {
                save(vitals, resident, person, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            save(vitals, resident, person, batch);
        }
        return recorded;
    }

    private static void save(RecordVitals vitals, Residents.Resident resident, long person, List<VitalsEntry> batch) {
        if (vitals.save(resident.account().id(), person, List.copyOf(batch)).isEmpty()) {
            throw new IllegalStateException("the notebook refused the resident's own vitals (person " + person + ")");
        }
    }

    private static Map<String, Long> defaults() {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("users", 2_000L);
        defaults.put("minutes", 10L);
        defaults.put("ramp", 300L);
        defaults.put("think-min-ms", 10_000L);
        defaults.put("think-max-ms", 30_000L);
        defaults.put("resources", 1_000_000L);
        defaults.put("per-facility", 60L);
        defaults.put("heavy-rounds", 200L);
        defaults.put("server-heap-mb", 2_048L);
        defaults.put("settle", 30L);
        defaults.put("seed", 2026L);
        return defaults;
    }

    private PhrLoadBenchmark() {
    }
}

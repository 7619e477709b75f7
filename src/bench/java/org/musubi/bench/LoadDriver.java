package org.musubi.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.phr.Residents;
import org.musubi.security.DemoAccounts;
import org.musubi.security.Totp;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;

/**
 * The load driver: one virtual thread per clinic user and per facility system, all over one shared
 * {@link HttpClient} (each user keeps its own cookies and CSRF token), against a server on loopback.
 * Users start evenly over the ramp-up and stop at its end plus the steady duration. Every request is
 * timed from sending to the last byte; one that answers another status than expected, or fails, is
 * an error (the first few are kept with their reason).
 */
final class LoadDriver {

    /** How many users and systems, for how long, and how long a person or system waits between requests. */
    record Settings(int users, Duration ramp, Duration duration, Duration thinkMin, Duration thinkMax, int systems,
                    long seed) {
    }

    /** One request: when it started (ns after the start of the run), what it was, how long it took, how it went. */
    record Sample(long at, String name, long nanos, boolean ok, boolean page) {
    }

    /** Everything measured; {@code signedIn[s]} is the number of users signed in during second {@code s}. */
    record Result(List<Sample> samples, List<String> errors, int errorCount, long elapsedNanos, long rampNanos,
                  int[] signedIn) {
    }

    private static final Pattern TREND = Pattern.compile("href=\"(/portal/patients/\\d+/labs/trend\\?[^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";

    private static final String[] VITALS_CHARTS = {"weight", "blood-pressure", "steps", "pulse"};
    private static final String[] VITALS_RANGES = {"week", "month", "year", "all"};

    private final int port;
    /** The nodes the load is spread over (one: {@link #port}); sticky: each user and system keeps to one of them. */
    private final int[] ports;
    private final boolean sticky;
    private final AtomicInteger turn = new AtomicInteger();
    private final ThreadLocal<Integer> home = new ThreadLocal<>();
    private final LoadPlan plan;
    private final PhrLoadPlan residents;
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errorCount = new AtomicInteger();
    private final AtomicInteger signedIn = new AtomicInteger();
    private long start;
    private long end;

    LoadDriver(int port, LoadPlan plan, Settings settings) {
        this(new int[] {port}, false, plan, settings);
    }

    /**
     * A driver of clinic users and facility systems over several nodes behind a round-robin balancer: each request to
     * the next node, or with {@code sticky} each user's and each system's requests to one node (as sticky sessions).
     */
    LoadDriver(int[] ports, boolean sticky, LoadPlan plan, Settings settings) {
        this.port = ports[0];
        this.ports = ports.clone();
        this.sticky = sticky;
        this.plan = plan;
        this.residents = null;
        this.settings = settings;
    }

    /** A driver of residents of the health notebook (no facility systems): see {@link #resident}. */
    LoadDriver(int port, PhrLoadPlan residents, Settings settings) {
        this.port = port;
        this.ports = new int[] {port};
        this.sticky = false;
        this.plan = null;
        this.residents = residents;
        this.settings = settings;
    }

    Result run() throws InterruptedException {
        start = System.nanoTime();
        end = start + settings.ramp().toNanos() + settings.duration().toNanos();
        int seconds = (int) ((end - start) / 1_000_000_000L) + 1;
        int[] signedInPerSecond = new int[seconds + 60];
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            for (int s = 0; s < signedInPerSecond.length; s++) {
                signedInPerSecond[s] = signedIn.get();
                if (!pause(start + (s + 1) * 1_000_000_000L - System.nanoTime())) {
                    return;
                }
            }
        });
        List<Thread> threads = new ArrayList<>();
        System.out.printf(Locale.ROOT, "driving %d %s (ramp-up %d s) and %d facility systems for %d min%n",
                settings.users(), residents == null ? "clinic users" : "residents", settings.ramp().toSeconds(),
                settings.systems(), settings.duration().toMinutes());
        for (int u = 0; u < settings.users(); u++) {
            long delay = settings.ramp().toNanos() * u / Math.max(1, settings.users());
            SplittableRandom random = new SplittableRandom(settings.seed() * 7_919 + u);
            if (residents != null) {
                PhrLoadPlan.Resident resident = residents.residents().get(u);
                threads.add(Thread.ofVirtual().name("resident-" + u).start(() -> resident(resident, delay, random)));
            } else {
                LoadPlan.ClinicUser user = plan.users().get(u);
                int index = u;
                threads.add(Thread.ofVirtual().name("user-" + u).start(() -> clinic(index, user, delay, random)));
            }
        }
        for (int s = 0; s < settings.systems(); s++) {
            LoadPlan.FacilitySystem system = plan.systems().get(s);
            long delay = settings.ramp().toNanos() * s / Math.max(1, settings.systems());
            SplittableRandom random = new SplittableRandom(settings.seed() * 104_729 + s);
            int n = s;
            threads.add(Thread.ofVirtual().name("system-" + s).start(() -> facilitySystem(n, system, delay, random)));
        }
        long progress = start;
        for (Thread thread : threads) {
            while (!thread.join(Duration.ofSeconds(10))) {
                if (System.nanoTime() - progress > 60_000_000_000L) {
                    progress = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  %3d s: %,d requests, %d errors, %d users signed in (load average %s)%n",
                            (progress - start) / 1_000_000_000L, samples.size(), errorCount.get(), signedIn.get(),
                            ResourceUse.loadAverage());
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        sampler.interrupt();
        return new Result(List.copyOf(samples), List.copyOf(errors), errorCount.get(), elapsed,
                settings.ramp().toNanos(), signedInPerSecond);
    }

    private void clinic(int index, LoadPlan.ClinicUser user, long delay, SplittableRandom random) {
        if (!pause(delay)) {
            return;
        }
        WebSession web = session(index);
        boolean in = page("login page", () -> web.get("/login"), 200)
                && page("login: password", () -> web.post("/login", "username", user.loginId(),
                        "password", TestAccounts.PASSWORD), 302)
                && page("login: second factor page", () -> web.get("/login/second-factor"), 200)
                && page("login: code", () -> web.post("/login/second-factor", "code",
                        Totp.code(DemoAccounts.DEMO_TOTP_SECRET, Totp.step(Instant.now()))), 302);
        if (!in) {
            return;
        }
        signedIn.incrementAndGet();
        try {
            page("home (patient list)", () -> web.get("/"), 200);
            think(random);
            page("link form", () -> web.get("/portal/link"), 200);
            HttpResponse<String> linked = send("link by card", () -> web.post("/portal/link", "card", user.card(),
                    "kanaName", user.kana(), "birthDate", user.birthDate().toString()), 302, false);
            if (linked != null && !WebSession.location(linked).equals("/portal/patients/" + user.linkPerson())) {
                error("link by card", "went to " + WebSession.location(linked));
            }
            page("patient view (timeline)", () -> web.get("/portal/patients/" + user.linkPerson()), 200);
            long[] patients = plan.linkedByViewer().get(user.viewer());
            while (System.nanoTime() < end) {
                long person = random.nextInt(4) == 0 ? user.linkPerson() : patients[random.nextInt(patients.length)];
                if (!think(random)) {
                    break;
                }
                page("patient view (timeline)", () -> web.get("/portal/patients/" + person), 200);
                if (!think(random)) {
                    break;
                }
                page("medications", () -> web.get("/portal/patients/" + person + "/medications"), 200);
                if (!think(random)) {
                    break;
                }
                HttpResponse<String> labs = send("lab table", () -> web.get("/portal/patients/" + person + "/labs"), 200, true);
                Matcher trend = TREND.matcher(labs == null ? "" : labs.body());
                if (trend.find() && think(random)) {
                    String path = trend.group(1).replace("&amp;", "&");
                    page("lab trend", () -> web.get(path), 200);
                }
                if (random.nextInt(3) == 0 && think(random)) {
                    page("home (patient list)", () -> web.get("/"), 200);
                }
            }
        } finally {
            signedIn.decrementAndGet();
        }
    }

    /**
     * A resident on their phone: signs in at the notebook's login (password and TOTP), then, with think time between
     * pages, the notebook's home, the vital signs with their latest values, one chart over a range, and now and then
     * a new entry of weight and blood pressure, their medicines, the emergency sheet, who viewed their record and
     * their points.
     */
    private void resident(PhrLoadPlan.Resident resident, long delay, SplittableRandom random) {
        if (!pause(delay)) {
            return;
        }
        WebSession web = new WebSession(port, http);
        if (!signIn(web, resident)) {
            return;
        }
        signedIn.incrementAndGet();
        try {
            page("phr: home", () -> web.get("/phr"), 200);
            while (System.nanoTime() < end) {
                if (!think(random)) {
                    break;
                }
                page("phr: vitals (latest values)", () -> web.get("/phr/vitals"), 200);
                if (random.nextInt(3) == 0 && think(random)) {
                    String weight = String.format(Locale.ROOT, "%.1f", 50 + random.nextDouble() * 30);
                    String systolic = String.valueOf(110 + random.nextInt(40));
                    send("phr: vitals entry", () -> web.post("/phr/vitals", "when", "", "weight", weight,
                            "systolic", systolic, "diastolic", String.valueOf(70 + random.nextInt(20))), 302, true);
                }
                if (!think(random)) {
                    break;
                }
                String chart = VITALS_CHARTS[random.nextInt(VITALS_CHARTS.length)];
                String range = VITALS_RANGES[random.nextInt(VITALS_RANGES.length)];
                page("phr: vitals chart", () -> web.get("/phr/vitals/" + chart + "?range=" + range), 200);
                if (!think(random)) {
                    break;
                }
                switch (random.nextInt(4)) {
                    case 0 -> page("phr: medicines", () -> web.get("/phr/medicines"), 200);
                    case 1 -> page("phr: emergency sheet", () -> web.get("/phr/emergency-sheet"), 200);
                    case 2 -> page("phr: access log", () -> web.get("/phr/access-log"), 200);
                    default -> page("phr: points", () -> web.get("/phr/points"), 200);
                }
                if (random.nextInt(3) == 0 && think(random)) {
                    page("phr: home", () -> web.get("/phr"), 200);
                }
            }
        } finally {
            signedIn.decrementAndGet();
        }
    }

    /** The notebook's two login steps; false (and counted as errors) when one fails. */
    boolean signIn(WebSession web, PhrLoadPlan.Resident resident) {
        return page("phr: login page", () -> web.get("/phr/login"), 200)
                && page("phr: login: password", () -> web.post("/login", "username", resident.loginId(),
                        "password", Residents.PASSWORD, "from", "phr"), 302)
                && page("phr: login: second factor page", () -> web.get("/login/second-factor"), 200)
                && page("phr: login: code", () -> web.post("/login/second-factor", "code",
                        Totp.code(resident.totpSecret(), Totp.step(Instant.now()))), 302);
    }

    private void facilitySystem(int n, LoadPlan.FacilitySystem system, long delay, SplittableRandom random) {
        if (!pause(delay)) {
            return;
        }
        home.set(ports[n % ports.length]);
        String[] token = {token(system)};
        long[] patients = plan.linkedByViewer().get(system.viewer());
        int uploads = 0;
        while (System.nanoTime() < end && token[0] != null) {
            if (!pause(Math.round(2e9 + random.nextDouble() * 8e9))) {
                break;
            }
            if (system.pharmacy()) {
                String name = "load-" + n + "-" + (uploads++) + ".txt";
                String notebook = PharmacyNotebooks.randomNotebook("負荷 " + n + "-" + uploads, "フカ", "負荷試験薬局" + n,
                        random);
                call("system: JAHIS upload", token, system, t -> HttpRequest.newBuilder(URI.create(base() + "/import/jahis?name="
                        + name)).header("Authorization", "Bearer " + t).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(notebook, StandardCharsets.UTF_8)));
            } else {
                long p = patients[random.nextInt(patients.length)];
                String[] searches = {"Observation?patient=Patient/" + p + "&category=laboratory&date=ge2024-01-01",
                    "Observation?patient=Patient/" + p + "&code=" + JLAC10 + "%7C3D046000001920402",
                    "MedicationRequest?patient=Patient/" + p, "Condition?patient=Patient/" + p,
                    "Patient/" + p + "/$everything?_count=200"};
                int which = random.nextInt(searches.length);
                String label = which == 4 ? "system: $everything" : "system: FHIR search";
                call(label, token, system, t -> HttpRequest.newBuilder(URI.create(base() + "/fhir/" + searches[which]))
                        .header("Authorization", "Bearer " + t).header("Accept", "application/fhir+json").GET());
            }
        }
    }

    private void call(String name, String[] token, LoadPlan.FacilitySystem system,
                      Function<String, HttpRequest.Builder> request) {
        long at = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.apply(token[0]).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long nanos = System.nanoTime() - at;
            if (response.statusCode() == 401) {
                token[0] = token(system);
                samples.add(new Sample(at - start, "system: token refreshed", nanos, true, false));
                return;
            }
            boolean ok = response.statusCode() == 200;
            samples.add(new Sample(at - start, name, nanos, ok, false));
            if (!ok) {
                error(name, response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8)
                        .substring(0, Math.min(200, response.body().length)));
            }
        } catch (Exception e) {
            samples.add(new Sample(at - start, name, System.nanoTime() - at, false, false));
            error(name, e.toString());
        }
    }

    private String token(LoadPlan.FacilitySystem system) {
        long at = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + URLEncoder.encode(system.clientId(), StandardCharsets.UTF_8) + "&client_secret="
                            + URLEncoder.encode(system.secret(), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(response.body());
            boolean ok = response.statusCode() == 200 && m.find();
            samples.add(new Sample(at - start, "system: token", System.nanoTime() - at, ok, false));
            if (!ok) {
                error("system: token", response.statusCode() + " " + response.body());
                return null;
            }
            return m.group(1);
        } catch (Exception e) {
            samples.add(new Sample(at - start, "system: token", System.nanoTime() - at, false, false));
            error("system: token", e.toString());
            return null;
        }
    }

    private boolean page(String name, Supplier<HttpResponse<String>> request, int expected) {
        return send(name, request, expected, true) != null;
    }

    /** Sends, times and checks one request of a user; null when it failed. */
    private HttpResponse<String> send(String name, Supplier<HttpResponse<String>> request, int expected, boolean page) {
        long at = System.nanoTime();
        try {
            HttpResponse<String> response = request.get();
            long nanos = System.nanoTime() - at;
            boolean ok = response.statusCode() == expected;
            samples.add(new Sample(at - start, name, nanos, ok, page));
            if (!ok) {
                String where = response.statusCode() / 100 == 3 ? " → " + response.headers().firstValue("Location").orElse("")
                        : "";
                error(name, response.statusCode() + where);
                return null;
            }
            return response;
        } catch (RuntimeException e) {
            samples.add(new Sample(at - start, name, System.nanoTime() - at, false, page));
            error(name, e.toString());
            return null;
        }
    }

    private void error(String name, String reason) {
        if (errorCount.incrementAndGet() <= 20) {
            errors.add(name + ": " + reason);
        }
    }

    /** Waits a think time; false when the run ends first. */
    private boolean think(SplittableRandom random) {
        long min = settings.thinkMin().toNanos();
        long nanos = min + (long) (random.nextDouble() * (settings.thinkMax().toNanos() - min));
        return System.nanoTime() + nanos < end && pause(nanos);
    }

    private static boolean pause(long nanos) {
        if (nanos <= 0) {
            return true;
        }
        try {
            Thread.sleep(Duration.ofNanos(nanos));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The node of the next request: the only one, the thread's own (sticky), or the next in turn. */
    private String base() {
        if (ports.length == 1) {
            return "http://localhost:" + port;
        }
        Integer own = home.get();
        return "http://localhost:" + (sticky && own != null ? own : ports[Math.floorMod(turn.getAndIncrement(), ports.length)]);
    }

    /** The browser of user {@code u}: on the one node, on its own node (sticky), or sending each request to the next. */
    private WebSession session(int u) {
        if (ports.length == 1) {
            return new WebSession(port, http);
        }
        if (sticky) {
            return new WebSession(ports[u % ports.length], http);
        }
        int[] order = new int[ports.length];
        for (int i = 0; i < ports.length; i++) {
            order[i] = ports[(u + i) % ports.length];
        }
        return WebSession.alternating(http, order);
    }
}

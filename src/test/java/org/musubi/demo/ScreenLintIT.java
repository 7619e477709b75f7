package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.DemoLogins;
import org.musubi.testing.Chromium;
import org.musubi.testing.WebSession;
import org.musubi.testing.screenlint.Forms;
import org.musubi.testing.screenlint.ScreenLint.Defect;
import org.musubi.testing.screenlint.ScreenLintFixtures;
import org.musubi.testing.screenlint.ScreenText;
import org.musubi.testing.screenlint.SiteCrawl;
import org.musubi.testing.screenlint.SiteCrawl.Finding;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The screen lint over the demo (issue 63, build item 4): every demo role — one account of each kind of account the
 * demo made (profession, kind of facility, facility or network administrator), and every account the login page names
 * — signs in and reads every page its menus reach and the pages of every demo patient it may see, and every PDF they
 * lead to; the demo's resident and an ambulance crew member do so in a browser 360 px wide. The test fails on what no
 * person should read ({@link Defect}), naming the role, the address, the defect and the text around it, and when a
 * demo patient, or a PDF the product makes (a letter, the emergency sheet 命の宝箱, the one-page emergency summary, the
 * board report, an invoice), was never read.
 *
 * <p>Before it trusts a walk, each way of reading (over HTTP with a role's session cookie; in the browser) reads the
 * fixture site served from the test classpath ({@link ScreenLintFixtures}) and must find each defect on its page, and
 * nothing on the look-alikes.
 *
 * <p>The demo is the one the test JVM shares ({@link StartedDemo}); the walks send no form. Three acts make the
 * documents a person gets to read, each as the role would, on patients no other test class counts: the first hospital's
 * doctor sends a referral letter to a clinic, breaks the glass for a patient of another facility (the one-page
 * summary), and a crew member opens the emergency dataset of two patients (never the demo resident, whose accesses
 * the second tour counts). The report goes to target/screen-lint/findings.md.
 */
@Tag("browser")
class ScreenLintIT extends StartedDemo {

    private static final String PASSWORD = "musubi-demo";
    private static final Dimension PHONE = new Dimension(360, 740);
    /** The English walk of each role: every kind of page once. */
    private static final SiteCrawl.Limits ENGLISH = new SiteCrawl.Limits(150, 1, 15, false);
    private static final Pattern PATIENT_LINK = Pattern.compile("href=\"/portal/patients/(\\d+)[\"?]");
    /** The PDFs the product makes for people, as kinds of address: each must have been read. */
    private static final Map<String, String> PDFS = new TreeMap<>(Map.of(
            "an invoice", "/admin/invoices/{id}/pdf",
            "the board report", "/admin/statistics/report.pdf",
            "the emergency sheet (命の宝箱)", "/phr/emergency-sheet/print",
            "a letter", "/portal/letters/{id}/pdf",
            "the one-page emergency summary", "/portal/patients/{id}/emergency-summary.pdf"));

    private final List<SiteCrawl> walks = new ArrayList<>();
    /** One signed-in session per account (a second log-in within 30 s would wait for the next code). */
    private final Map<String, WebSession> sessions = new LinkedHashMap<>();
    private final SiteCrawl.Shared shared = new SiteCrawl.Shared();
    /** The English walks' own: a page the same for every role (the public site) is read once in English too. */
    private final SiteCrawl.Shared english = new SiteCrawl.Shared();
    /** What the acts did, for the report. */
    private final List<String> acted = new ArrayList<>();

    @Test
    void everyDemoRoleReadsNoDefectOnAnyPageOrPdf() throws IOException {
        Instant started = Instant.now();
        try {
            ScreenLintFixtures.serveOn(server);
            List<User> roles = roles();
            Acts acts = act(roles);
            inTheBrowser(roles, acts);
            boolean proven = false;
            for (User role : roles) {
                SiteCrawl.Fetcher fetcher = overHttp(session(role.loginId()));
                if (!proven) {
                    proveTheDetectors("over HTTP as " + role.loginId(), fetcher, ScreenLintFixtures.STAFF);
                    proven = true;
                }
                SiteCrawl walk = new SiteCrawl(role.loginId(), fetcher, shared, SiteCrawl.Limits.FULL).from("/");
                acts.startsOf(role).forEach(walk::also);
                walks.add(walk);
                walks.add(new SiteCrawl(role.loginId() + " (English)", inEnglish(fetcher), english, ENGLISH)
                        .readingIn("en").from("/"));
            }
        } finally {
            report(Duration.between(started, Instant.now()));
        }
        assertEveryPatientAndPdfWasRead();
        assertNoDefect();
    }

    // --- who signs in ---------------------------------------------------------------------------------------------

    /**
     * One staff account of each kind the demo made — its profession, its facility's kind, whether it administers the
     * facility or the network — the first by id, and every account the login page names; found in the demo's data.
     */
    private List<User> roles() {
        Users users = server.getBean(Users.class);
        Facilities facilities = server.getBean(Facilities.class);
        List<User> demo = server.getBean(JdbcClient.class).sql("SELECT id FROM app_user WHERE demo ORDER BY id")
                .query(Long.class).list().stream().map(id -> users.find(id).orElseThrow())
                .filter(User::active).filter(u -> !u.resident() && u.profession() != Profession.FACILITY_SYSTEM).toList();
        Map<String, User> byKind = new LinkedHashMap<>();
        for (User user : demo) {
            String kind = user.profession() + "@" + user.actingFacilityId().flatMap(facilities::find)
                    .map(f -> f.kind().name()).orElse("-") + (user.facilityAdmin() ? "+admin" : "")
                    + (user.networkAdmin() ? "+operator" : "");
            byKind.putIfAbsent(kind, user);
        }
        Set<User> roles = new LinkedHashSet<>(byKind.values());
        for (DemoLogins.DemoLogin named : server.getBean(DemoLogins.class).list()) {
            users.findByLoginId(named.loginId()).ifPresent(roles::add);
        }
        assertThat(roles).as("the demo's roles").extracting(User::loginId).contains("admin", "doctor1", "paramedic1");
        return List.copyOf(roles);
    }

    private WebSession session(String loginId) {
        return sessions.computeIfAbsent(loginId, this::logIn);
    }

    /** Signs in over HTTP as a newcomer does: the demo password, then the code the demo's code page shows. */
    private WebSession logIn(String loginId) {
        return DemoServer.signIn(port, "/login", loginId);
    }

    /**
     * Reads over HTTP with the session's cookie, accepting what a browser accepts (a page, a PDF, anything); from now
     * on the session only reads.
     */
    private static SiteCrawl.Fetcher overHttp(WebSession web) {
        web.withHeader("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8");
        return path -> {
            HttpResponse<byte[]> response = web.getBytes(path);
            String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()
                    .toLowerCase(Locale.ROOT)).orElse("");
            String location = response.statusCode() / 100 == 3 ? WebSession.location(response) : null;
            return new SiteCrawl.Response(response.statusCode(), type, response.body(), location);
        };
    }

    /**
     * The same reads in English: each address asked with {@code lang=en}, which answers it in English (the session's
     * own language is left as it is: the English walk keeps no cookie).
     */
    private static SiteCrawl.Fetcher inEnglish(SiteCrawl.Fetcher fetcher) {
        return path -> {
            SiteCrawl.Response response = fetcher.get(path + (path.contains("?") ? "&" : "?") + "lang=en");
            String location = response.location() == null ? null
                    : response.location().replaceAll("[?&]lang=en$", "").replace("?lang=en&", "?");
            return new SiteCrawl.Response(response.status(), response.contentType(), response.body(), location);
        };
    }

    // --- the fixture site: each detector proven before a walk is trusted ---------------------------------------

    /** Reads the fixture site at {@code base} the way the walks read, and asserts what each detector finds there. */
    private static void proveTheDetectors(String how, SiteCrawl.Fetcher fetcher, String base) {
        SiteCrawl.Fetcher fixturesOnly = path -> path.startsWith(base) ? fetcher.get(path)
                : new SiteCrawl.Response(404, "", new byte[0], null);
        SiteCrawl fixtures = new SiteCrawl("fixtures", fixturesOnly, new SiteCrawl.Shared(),
                new SiteCrawl.Limits(50, 50, 50, false))
                .from(base + ScreenLintFixtures.INDEX);
        String read = how + " read " + fixtures.reads();
        // by page, whatever the query it was reached with (english-error.html only by its GET form, with ?step=2)
        Map<String, Set<Defect>> found = fixtures.findings().stream().collect(Collectors.groupingBy(
                f -> f.path().split("\\?", 2)[0],
                Collectors.mapping(Finding::defect, Collectors.toSet())));
        for (Map.Entry<Defect, String> page : ScreenLintFixtures.DEFECT_PAGES.entrySet()) {
            assertThat(found.get(base + page.getValue())).as(read + "; the defects read on " + page.getValue())
                    .containsExactly(page.getKey());
        }
        for (String page : ScreenLintFixtures.LOOK_ALIKES) {
            assertThat(found.get(base + page)).as(how + ": look-alikes that are right, " + page).isNull();
        }
        assertThat(found.get(base + ScreenLintFixtures.PDF)).as(how + ": the PDF's defect")
                .containsExactly(ScreenLintFixtures.PDF_DEFECT);
        assertThat(fixtures.reads()).as(how + ": never the log-out or the language switch").extracting(SiteCrawl.Read::path)
                .noneMatch(p -> p.contains("logout") || p.contains("lang="));
    }

    // --- the acts that make documents to read -------------------------------------------------------------------

    /** Where the acts led: pages each role reads besides its menus. */
    private record Acts(Map<String, List<String>> starts, List<Long> crewPatients) {

        List<String> startsOf(User role) {
            return starts.getOrDefault(role.loginId(), List.of());
        }
    }

    /**
     * The first hospital's doctor sends a referral to the clinic of the demo's clinic doctor about her first linked
     * patient, and breaks the glass for a patient no facility of hers is linked to; the crew will open both.
     */
    private Acts act(List<User> roles) {
        Facilities facilities = server.getBean(Facilities.class);
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        long resident = server.getBean(DemoProgress.class).resident().map(r -> r.account().personId()).orElse(-1L);
        User doctor = roles.stream().filter(u -> u.loginId().equals("doctor1")).findFirst().orElseThrow();
        long hospital = doctor.actingFacilityId().orElseThrow();
        Optional<Facility> clinic = roles.stream().filter(u -> u.profession() == Profession.DOCTOR)
                .map(u -> u.actingFacilityId().flatMap(facilities::find)).flatMap(Optional::stream)
                .filter(f -> f.kind() == FacilityKind.CLINIC).findFirst();
        WebSession web = session(doctor.loginId());
        Matcher linked = PATIENT_LINK.matcher(web.get("/").body());
        long patient = -1;
        while (patient < 0 || patient == resident) {
            assertThat(linked.find()).as("doctor1's linked patients besides the demo resident").isTrue();
            patient = Long.parseLong(linked.group(1));
        }
        Map<String, List<String>> starts = new LinkedHashMap<>();
        if (clinic.isPresent()) {
            String sent = sendReferral(web, patient, clinic.get().id());
            starts.computeIfAbsent(doctor.loginId(), k -> new ArrayList<>()).add(sent);
            String letter = sent.replaceFirst("\\?.*", "");
            acted.add("doctor1 sent a referral about patient " + patient + " to " + clinic.get().nameKanji() + ": " + letter
                    + "; its PDF reads:\n\n```\n" + ScreenText.ofPdf(web.getBytes(letter + "/pdf").body()).text()
                    + "\n```");
        }
        long stranger = jdbc.sql("""
                SELECT min(person_id) FROM patient_link WHERE ended_at IS NULL AND person_id <> ? AND person_id NOT IN
                    (SELECT person_id FROM patient_link WHERE facility_id = ? AND ended_at IS NULL)""")
                .params(resident, hospital).query(Long.class).single();
        String chart = breakTheGlass(web, stranger);
        starts.computeIfAbsent(doctor.loginId(), k -> new ArrayList<>()).add(chart);
        acted.add("doctor1 broke the glass for patient " + stranger + ": " + chart);
        return new Acts(starts, List.of(patient, stranger));
    }

    /** The referral form as the composer fills it, with the addressee and the insurance number a doctor adds. */
    private static String sendReferral(WebSession web, long patient, long clinic) {
        String compose = "/portal/patients/" + patient + "/letters/new?kind=REFERRAL";
        HttpResponse<String> page = web.get(compose);
        assertThat(page.statusCode()).as(compose).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(Forms.byId(page.body(), "compose-form")
                .orElseThrow(() -> new AssertionError("no referral form on " + compose)).fields());
        form.put("addressee", Long.toString(clinic));
        form.putIfAbsent("insuranceMemberId", "");
        if (form.get("insuranceMemberId").isBlank()) {
            form.put("insuranceMemberId", "06340015:1:2345:00");
        }
        form.put("purposeText", "糖尿病の継続加療をお願いいたします。");
        form.put("action", "send");
        HttpResponse<String> sent = web.postRaw("/portal/patients/" + patient + "/letters", form);
        assertThat(sent.statusCode()).as("the referral is sent: " + sent.body().lines()
                .filter(l -> l.contains("error")).toList()).isEqualTo(302);
        return WebSession.location(sent);
    }

    /** Break the glass for a patient by name, birth date and sex, with a reason and the password; the chart's address. */
    private String breakTheGlass(WebSession web, long personId) {
        Person person = server.getBean(IdentityStore.class).person(personId).orElseThrow().person();
        web.get("/portal/emergency");
        HttpResponse<String> found = web.post("/portal/emergency", "kanaName", person.familyKana() + " "
                + person.givenKana(), "birthDate", person.birthDate().toString(), "sex", person.sex().name());
        assertThat(WebSession.location(found)).as("the patient found by name").isEqualTo("/portal/emergency/open");
        web.get("/portal/emergency/open");
        HttpResponse<String> opened = web.post("/portal/emergency/open", "reason", "意識障害で救急搬送（画面の検査）",
                "password", PASSWORD);
        assertThat(opened.statusCode()).as("the emergency access opened").isEqualTo(302);
        return WebSession.location(opened);
    }

    // --- the resident and the crew in a browser 360 px wide -----------------------------------------------------

    private void inTheBrowser(List<User> roles, Acts acts) {
        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            DemoServer.logIn(browser, "/phr/login", DemoResident.LOGIN_ID);
            SiteCrawl.Fetcher fetcher = inBrowser(browser);
            proveTheDetectors("in the browser as " + DemoResident.LOGIN_ID, fetcher, ScreenLintFixtures.RESIDENT);
            walks.add(new SiteCrawl(DemoResident.LOGIN_ID + " (360 px)", fetcher, shared, SiteCrawl.Limits.FULL).from("/phr"));
            browser.driver().manage().deleteAllCookies();

            User crew = crewMember(roles);
            DemoServer.logIn(browser, "/login", crew.loginId());
            browser.await().until(ExpectedConditions.urlContains("/emergency"));
            List<String> datasets = new ArrayList<>();
            IdentityStore identities = server.getBean(IdentityStore.class);
            for (long personId : acts.crewPatients()) {
                datasets.add(openDataset(browser, identities.person(personId).orElseThrow().person()));
                acted.add(crew.loginId() + " opened the emergency dataset of patient " + personId + ": " + datasets.getLast());
            }
            SiteCrawl walk = new SiteCrawl(crew.loginId() + " (360 px)", inBrowser(browser), shared, SiteCrawl.Limits.FULL)
                    .from("/");
            datasets.forEach(walk::also);
            walks.add(walk);
        }
    }

    /** A crew member the login page does not name (the second tour's crew keeps its own accesses), else the named. */
    private User crewMember(List<User> roles) {
        Set<String> named = server.getBean(DemoLogins.class).list().stream().map(DemoLogins.DemoLogin::loginId)
                .collect(Collectors.toSet());
        Users users = server.getBean(Users.class);
        User paramedic = roles.stream().filter(u -> u.profession() == Profession.PARAMEDIC).findFirst().orElseThrow();
        return server.getBean(JdbcClient.class).sql("SELECT id FROM app_user WHERE demo ORDER BY id DESC")
                .query(Long.class).list().stream().map(id -> users.find(id).orElseThrow())
                .filter(u -> u.active() && u.profession() == Profession.PARAMEDIC && !named.contains(u.loginId()))
                .findFirst().orElse(paramedic);
    }

    /** As a crew does on the phone: find by kana name, birth date and sex, give a reason, the password; the dataset. */
    private static String openDataset(Chromium browser, Person person) {
        browser.open("/emergency");
        browser.script("""
                document.getElementById('kanaName').value = arguments[0];
                document.getElementById('birthDate').value = arguments[1];
                document.getElementById('sex').value = arguments[2];
                document.getElementById('crew-find-name').requestSubmit();""",
                person.familyKana() + " " + person.givenKana(), person.birthDate().toString(), person.sex().name());
        browser.await().until(ExpectedConditions.urlContains("/emergency/open"));
        browser.find("#crew-open-form input[name=code]").click();
        browser.find("#password").sendKeys(PASSWORD);
        browser.script("document.getElementById('crew-open-form').requestSubmit()");
        browser.await().until(ExpectedConditions.urlContains("/emergency/persons/"));
        return browser.path();
    }

    /**
     * Fetches in the signed-in browser: the content type and any redirect from the page's own fetch; a page is then
     * opened and read as the browser shows it (its DOM after the scripts ran), a PDF read from the fetch's bytes.
     */
    private SiteCrawl.Fetcher inBrowser(Chromium browser) {
        String base = "http://localhost:" + port;
        return path -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> head = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                      const type = (r.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
                      let body = null;
                      if (type === 'application/pdf') {
                        const bytes = new Uint8Array(await r.arrayBuffer());
                        let text = '';
                        for (let i = 0; i < bytes.length; i += 8192) {
                          text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
                        }
                        body = btoa(text);
                      }
                      done({status: r.status, type: type, url: r.url, redirected: r.redirected, body: body});
                    }).catch(e => done({status: 0, type: '', url: '', redirected: false, body: null, error: String(e)}));""",
                    path);
            int status = ((Number) head.get("status")).intValue();
            String type = (String) head.get("type");
            if (Boolean.TRUE.equals(head.get("redirected"))) {
                String url = (String) head.get("url");
                return new SiteCrawl.Response(302, type, new byte[0], url.startsWith(base) ? url.substring(base.length())
                        : url);
            }
            if (type.equals("application/pdf")) {
                return new SiteCrawl.Response(status, type, Base64.getDecoder().decode((String) head.get("body")), null);
            }
            if (!type.equals("text/html")) {
                return new SiteCrawl.Response(status, type, new byte[0], null);
            }
            browser.open(path);
            return new SiteCrawl.Response(status, type, browser.source().getBytes(StandardCharsets.UTF_8), null);
        };
    }

    // --- what must have been read, and what was found ---------------------------------------------------------------

    private void assertEveryPatientAndPdfWasRead() {
        List<Long> patients = server.getBean(JdbcClient.class).sql("""
                SELECT DISTINCT person_id FROM patient_link WHERE ended_at IS NULL ORDER BY person_id""").query(Long.class).list();
        assertThat(shared.patients()).as("the demo patients whose pages some role read").containsAll(patients);
        Set<String> pdfs = walks.stream().flatMap(w -> w.pdfs().keySet().stream()).collect(Collectors.toSet());
        PDFS.forEach((what, template) -> assertThat(pdfs).as(what + " is read").contains(template));
    }

    private void assertNoDefect() {
        assertThat(findings()).as("defects a person reads (role, address, defect, text; all in "
                + "target/screen-lint/findings.md)").extracting(ScreenLintIT::line).isEmpty();
    }

    private List<Finding> findings() {
        return walks.stream().flatMap(w -> w.findings().stream()).toList();
    }

    private static String line(Finding f) {
        return f.role() + " | " + f.path() + " | " + f.defect() + " | " + f.text() + " | " + f.snippet();
    }

    /** target/screen-lint/findings.md: what was read, how long it took, and every finding. */
    private void report(Duration took) throws IOException {
        Path file = Path.of("target", "screen-lint", "findings.md");
        Files.createDirectories(file.getParent());
        StringBuilder out = new StringBuilder("# Screen lint findings\n\n");
        long pages = walks.stream().flatMap(w -> w.reads().stream()).filter(r -> r.kind().equals("page")).count();
        long pdfs = walks.stream().flatMap(w -> w.reads().stream()).filter(r -> r.kind().equals("pdf")).count();
        out.append("Took ").append(took.toSeconds()).append(" s: ").append(walks.size()).append(" roles, ")
                .append(pages).append(" pages, ").append(pdfs).append(" PDFs, ").append(shared.patients().size())
                .append(" patients.\n\n| role | pages | PDFs | capped |\n|---|---|---|---|\n");
        for (SiteCrawl walk : walks) {
            List<SiteCrawl.Read> reads = walk.reads();
            out.append("| ").append(reads.isEmpty() ? "?" : reads.getFirst().role()).append(" | ")
                    .append(reads.stream().filter(r -> r.kind().equals("page")).count()).append(" | ")
                    .append(walk.pdfs()).append(" | ").append(walk.took().toMillis() / 1000.0).append(" | ")
                    .append(walk.capped() ? "yes" : "").append(" |\n");
        }
        out.append("\n## What the test did besides reading\n\n");
        acted.forEach(a -> out.append("- ").append(a).append('\n'));
        Map<String, List<Finding>> byKind = new TreeMap<>();
        for (Finding f : findings()) {
            byKind.computeIfAbsent(f.defect() + " | " + f.template() + " | " + shape(f.text()), k -> new ArrayList<>())
                    .add(f);
        }
        out.append("\n## Findings (defect, kind of page, text; ids of one shape together)\n\n| defect | page | text | "
                + "roles | pages | example | snippet |\n|---|---|---|---|---|---|---|\n");
        for (List<Finding> same : byKind.values()) {
            Finding first = same.getFirst();
            String roles = same.stream().map(Finding::role).distinct().sorted().collect(Collectors.joining(", "));
            long addresses = same.stream().map(Finding::path).distinct().count();
            long texts = same.stream().map(Finding::text).distinct().count();
            out.append("| ").append(first.defect()).append(" | `").append(first.template()).append("` | `")
                    .append(cell(first.text())).append(texts > 1 ? "` and " + (texts - 1) + " more like it" : "`")
                    .append(" | ").append(roles).append(" | ").append(addresses)
                    .append(" | `").append(first.path()).append("` | ").append(cell(first.snippet())).append(" |\n");
        }
        out.append("\n## Every address read\n\n");
        walks.stream().flatMap(w -> w.reads().stream()).sorted(Comparator.comparing(SiteCrawl.Read::role)
                .thenComparing(SiteCrawl.Read::path)).forEach(r -> out.append("- ").append(r.role()).append(' ')
                .append(r.status()).append(' ').append(r.kind()).append(' ').append(r.path())
                .append(r.defects() > 0 ? " — " + r.defects() + " defects" : "").append('\n'));
        Files.writeString(file, out.toString());
    }

    /** Ids of one shape read as one text in the report (a UUID, a long hex id, a number). */
    private static String shape(String text) {
        return text.replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}", "<uuid>").replaceAll("\\b[0-9a-f]{8,}\\b", "<hex>")
                .replaceAll("\\d+", "<n>");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("`", "'");
    }
}

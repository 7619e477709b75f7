package org.musubi.testing.screenlint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One role's walk through the pages its menus reach, breadth-first from its home page, reading each page and each PDF
 * as a person would ({@link ScreenText}) and recording what the screen lint finds ({@link ScreenLint}).
 *
 * <p>It follows the site's own links ({@code <a href>}, a redirect's target, and a GET form sent as it stands — a
 * search, a filter, a step that picks a facility: {@link Forms}) and nothing else: it sends no POST, so it changes no
 * data. It leaves out the log-out, the log-in pages, the language switch, the static files, and any
 * address whose path names an act ({@code …/delete}, {@code …/revoke}; such acts are POSTs in Musubi, this only makes
 * sure); a download that is neither a page nor a PDF (a CSV, an archive, an image, a FHIR bundle) is fetched once by
 * its content type and not read. A PDF is read with PDFBox.
 *
 * <p>To stay fast: an address is visited once per role; pages of one kind ({@link #template}, e.g.
 * {@code /admin/invoices/{id}}) and of one section ({@code /admin/pathways}) a few times per role ({@link Limits}),
 * except that a patient's page (under {@code /portal/patients/{id}}) not yet read by any role is always read, so that
 * every demo patient's pages are read once; pages that are the same for everyone (the public site) once for all roles;
 * and a limited number of addresses per role (reported when reached).
 */
public final class SiteCrawl {

    /**
     * How much a walk reads at most: addresses in all; pages of one kind ({@link #template}); pages of one section
     * (the address's first two path segments, e.g. {@code /admin/pathways}: a section whose pages are named by words,
     * not ids, such as a pathway's stages and items, is read in part); and whether a patient's page no role has read
     * yet is read all the same (so that every demo patient's pages are read once).
     */
    public record Limits(int pages, int perTemplate, int perSection, boolean everyPatient) {

        /** A role's walk in its own language: every kind of page thrice, and every patient's pages. */
        public static final Limits FULL = new Limits(400, 3, 40, true);
    }
    private static final Pattern PATIENT = Pattern.compile("^/portal/patients/(\\d+)(?:[/?]|$)");
    private static final Pattern NOT_FOLLOWED = Pattern.compile(
            "^/(?:logout|login|phr/login|phr/logout|css/|js/|images/|img/|fonts/|webjars/|favicon|vendor/|error)"
                    + "|[?&]lang="
                    + "|/(?:delete|remove|revoke|cancel|end|reset|disable|enable|approve|reject|decline|accept|send|run"
                    + "|refresh|mark-read|withdraw|logout)(?:[/?]|$)"
                    + "|\\.(?:csv|zip|json|xml|ndjson|dcm|png|jpe?g|gif|webp|svg|ico|ics|txt)(?:\\?|$)");
    /** Pages that read the same for every role: read once by the first role that reaches them. */
    private static final Pattern SAME_FOR_ALL = Pattern.compile("^/(?:public|apply|phr/register)(?:[/?]|$)");

    /** What a fetch answered: its status, content type (without parameters), body and redirect target. */
    public record Response(int status, String contentType, byte[] body, String location) {
    }

    /** How a role fetches an address of the site: over HTTP with its session cookie, or in its browser. */
    public interface Fetcher {
        Response get(String path);
    }

    /** A page or a document read, and the number of defects found on it. */
    public record Read(String role, String path, int status, String kind, int defects) {
    }

    /** A defect a person in {@code role} reads at {@code path}. */
    public record Finding(String role, String path, ScreenLint.Defect defect, String text, String snippet,
                          String before) {

        /** The address as a kind of page ({@code /portal/patients/{id}/labs?purpose}). */
        public String template() {
            return SiteCrawl.template(path);
        }
    }

    /** What every role's walk shares: the patients' pages read so far and the same-for-all pages read. */
    public static final class Shared {
        private final Set<String> patientPages = ConcurrentHashMap.newKeySet();
        private final Set<String> sameForAll = ConcurrentHashMap.newKeySet();
        private final Set<Long> patients = ConcurrentHashMap.newKeySet();

        /** The patients whose pages some role read. */
        public Set<Long> patients() {
            return Set.copyOf(patients);
        }
    }

    private final String role;
    private final Fetcher fetcher;
    private final Shared shared;
    private final Limits limits;
    private Duration took = Duration.ZERO;
    private final List<Read> reads = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> perTemplate = new HashMap<>();
    private final Map<String, Integer> perSection = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private boolean capped;
    private String language;

    public SiteCrawl(String role, Fetcher fetcher, Shared shared, Limits limits) {
        this.role = role;
        this.fetcher = fetcher;
        this.shared = shared;
        this.limits = limits;
    }

    /** Reads the pages as being in this language (they are asked in it), whatever they declare. */
    public SiteCrawl readingIn(String language) {
        this.language = language;
        return this;
    }

    /** Walks from these pages; returns this walk. */
    public SiteCrawl from(String... starts) {
        Instant started = Instant.now();
        for (String start : starts) {
            enqueue(start, true);
        }
        while (!queue.isEmpty()) {
            if (reads.size() >= limits.pages()) {
                capped = true;
                break;
            }
            visit(queue.removeFirst());
        }
        took = took.plus(Duration.between(started, Instant.now()));
        return this;
    }

    /** Reads one address now (a page a form led to), and walks on from its links. */
    public SiteCrawl also(String path) {
        return from(path);
    }

    private void visit(String path) {
        Response response = fetcher.get(path);
        if (response.status() / 100 == 3 && response.location() != null) {
            local(path, response.location()).ifPresent(next -> enqueue(next, true));
            reads.add(new Read(role, path, response.status(), "redirect", 0));
            return;
        }
        if (response.contentType().equals("text/html")) {
            String html = new String(response.body(), StandardCharsets.UTF_8);
            ScreenText read = ScreenText.of(html);
            ScreenText page = language == null ? read : read.inLanguage(language);
            int found = record(path, page);
            reads.add(new Read(role, path, response.status(), "page", found));
            for (String link : page.links()) {
                local(path, link).ifPresent(next -> enqueue(next, false));
            }
            for (Forms.Form form : Forms.of(html)) {
                if (form.method().equals("get")) {
                    local(path, form.address()).ifPresent(next -> enqueue(next, false));
                }
            }
        } else if (response.contentType().equals("application/pdf") && response.status() == 200) {
            int found = record(path, ScreenText.ofPdf(response.body()));
            reads.add(new Read(role, path, response.status(), "pdf", found));
        } else {
            reads.add(new Read(role, path, response.status(), response.contentType(), 0));
        }
    }

    private int record(String path, ScreenText page) {
        List<ScreenLint.Hit> hits = ScreenLint.check(page);
        for (ScreenLint.Hit hit : hits) {
            findings.add(new Finding(role, path, hit.defect(), hit.text(), hit.snippet(), hit.before()));
        }
        return hits.size();
    }

    private void enqueue(String path, boolean always) {
        if (NOT_FOLLOWED.matcher(path).find() || !seen.add(path)) {
            return;
        }
        if (SAME_FOR_ALL.matcher(path).find() && !shared.sameForAll.add(path)) {
            return;
        }
        Matcher patient = PATIENT.matcher(path);
        boolean unreadPatientPage = patient.find() && limits.everyPatient() && shared.patientPages.add(path);
        if (patient.reset().find()) {
            shared.patients.add(Long.parseLong(patient.group(1)));
        }
        if (always || unreadPatientPage) {
            queue.addLast(path);
            return;
        }
        int ofTemplate = perTemplate.merge(template(path), 1, Integer::sum);
        if (ofTemplate <= limits.perTemplate()
                && perSection.merge(section(path), 1, Integer::sum) <= limits.perSection()) {
            queue.addLast(path);
        }
    }

    /** The site's own address a link or redirect names, as path and query; empty for another site or scheme. */
    static Optional<String> local(String from, String link) {
        String target = link.strip();
        if (target.isEmpty() || target.startsWith("#") || target.startsWith("javascript:")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create("http://site" + from).resolve(target.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean here = uri.getScheme() != null && uri.getScheme().startsWith("http")
                && (uri.getHost() == null || uri.getHost().equals("site") || uri.getHost().equals("localhost"));
        if (!here || uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /**
     * The kind of page an address is: each path segment with a digit in it (an id, a date, a UUID) as {@code {id}},
     * then the query's parameter names in order ({@code /portal/patients/{id}/labs/trend?analyte&purpose}).
     */
    public static String template(String path) {
        int q = path.indexOf('?');
        String bare = q < 0 ? path : path.substring(0, q);
        StringBuilder out = new StringBuilder();
        for (String segment : bare.split("/", -1)) {
            if (!out.isEmpty() || !segment.isEmpty()) {
                out.append('/');
            }
            out.append(segment.chars().anyMatch(Character::isDigit) ? "{id}" : segment);
        }
        if (q >= 0) {
            Set<String> names = new TreeSet<>();
            Arrays.stream(path.substring(q + 1).split("&")).filter(p -> !p.isEmpty())
                    .forEach(p -> names.add(p.split("=", 2)[0].toLowerCase(Locale.ROOT)));
            out.append('?').append(String.join("&", names));
        }
        return out.toString();
    }

    /** The first two segments of the address's path ({@code /admin/pathways}). */
    static String section(String path) {
        String bare = path.split("\\?", 2)[0];
        String[] segments = bare.split("/");
        return segments.length > 2 ? "/" + segments[1] + "/" + segments[2] : bare;
    }

    public List<Read> reads() {
        return List.copyOf(reads);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** How long the walk took. */
    public Duration took() {
        return took;
    }

    /** Whether the walk stopped at its limit of addresses with addresses left. */
    public boolean capped() {
        return capped;
    }

    /** The PDFs read, by kind of address. */
    public Map<String, Integer> pdfs() {
        Map<String, Integer> pdfs = new LinkedHashMap<>();
        reads.stream().filter(r -> r.kind().equals("pdf")).forEach(r -> pdfs.merge(template(r.path()), 1, Integer::sum));
        return pdfs;
    }
}

package org.musubi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a load run: per kind of request, count, errors and latency percentiles over the
 * steady period (after the ramp-up), the page-load target (p99 ≤ 300 ms, 0 errors over the whole
 * run) as PASS or MISS, a time series in 10-second buckets, and facts about the processes. Printed as
 * a table, written as a self-contained HTML page with SVG plots, and as JSON.
 */
final class LoadReport {

    static final double TARGET_P99_MS = 300;
    private static final long BUCKET = 10_000_000_000L;

    private final LoadDriver.Settings settings;
    private final LoadDriver.Result result;
    private final Map<String, String[]> facts = new LinkedHashMap<>();
    private final List<Row> rows;
    private final String who;

    LoadReport(LoadDriver.Settings settings, LoadDriver.Result result) {
        this(settings, result, "clinic users");
    }

    /** A report of a run whose users are {@code who} (e.g. "residents"). */
    LoadReport(LoadDriver.Settings settings, LoadDriver.Result result, String who) {
        this.settings = settings;
        this.result = result;
        this.who = who;
        this.rows = rows(result, who);
    }

    void fact(String label, String key, Object value) {
        facts.put(key, new String[] {label, String.valueOf(value)});
    }

    /** A row of the table: a kind of request over the steady period. */
    record Row(String name, int count, int errors, Distribution latency) {
    }

    /** Per kind of request over the steady period, by name, then all page loads together. */
    List<Row> rows() {
        return rows;
    }

    private static List<Row> rows(LoadDriver.Result result, String who) {
        List<LoadDriver.Sample> steady = result.samples().stream().filter(s -> s.at() >= result.rampNanos()).toList();
        Map<String, List<LoadDriver.Sample>> byName = new LinkedHashMap<>();
        for (LoadDriver.Sample s : steady) {
            byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
        }
        List<Row> rows = new ArrayList<>();
        byName.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(row(e.getKey(), e.getValue())));
        rows.add(row("all page loads (" + who + ")", steady.stream().filter(LoadDriver.Sample::page).toList()));
        return List.copyOf(rows);
    }

    private static Row row(String name, List<LoadDriver.Sample> samples) {
        return new Row(name, samples.size(), (int) samples.stream().filter(s -> !s.ok()).count(),
                new Distribution(samples.stream().mapToLong(LoadDriver.Sample::nanos).toArray()));
    }

    Row pages() {
        return rows().getLast();
    }

    boolean passed() {
        return result.errorCount() == 0 && pages().latency().percentile(99) / 1e6 <= TARGET_P99_MS;
    }

    void print() {
        long steadyNanos = result.elapsedNanos() - result.rampNanos();
        System.out.println();
        System.out.printf(Locale.ROOT, "Load: %d %s (think %.0f–%.0f s) and %d facility systems; ramp-up %d s,"
                        + " then %.1f min steady%n", settings.users(), who, settings.thinkMin().toMillis() / 1e3,
                settings.thinkMax().toMillis() / 1e3, settings.systems(), settings.ramp().toSeconds(), steadyNanos / 6e10);
        System.out.printf(Locale.ROOT, "%-34s %8s %6s %8s %8s %8s %8s %8s%n", "request (steady period)", "count", "errors",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "per s");
        for (Row r : rows()) {
            System.out.printf(Locale.ROOT, "%-34s %8d %6d %8.1f %8.1f %8.1f %8.1f %8.1f%n", r.name(), r.count(), r.errors(),
                    ms(r, 50), ms(r, 95), ms(r, 99), r.latency().max() / 1e6, r.count() / (steadyNanos / 1e9));
        }
        System.out.printf(Locale.ROOT, "requests in the whole run: %,d; errors in the whole run: %d%n",
                result.samples().size(), result.errorCount());
        result.errors().forEach(e -> System.out.println("  error: " + e));
        facts.values().forEach(f -> System.out.printf(Locale.ROOT, "%-55s %s%n", f[0], f[1]));
        Row pages = pages();
        System.out.printf(Locale.ROOT, "target: page loads p99 ≤ %.0f ms with 0 errors: p99 %.1f ms, %d errors → %s%n",
                TARGET_P99_MS, ms(pages, 99), result.errorCount(), passed() ? "PASS" : "MISS");
    }

    private static double ms(Row row, double percent) {
        return row.latency().percentile(percent) / 1e6;
    }

    /** The suite's figures: page loads (p99 against the target), errors, and requests/s per 10 s of the steady period. */
    void figures(SuiteFigures figures) {
        Row pages = pages();
        String who = settings.users() + " users, " + settings.systems() + " systems";
        figures.latency("page loads under load (" + who + ", steady period)", pages.latency(), Double.MAX_VALUE, "");
        figures.value("page loads p99 under load, ms", "ms", Math.round(ms(pages, 99) * 10) / 10.0,
                "p99 ≤ %.0f ms".formatted(TARGET_P99_MS), ms(pages, 99) <= TARGET_P99_MS);
        figures.value("errors under load (whole run, " + result.samples().size() + " requests)", "", result.errorCount(),
                "0", result.errorCount() == 0);
        figures.rate("requests/s under load (per 10 s, steady period)", "1/s", series().stream()
                .filter(p -> p[0] * 1e9 >= result.rampNanos() && (p[0] + 10) * 1e9 <= result.elapsedNanos())
                .mapToDouble(p -> p[1]).toArray(), 0);
        if (facts.containsKey("serverPeakRssMiB")) {
            figures.value("server JVM under load: peak RSS (heap " + facts.get("serverHeapMiB")[1] + " MiB)", "MiB",
                    Double.parseDouble(facts.get("serverPeakRssMiB")[1]), "", null);
            figures.value("server JVM under load: CPU, cores on average", "", Double.parseDouble(facts.get("serverCores")[1]),
                    "", null);
        }
    }

    /** Per 10-second bucket: {second, requests/s, page p50, p95, p99 (ms), errors, users signed in}. */
    List<double[]> series() {
        int buckets = (int) (result.elapsedNanos() / BUCKET) + 1;
        List<List<LoadDriver.Sample>> byBucket = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            byBucket.add(new ArrayList<>());
        }
        result.samples().forEach(s -> byBucket.get((int) Math.min(buckets - 1, s.at() / BUCKET)).add(s));
        List<double[]> series = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            List<LoadDriver.Sample> in = byBucket.get(b);
            Distribution pages = new Distribution(in.stream().filter(LoadDriver.Sample::page)
                    .mapToLong(LoadDriver.Sample::nanos).toArray());
            int second = (int) Math.min(result.signedIn().length - 1, (b * BUCKET + BUCKET / 2) / 1_000_000_000L);
            series.add(new double[] {b * 10, in.size() / 10.0, pages.percentile(50) / 1e6, pages.percentile(95) / 1e6,
                pages.percentile(99) / 1e6, in.stream().filter(s -> !s.ok()).count(), result.signedIn()[second]});
        }
        return series;
    }

    void writeJson(Path file) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"load\",\n");
        json.append(String.format(Locale.ROOT, "  \"users\": %d, \"systems\": %d, \"rampSeconds\": %d, \"steadySeconds\": %.0f,"
                        + " \"thinkSeconds\": [%.1f, %.1f],%n", settings.users(), settings.systems(), settings.ramp().toSeconds(),
                (result.elapsedNanos() - result.rampNanos()) / 1e9, settings.thinkMin().toMillis() / 1e3,
                settings.thinkMax().toMillis() / 1e3));
        json.append(String.format(Locale.ROOT, "  \"requests\": %d, \"errors\": %d, \"targetP99Ms\": %.0f, \"passed\": %s,%n",
                result.samples().size(), result.errorCount(), TARGET_P99_MS, passed()));
        facts.forEach((key, f) -> json.append("  \"").append(key).append("\": \"").append(f[1].replace("\"", "'"))
                .append("\",\n"));
        json.append("  \"steady\": [");
        List<Row> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            json.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT, "    {\"name\": \"%s\", \"count\": %d,"
                            + " \"errors\": %d, \"p50Ms\": %.1f, \"p95Ms\": %.1f, \"p99Ms\": %.1f, \"maxMs\": %.1f}",
                    r.name(), r.count(), r.errors(), ms(r, 50), ms(r, 95), ms(r, 99), r.latency().max() / 1e6));
        }
        json.append("\n  ],\n  \"series\": [");
        List<double[]> series = series();
        for (int i = 0; i < series.size(); i++) {
            double[] p = series.get(i);
            json.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT, "    {\"second\": %.0f, \"perSecond\": %.1f,"
                    + " \"p50Ms\": %.1f, \"p95Ms\": %.1f, \"p99Ms\": %.1f, \"errors\": %.0f, \"signedIn\": %.0f}",
                    p[0], p[1], p[2], p[3], p[4], p[5], p[6]));
        }
        json.append("\n  ]\n}\n");
        Files.writeString(file, json);
    }

    /** A self-contained page (no script): two SVG plots over time and the table. */
    void writeHtml(Path file) throws IOException {
        List<double[]> series = series();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>Musubi 負荷試験 / load test</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;
                padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>
                """);
        html.append(String.format(Locale.ROOT, "<h1>負荷試験 / Load test</h1><p>%d %s, think time %.0f–%.0f s,"
                        + " %d facility systems; ramp-up %d s, then %.1f min steady. Requests %,d, errors %d. Page loads p99 %.1f ms"
                        + " (target ≤ %.0f ms): <b>%s</b></p>", settings.users(), escape(who), settings.thinkMin().toMillis() / 1e3,
                settings.thinkMax().toMillis() / 1e3, settings.systems(), settings.ramp().toSeconds(),
                (result.elapsedNanos() - result.rampNanos()) / 6e10, result.samples().size(), result.errorCount(),
                ms(pages(), 99), TARGET_P99_MS, passed() ? "PASS" : "MISS"));
        html.append("<h2>スループット / Throughput (requests/s) and users signed in</h2>");
        html.append(plot(series, new int[] {1, 6}, new String[] {"requests/s", "users signed in ÷ 10"},
                new double[] {1, 0.1}, new String[] {"#1f77b4", "#999"}, "per 10 s"));
        html.append("<h2>ページ応答時間 / Page-load latency (ms) per 10 s</h2>");
        html.append(plot(series, new int[] {2, 3, 4}, new String[] {"p50", "p95", "p99"}, new double[] {1, 1, 1},
                new String[] {"#2ca02c", "#ff7f0e", "#d62728"}, "target 300 ms"));
        html.append("<h2>定常期間 / Steady period</h2><table><tr><th>request</th><th>count</th><th>errors</th><th>p50 ms</th>"
                + "<th>p95 ms</th><th>p99 ms</th><th>max ms</th></tr>");
        for (Row r : rows()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                    + "<td>%.1f</td></tr>", escape(r.name()), r.count(), r.errors(), ms(r, 50), ms(r, 95), ms(r, 99),
                    r.latency().max() / 1e6));
        }
        html.append("</table><ul>");
        facts.values().forEach(f -> html.append("<li>").append(escape(f[0])).append(": ").append(escape(f[1])).append("</li>"));
        html.append("</ul></body></html>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String plot(List<double[]> series, int[] columns, String[] names, double[] scales, String[] colours,
                               String note) {
        int width = 900;
        int height = 260;
        int left = 50;
        int bottom = 30;
        double maxX = Math.max(10, series.getLast()[0]);
        double maxY = 1;
        for (double[] p : series) {
            for (int c = 0; c < columns.length; c++) {
                maxY = Math.max(maxY, p[columns[c]] * scales[c]);
            }
        }
        if (note.startsWith("target")) {
            maxY = Math.max(maxY, 320);
        }
        maxY = Math.ceil(maxY / 10) * 10;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", width, height));
        double plotW = width - left - 10;
        double plotH = height - bottom - 10;
        for (int i = 0; i <= 4; i++) {
            double y = 10 + plotH - plotH * i / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"4\" y=\"%.1f\">%.0f</text>", left, y, width - 10, y, y + 4, maxY * i / 4));
        }
        for (int s = 0; s <= maxX; s += 60) {
            double x = left + plotW * s / maxX;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d min</text>", x - 10, height - 8, s / 60));
        }
        if (note.startsWith("target")) {
            double y = 10 + plotH - plotH * 300 / maxY;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000\""
                    + " stroke-dasharray=\"4 4\"/><text x=\"%d\" y=\"%.1f\">%s</text>", left, y, width - 10, y, width - 90, y - 3,
                    note));
        }
        for (int c = 0; c < columns.length; c++) {
            StringBuilder points = new StringBuilder();
            for (double[] p : series) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + plotW * p[0] / maxX,
                        10 + plotH - plotH * p[columns[c]] * scales[c] / maxY));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>", colours[c], points.toString().strip(),
                    left + 10 + c * 150, 22, colours[c], escape(names[c])));
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package org.musubi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The figures of a record-store run as a table with the targets marked PASS or MISS, and optionally as JSON. */
final class RecordStoreReport {

    static final double INGEST_TARGET = 3_000;
    static final double EVERYTHING_TARGET_MS = 100;
    static final double SEARCH_TARGET_MS = 20;
    static final double PAGE_TARGET_MS = 100;
    private final List<String[]> rows = new ArrayList<>();
    private final StringBuilder json = new StringBuilder("{");
    private final SuiteFigures figures = new SuiteFigures("records");

    void fact(String name, String key, Object value) {
        rows.add(new String[] {name, String.valueOf(value), "", ""});
        field(key, value);
    }

    void ingest(IngestRun.Result result) {
        double[] sorted = result.perSecond().clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        rows.add(new String[] {"ingest, resources/s (median of " + sorted.length + " rounds; min–max "
                + "%,.0f–%,.0f)".formatted(sorted[0], sorted[sorted.length - 1]), "%,.0f".formatted(median),
                "≥ %,.0f".formatted(INGEST_TARGET), median >= INGEST_TARGET ? "PASS" : "MISS"});
        field("ingestResourcesPerSecond", Arrays.toString(result.perSecond()));
        field("ingestMedian", "%.0f".formatted(median));
        figures.rate("FHIR transaction Bundles, resources/s (per round)", "1/s", result.perSecond(), INGEST_TARGET);
    }

    void read(ReadRun.Timing timing) {
        boolean everything = timing.name().startsWith("$everything");
        double target = everything ? EVERYTHING_TARGET_MS : SEARCH_TARGET_MS;
        double p95 = ReadRun.ms(timing.latency(), 95);
        figures.latency(timing.name(), timing.latency(), target, "p95 ≤ %.0f ms".formatted(target));
        rows.add(new String[] {timing.name() + ", ms p50 / p95 / p99 (" + timing.entries() + " entries of "
                + timing.total() + ")", "%.1f / %.1f / %.1f".formatted(ReadRun.ms(timing.latency(), 50), p95,
                ReadRun.ms(timing.latency(), 99)), "p95 ≤ %.0f".formatted(target), p95 <= target ? "PASS" : "MISS"});
        field(timing.name(), "{\"p50\": %.2f, \"p95\": %.2f, \"p99\": %.2f, \"firstP50\": %.2f, \"entries\": %d, \"total\": %d}"
                .formatted(ReadRun.ms(timing.latency(), 50), p95, ReadRun.ms(timing.latency(), 99),
                        ReadRun.ms(timing.first(), 50), timing.entries(), timing.total()));
    }

    /** A clinician page (issue 6: patient view server time p95 ≤ 100 ms). */
    void page(ReadRun.Timing timing) {
        double p95 = ReadRun.ms(timing.latency(), 95);
        boolean timeline = timing.name().contains("timeline");
        figures.latency(timing.name(), timing.latency(), PAGE_TARGET_MS, timeline ? "p95 ≤ %.0f ms".formatted(PAGE_TARGET_MS) : "");
        rows.add(new String[] {timing.name() + ", ms p50 / p95 / p99 (" + timing.total() + " KiB)",
                "%.1f / %.1f / %.1f".formatted(ReadRun.ms(timing.latency(), 50), p95, ReadRun.ms(timing.latency(), 99)),
                "p95 ≤ %.0f".formatted(PAGE_TARGET_MS), p95 <= PAGE_TARGET_MS ? "PASS" : "MISS"});
        field(timing.name(), "{\"p50\": %.2f, \"p95\": %.2f, \"p99\": %.2f, \"firstP50\": %.2f, \"kib\": %d}"
                .formatted(ReadRun.ms(timing.latency(), 50), p95, ReadRun.ms(timing.latency(), 99),
                        ReadRun.ms(timing.first(), 50), timing.total()));
    }

    SuiteFigures figures() {
        return figures;
    }

    void print() {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        System.out.println();
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-" + width + "s  %22s  %-12s %s%n", row[0], row[1], row[2], row[3]);
        }
    }

    void write(Path file) throws IOException {
        Files.writeString(file, json.append("\n}\n").toString());
    }

    private void field(String key, Object value) {
        String text = String.valueOf(value);
        boolean raw = text.startsWith("{") || text.startsWith("[") || text.matches("-?[0-9.]+");
        json.append(json.length() > 1 ? ",\n  " : "\n  ").append('"').append(key.replace("\"", "'")).append("\": ")
                .append(raw ? text : "\"" + text.replace("\"", "'") + "\"");
    }
}

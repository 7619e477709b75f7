package org.musubi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's headline figures in the one shape the suite ({@code bench/suite.sh}, {@link SuiteReport})
 * compares: each a median with its spread (latencies: p95, p99 and the interquartile range; rates: the
 * range over rounds or windows), the target and PASS or MISS, plus the JVM's peak heap in use (sampled every 50 ms) and peak RSS.
 * Written as JSON when the benchmark runs with {@code -Dmusubi.bench.json=FILE}; otherwise nothing.
 */
final class SuiteFigures {

    private final String benchmark;
    private final List<String> figures = new ArrayList<>();
    private final ResourceUse use = new ResourceUse();

    /** Create it when the benchmark starts: from then on the heap in use is sampled. */
    SuiteFigures(String benchmark) {
        this.benchmark = benchmark;
    }

    /** Latency in ms from nanosecond samples: median p50, spread p25–p75, p95 and p99; {@code target} empty for none. */
    SuiteFigures latency(String name, Distribution nanos, double targetP95Ms, String target) {
        double p95 = nanos.percentile(95) / 1e6;
        return add(name, "ms", nanos.percentile(25) / 1e6, nanos.percentile(50) / 1e6, nanos.percentile(75) / 1e6, p95,
                nanos.percentile(99) / 1e6, nanos.size(), target, target.isEmpty() ? null : p95 <= targetP95Ms);
    }

    /** Percentiles already computed (e.g. by JMH), in {@code unit}. */
    SuiteFigures percentiles(String name, String unit, double p25, double p50, double p75, double p95, double p99, long n) {
        return add(name, unit, p25, p50, p75, p95, p99, n, "", null);
    }

    private SuiteFigures add(String name, String unit, double p25, double p50, double p75, double p95, double p99, long n,
                             String target, Boolean pass) {
        figures.add(String.format(Locale.ROOT, "{\"name\": \"%s\", \"unit\": \"%s\", \"median\": %.2f, \"p25\": %.2f,"
                        + " \"p75\": %.2f, \"p95\": %.2f, \"p99\": %.2f, \"n\": %d, \"target\": \"%s\", \"pass\": %s}",
                json(name), json(unit), p50, p25, p75, p95, p99, n, json(target), pass));
        return this;
    }

    /** A rate measured in several rounds or windows: median and min–max; {@code minimum} ≤ 0 means no target. */
    SuiteFigures rate(String name, String unit, double[] samples, double minimum) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double median = sorted.length == 0 ? 0 : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        figures.add(String.format(Locale.ROOT, "{\"name\": \"%s\", \"unit\": \"%s\", \"median\": %.1f, \"min\": %.1f,"
                        + " \"max\": %.1f, \"n\": %d, \"target\": \"%s\", \"pass\": %s}", json(name), json(unit), median,
                sorted.length == 0 ? 0 : sorted[0], sorted.length == 0 ? 0 : sorted[sorted.length - 1], sorted.length,
                minimum > 0 ? String.format(Locale.ROOT, "≥ %,.0f", minimum) : "",
                minimum > 0 ? String.valueOf(median >= minimum) : "null"));
        return this;
    }

    /** One value (deterministic, e.g. F1): {@code pass} null when there is no target. */
    SuiteFigures value(String name, String unit, double value, String target, Boolean pass) {
        figures.add(String.format(Locale.ROOT, "{\"name\": \"%s\", \"unit\": \"%s\", \"median\": %s, \"n\": 1,"
                        + " \"target\": \"%s\", \"pass\": %s}", json(name), json(unit),
                value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                        : String.format(Locale.ROOT, "%.5f", value), json(target), pass));
        return this;
    }

    /** Writes the figures with this JVM's peak heap and peak RSS to {@code -Dmusubi.bench.json}, if given. */
    void writeIfAsked() throws IOException {
        String file = System.getProperty("musubi.bench.json");
        if (file == null || file.isBlank()) {
            return;
        }
        long heap = use.peakHeapBytes();
        String text = String.format(Locale.ROOT, "{%n  \"benchmark\": \"%s\",%n  \"peakHeapMiB\": %d,%n  \"peakRssMiB\": %d,%n"
                        + "  \"heapMaxMiB\": %d,%n  \"figures\": [%n    %s%n  ]%n}%n", json(benchmark), heap >> 20,
                ResourceUse.peakRssBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20, String.join(",\n    ", figures));
        Path path = Path.of(file);
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.writeString(path, text);
        System.out.println("figures written to " + path);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

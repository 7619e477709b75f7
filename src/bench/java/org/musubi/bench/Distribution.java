package org.musubi.bench;

import java.util.Arrays;

/** Summary statistics of measured values (nanoseconds, counts): mean, percentiles (nearest rank) and max. */
final class Distribution {

    private final long[] sorted;

    Distribution(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    double mean() {
        return sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0);
    }

    long sum() {
        return Arrays.stream(sorted).sum();
    }

    /** The value at or below which {@code percent} % of the values lie. */
    long percentile(double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    int size() {
        return sorted.length;
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    long count(long value) {
        return Arrays.stream(sorted).filter(v -> v == value).count();
    }

    /** Nanoseconds as microseconds: "p50 12.3 µs · p95 …". */
    String micros() {
        return "p50 %.1f µs · p95 %.1f µs · p99 %.1f µs · max %.1f µs · mean %.1f µs".formatted(
                percentile(50) / 1e3, percentile(95) / 1e3, percentile(99) / 1e3, max() / 1e3, mean() / 1e3);
    }

    String counts() {
        return "mean %.2f · p50 %d · p95 %d · p99 %d · max %d".formatted(
                mean(), percentile(50), percentile(95), percentile(99), max());
    }
}

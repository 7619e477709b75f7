package org.musubi.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Asks timed one after the other in this JVM: each warmed up, then timed {@code rounds} times; its p50, p95 and p99
 * printed and kept as a latency figure with a p95 target. An answer {@code empty} says is empty stops the run (a
 * benchmark that measures nothing is no figure).
 */
final class TimedAsks {

    private TimedAsks() {
    }

    static void time(Map<String, Supplier<Object>> asks, int warmUp, int rounds, Predicate<Object> empty,
                     SuiteFigures figures, double p95TargetMs) {
        for (var ask : asks.entrySet()) {
            for (int i = 0; i < warmUp; i++) {
                ask.getValue().get();
            }
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                Object answer = ask.getValue().get();
                nanos[i] = System.nanoTime() - t0;
                if (empty.test(answer)) {
                    throw new IllegalStateException("an empty page: " + ask.getKey());
                }
            }
            Distribution d = new Distribution(nanos);
            System.out.printf(Locale.ROOT, "%-55s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", ask.getKey(),
                    d.percentile(50) / 1e6, d.percentile(95) / 1e6, d.percentile(99) / 1e6);
            figures.latency(ask.getKey(), d, p95TargetMs, String.format(Locale.ROOT, "p95 ≤ %.0f ms", p95TargetMs));
        }
    }
}

package org.musubi.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Times named asks one after the other: each warmed up, then timed {@code rounds} times; every answer is checked
 * ({@code fails} names an answer that would make the figure meaningless, e.g. an empty page); prints p50, p95 and p99
 * and adds each to the suite's figures with a p95 target in ms.
 */
final class TimedAsks {

    private TimedAsks() {
    }

    static void run(Map<String, Supplier<Object>> asks, int warmUp, int rounds, Predicate<Object> fails,
                    SuiteFigures figures, double targetP95Ms, String target) {
        for (var ask : asks.entrySet()) {
            for (int i = 0; i < warmUp; i++) {
                ask.getValue().get();
            }
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                Object answer = ask.getValue().get();
                nanos[i] = System.nanoTime() - t0;
                if (fails.test(answer)) {
                    throw new IllegalStateException("not a meaningful answer: " + ask.getKey());
                }
            }
            Distribution d = new Distribution(nanos);
            System.out.printf(Locale.ROOT, "%-55s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", ask.getKey(),
                    d.percentile(50) / 1e6, d.percentile(95) / 1e6, d.percentile(99) / 1e6);
            figures.latency(ask.getKey(), d, targetP95Ms, target);
        }
    }
}

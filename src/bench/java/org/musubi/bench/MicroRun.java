package org.musubi.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link MicroBenchmarks} with JMH (one fork, 3 × 2 s warm-up, 5 × 2 s sampled) and gives
 * the suite their percentiles in µs. Arguments: an optional regular expression of benchmarks to run.
 */
public final class MicroRun {

    public static void main(String[] args) throws Exception {
        SuiteFigures figures = new SuiteFigures("micro");
        String include = args.length > 0 ? args[0] : MicroBenchmarks.class.getName();
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(include).build()).run();
        System.out.println();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replace(MicroBenchmarks.class.getName() + ".", "");
            Statistics s = result.getPrimaryResult().getStatistics();
            System.out.printf(Locale.ROOT, "%-28s p50 %8.1f  p95 %8.1f  p99 %8.1f µs  (n %,d)%n", name, s.getPercentile(50),
                    s.getPercentile(95), s.getPercentile(99), s.getN());
            figures.percentiles("JMH: " + name, "µs", s.getPercentile(25), s.getPercentile(50), s.getPercentile(75),
                    s.getPercentile(95), s.getPercentile(99), s.getN());
        }
        figures.writeIfAsked();
    }

    private MicroRun() {
    }
}

package org.musubi.bench;

import java.io.PrintStream;
import java.util.Map;

/** Prints what a {@link LinkageBenchmark} measured, next to the bulk-linkage target of issue 3. */
final class LinkageReport {

    private static final int MILLION = 1_000_000;
    private final PrintStream out;

    LinkageReport(PrintStream out) {
        this.out = out;
    }

    void print(LinkageRun run, PhaseTimes phases, int sources, double targetMinutes) {
        Distribution batches = run.batchTimes();
        double seconds = batches.sum() / 1e9;
        out.printf("%nLinkage of %,d source records in %,d batches (population load excluded)%n", sources, run.batches());
        out.printf("  total %.1f s = %.2f min · %,.0f records/s%n", seconds, seconds / 60, sources / seconds);
        out.printf("  per batch: p50 %.0f ms · p95 %.0f ms · p99 %.0f ms · max %.0f ms%n", batches.percentile(50) / 1e6,
                batches.percentile(95) / 1e6, batches.percentile(99) / 1e6, batches.max() / 1e6);
        out.printf("  load average before %s, after %s; peak heap %.2f GB (sum of the heap pools' peaks)%n",
                run.loadBefore, run.loadAfter, run.peakHeap / 1e9);
        long database = phases.nanos().values().stream().mapToLong(Long::longValue).sum();
        out.printf("%nWhere the time goes%n");
        for (Map.Entry<String, Long> phase : phases.nanos().entrySet()) {
            out.printf("  %-42s %8.1f s  %5.1f %%%n", phase.getKey(), phase.getValue() / 1e9,
                    100 * phase.getValue() / 1e9 / seconds);
        }
        out.printf("  %-42s %8.1f s  %5.1f %%%n", "matching and deciding (in memory)", seconds - database / 1e9,
                100 * (seconds - database / 1e9) / seconds);
        LinkageTally all = run.tally;
        out.printf("%nOutcomes (%,d records of persons in the population, %,d new patients)%n", all.known,
                all.records - all.known);
        out.printf("  AutoLink  %,9d  (%,d to the wrong person)%n", all.autoLinks(), all.linkedWrong);
        out.printf("  Review    %,9d  (%,d without the true person among the candidates)%n", all.reviews(), all.reviewedWrong);
        out.printf("  NewPerson %,9d  (%,d of them persons in the population)%n", all.newPersons, all.newPersonsKnown);
        if (run.alreadyLinked > 0) {
            out.printf("  (%,d records were already linked)%n", run.alreadyLinked);
        }
        MatchingReport.quality(out, all);
        double minutes = seconds / 60 / sources * MILLION;
        out.printf("Target (issue 3): bulk linkage of 1 M source records ≤ %.0f min on 2 cores: %.2f min%s  %s%n",
                targetMinutes, minutes, sources == MILLION ? "" : " (projected from " + sources + " records)",
                minutes <= targetMinutes ? "PASS" : "MISS");
    }
}

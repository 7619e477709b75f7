package org.musubi.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.musubi.identity.matching.MatchThresholds;
import org.musubi.synth.Corruption;

/** Prints what a {@link MatchingBenchmark} measured, next to the targets of issue 3. */
final class MatchingReport {

    static final double PRECISION_TARGET = 0.999;
    static final double F1_TARGET = 0.99;
    private static final String ROW = "  %-17s %8s %8s %8s %8s %8s %8s %10s %10s %9s %9s%n";

    private final PrintStream out;

    MatchingReport(BenchOptions options, PrintStream out) {
        this.out = out;
        Runtime runtime = Runtime.getRuntime();
        MatchThresholds thresholds = MatchThresholds.defaults();
        out.printf("Musubi matching benchmark: %s%n", options);
        out.printf("Java %s (%s), %d processors, max heap %.1f GB; default weights, auto-link ≥ %.0f bits, review ≥ %.0f bits%n%n",
                System.getProperty("java.version"), System.getProperty("java.vendor"), runtime.availableProcessors(),
                runtime.maxMemory() / 1e9, thresholds.autoLink(), thresholds.review());
    }

    void phase(String what, long startedNanos) {
        out.printf("[%8.2f s] %s%n", (System.nanoTime() - startedNanos) / 1e9, what);
    }

    void print(MatchingRun run, int records, long sequentialNanos, long parallelNanos, int threads) {
        LinkageTally all = run.all();
        out.printf("%nOutcomes of %,d source records (%,d of persons in the population, %,d new patients)%n",
                all.records, all.known, all.records - all.known);
        out.printf("  AutoLink  %,9d  (%,d to the wrong person)%n", all.autoLinks(), all.linkedWrong);
        out.printf("  Review    %,9d  (%,d without the true person among the candidates)%n", all.reviews(), all.reviewedWrong);
        out.printf("  NewPerson %,9d  (%,d of them persons in the population)%n", all.newPersons,
                sum(run.known).newPersons);
        quality(out, all);
        table("Per corruption kind: records of persons in the population", run.known, all);
        table("Per corruption kind: new patients (any link is wrong, NewPerson is right)", run.newPatients, all);
        out.printf("%nReview reasons: %s%n", run.reviewReasons.entrySet().stream()
                .map(e -> "%s %,d".formatted(e.getKey(), e.getValue())).collect(Collectors.joining(" · ")));
        speed(run, records, sequentialNanos, parallelNanos, threads);
        targets(all, run, records, parallelNanos, threads);
        examples("Wrong auto-links", run.wrongLinks);
        examples("Reviews without the true person", run.wrongReviews);
    }

    private void examples(String title, List<String> examples) {
        if (!examples.isEmpty()) {
            out.printf("%n%s (first %d):%n", title, MatchingRun.EXAMPLES);
            examples.forEach(example -> out.printf("  %s%n", example));
        }
    }

    /** Precision, recall and F1 of auto-links and of auto-links + review queue, with their definitions. */
    static void quality(PrintStream out, LinkageTally all) {
        out.printf("%nQuality                     precision    recall        F1%n");
        out.printf("  auto-links                %9.5f %9.5f %9.5f%n", all.autoLinkPrecision(), all.autoLinkRecall(), all.autoLinkF1());
        out.printf("  auto-links + review queue %9.5f %9.5f %9.5f   ← overall F1%n", all.foundPrecision(), all.foundRecall(), all.foundF1());
        out.printf("  review queue alone        %9.5f             (share of reviews holding the true person)%n", all.reviewPrecision());
        out.print("""
                Definitions. Auto-links: TP = linked to the true person; FP = linked to anyone else (a new patient's
                link is always FP); precision = TP / auto-links; recall = TP / records of persons in the population.
                Auto-links + review queue (the overall figure, the pipeline once an operator has worked the queue):
                a review is correct when the true person is among its candidates; a review that is not (or of a
                new patient) is FP; precision = (correct links + correct reviews) / (links + reviews); recall = the
                same numerator / records of persons in the population. F1 = 2PR / (P + R).
                """.indent(2));
    }

    private void table(String title, Map<Corruption, LinkageTally> tallies, LinkageTally all) {
        out.printf("%n%s%n", title);
        out.printf(ROW, "kind", "records", "linked✓", "linked✗", "review✓", "review✗", "new", "AL recall", "found rec.",
                "% not AL", "% missed");
        tallies.forEach((kind, tally) -> row(kind.name(), tally, all));
        row("all", sum(tallies), all);
    }

    private void row(String name, LinkageTally t, LinkageTally all) {
        out.printf(ROW, name, n(t.records), n(t.linkedRight), n(t.linkedWrong), n(t.reviewedRight), n(t.reviewedWrong),
                n(t.newPersons), ratio(t.autoLinkRecall()), ratio(t.foundRecall()),
                percent(t.known - t.linkedRight, all.known - all.linkedRight), percent(t.missed(), all.missed()));
    }

    private void speed(MatchingRun run, int records, long sequentialNanos, long parallelNanos, int threads) {
        Distribution candidates = run.candidateCounts();
        out.printf("%nCandidate set per record (distinct persons sharing a blocking key): %s; none for %,d records%n",
                candidates.counts(), candidates.count(0));
        out.printf("Latency per record, one thread, lookup + match: %s%n", run.latency().micros());
        out.printf("  of which the in-memory candidate lookup:      %s%n", run.queryLatency().micros());
        out.printf("Throughput: one thread %,.0f records/s; %d threads %,.0f records/s%n",
                records / (sequentialNanos / 1e9), threads, records / (parallelNanos / 1e9));
    }

    private void targets(LinkageTally all, MatchingRun run, int records, long parallelNanos, int threads) {
        double bulkMinutes = parallelNanos / 1e9 / records * 1_000_000 / 60;
        out.printf("%nTargets (issue 3, Done when)                          measured     target%n");
        out.printf("  auto-link precision                                %9.5f   ≥ %.3f   %s%n", all.autoLinkPrecision(),
                PRECISION_TARGET, verdict(all.autoLinkPrecision() >= PRECISION_TARGET));
        out.printf("  F1 overall (auto-links + review queue)             %9.5f   ≥ %.2f    %s%n", all.foundF1(),
                F1_TARGET, verdict(all.foundF1() >= F1_TARGET));
        out.printf("  F1 of auto-links alone (stricter reading)          %9.5f   ≥ %.2f    %s%n", all.autoLinkF1(),
                F1_TARGET, verdict(all.autoLinkF1() >= F1_TARGET));
        out.printf("  candidate query p95 against 3 M persons            not measured: needs the database index"
                + " (in-memory p95 here %.1f µs)%n", run.queryLatency().percentile(95) / 1e3);
        out.printf("  bulk linkage of 1 M records on 2 cores             %6.1f min   ≤ 10 min  indicative only: in memory,"
                + " %d threads, no database%n", bulkMinutes, threads);
    }

    private static LinkageTally sum(Map<Corruption, LinkageTally> tallies) {
        LinkageTally sum = new LinkageTally();
        tallies.values().forEach(sum::addAll);
        return sum;
    }

    private static String verdict(boolean met) {
        return met ? "PASS" : "MISS";
    }

    private static String n(long count) {
        return "%,d".formatted(count);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "–" : "%.4f".formatted(value);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "–" : "%.1f".formatted(100.0 * part / whole);
    }
}

package org.musubi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;

/**
 * Audit appends under concurrency (issue 23, item 5): for each number of concurrent writers (virtual threads, as
 * requests run), every writer appends one row at a time, as one request does, for a fixed time; prints appends/s and
 * the latency of one append (it returns once the row is durable), then verifies the chain. Not a test: run it with
 * {@code bench/audit.sh} ({@code --writers=256 --seconds=15}: 1, 8, 64 and 512 writers up to that many).
 */
public final class AuditAppendBenchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, Map.of("seconds", 15L, "writers", 256L));
        int seconds = options.integer("seconds");
        List<Integer> writerCounts = new ArrayList<>();
        for (int writers = 1; writers <= options.integer("writers"); writers *= 8) {
            writerCounts.add(writers);
        }
        SuiteFigures figures = new SuiteFigures("audit");
        try (BenchDatabase database = BenchDatabase.start()) {
            Audit audit = database.bean(Audit.class);
            run(audit, 8, 3);
            for (int writers : writerCounts) {
                Result result = run(audit, writers, seconds);
                System.out.printf(Locale.ROOT, "%4d writers: %,8.0f appends/s   latency ms p50 %.2f  p95 %.2f  p99 %.2f%n",
                        writers, result.perSecond(), result.latency().percentile(50) / 1e6,
                        result.latency().percentile(95) / 1e6, result.latency().percentile(99) / 1e6);
                figures.latency("one audit append, " + writers + " concurrent writers (" + Math.round(result.perSecond())
                        + " appends/s)", result.latency(), 0, "");
            }
            var report = database.bean(AuditTrail.class).verify();
            System.out.printf(Locale.ROOT, "chain verified: %,d rows, intact %s%n", report.rowsChecked(), report.intact());
            if (!report.intact()) {
                throw new IllegalStateException("the chain is broken: " + report.faults());
            }
        }
        figures.writeIfAsked();
    }

    record Result(double perSecond, Distribution latency) {
    }

    private static Result run(Audit audit, int writers, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(writers);
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread.ofVirtual().start(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        audit.record(new AuditEntry(AuditAction.READ, "Observation",
                                List.of(Long.toString(t0)), null, Purpose.TREATMENT, Outcome.PERMIT, null, Actor.system("bench-" + writer)));
                        mine.add(System.nanoTime() - t0);
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                } finally {
                    samples.add(mine.stream().mapToLong(Long::longValue).toArray());
                    done.countDown();
                }
            });
        }
        Thread.sleep(Duration.ofSeconds(seconds));
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " writers failed", failures.peek());
        }
        long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(all.length / elapsed, new Distribution(all));
    }
}

package org.musubi.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.identity.linkage.MatchResult;
import org.musubi.synth.SourceRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a {@link LinkageBenchmark} run measured: time per batch and outcomes against the ground truth. */
final class LinkageRun {

    final LinkageTally tally = new LinkageTally();
    long alreadyLinked;
    long peakHeap;
    String loadBefore;
    String loadAfter;
    private final long[] personIds;
    private final long[] batchNanos;
    private int batches;
    private int recorded;
    /** Population index of each queued record's true person (-1 for a new patient), by review id. */
    private final Map<Long, Integer> queued = new HashMap<>();

    /** {@code personIds}: the database id of each population person, by index. */
    LinkageRun(long[] personIds, int sources, int batchSize) {
        this.personIds = personIds;
        this.batchNanos = new long[Math.ceilDiv(sources, batchSize)];
    }

    int recorded() {
        return recorded;
    }

    void batch(List<SourceRecord> records, List<MatchResult> results, long nanos) {
        batchNanos[batches++] = nanos;
        recorded += records.size();
        for (int i = 0; i < records.size(); i++) {
            SourceRecord record = records.get(i);
            int truth = record.inPopulation() ? Math.toIntExact(record.personIndex()) : -1;
            switch (results.get(i)) {
                case MatchResult.Linked linked -> {
                    alreadyLinked += Double.isNaN(linked.score()) ? 1 : 0;
                    tally.linked(truth >= 0, truth >= 0 && linked.personId() == personIds[truth]);
                }
                case MatchResult.NewPerson created -> tally.created(truth >= 0);
                case MatchResult.Queued review -> queued.put(review.reviewId(), truth);
            }
        }
    }

    void finish(long peakHeapBytes, String loadAverageBefore, String loadAverageAfter) {
        peakHeap = peakHeapBytes;
        loadBefore = loadAverageBefore;
        loadAfter = loadAverageAfter;
    }

    /** Counts each review as right when the record's true person is among its candidates (one query, after the run). */
    void tallyReviews(JdbcTemplate jdbc) {
        Map<Long, Set<Long>> candidates = new HashMap<>();
        jdbc.query("SELECT review_id, person_id FROM match_review_candidate", rs -> {
            candidates.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        queued.forEach((review, truth) -> tally.reviewed(truth >= 0,
                truth >= 0 && candidates.getOrDefault(review, Set.of()).contains(personIds[truth])));
        queued.clear();
    }

    /** Nanoseconds per batch. */
    Distribution batchTimes() {
        return new Distribution(Arrays.copyOf(batchNanos, batches));
    }

    /** Nanoseconds of each batch, in order. */
    long[] batchNanos() {
        return Arrays.copyOf(batchNanos, batches);
    }

    int batches() {
        return batches;
    }
}

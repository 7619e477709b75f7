package org.musubi.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.musubi.identity.Person;
import org.musubi.identity.matching.AutoLink;
import org.musubi.identity.matching.Candidate;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.MatchOutcome;
import org.musubi.identity.matching.Matcher;
import org.musubi.identity.matching.Review;
import org.musubi.identity.matching.ReviewReason;
import org.musubi.synth.Corruption;
import org.musubi.synth.SourceRecord;

/** What one pass of matching measured: outcomes against the truth by corruption kind, candidate counts and latencies. */
final class MatchingRun {

    /** Wrong auto-links and wrong reviews kept to show, of each, with their record and score. */
    static final int EXAMPLES = 5;

    final Map<Corruption, LinkageTally> known = new EnumMap<>(Corruption.class);
    final Map<Corruption, LinkageTally> newPatients = new EnumMap<>(Corruption.class);
    final Map<ReviewReason, Long> reviewReasons = new EnumMap<>(ReviewReason.class);
    final List<String> wrongLinks = new ArrayList<>();
    final List<String> wrongReviews = new ArrayList<>();
    private final long[] queryNanos;
    private final long[] totalNanos;
    private final long[] candidates;
    private int measured;

    MatchingRun(int records) {
        queryNanos = new long[records];
        totalNanos = new long[records];
        candidates = new long[records];
    }

    void measure(SourceRecord record, String truth, PersonIndex index, Matcher matcher) {
        Demographics query = record.demographics();
        long start = System.nanoTime();
        List<Person> found = index.candidates(query);
        long queried = System.nanoTime();
        MatchOutcome outcome = matcher.match(query, found);
        long done = System.nanoTime();
        queryNanos[measured] = queried - start;
        totalNanos[measured] = done - start;
        candidates[measured++] = found.size();
        (truth != null ? known : newPatients).computeIfAbsent(record.corruption(), k -> new LinkageTally()).add(truth, outcome);
        if (outcome instanceof Review review) {
            review.reasons().forEach(reason -> reviewReasons.merge(reason, 1L, Long::sum));
            if (review.candidates().stream().noneMatch(c -> c.person().regionalId().equals(truth))) {
                keep(wrongReviews, record, review.best());
            }
        }
        if (outcome instanceof AutoLink link && !link.best().person().regionalId().equals(truth)) {
            keep(wrongLinks, record, link.best());
        }
    }

    private static void keep(List<String> examples, SourceRecord record, Candidate best) {
        if (examples.size() < EXAMPLES) {
            String breakdown = best.score().breakdown().stream()
                    .map(f -> "%s %s %+.1f".formatted(f.field(), f.level(), f.weight())).collect(Collectors.joining(", "));
            examples.add("%s %s%n      best %s%n      %.1f bits: %s".formatted(record.corruption(), record.demographics(),
                    best.person(), best.score().total(), breakdown));
        }
    }

    LinkageTally all() {
        LinkageTally all = new LinkageTally();
        known.values().forEach(all::addAll);
        newPatients.values().forEach(all::addAll);
        return all;
    }

    Distribution queryLatency() {
        return new Distribution(queryNanos);
    }

    Distribution latency() {
        return new Distribution(totalNanos);
    }

    Distribution candidateCounts() {
        return new Distribution(candidates);
    }
}

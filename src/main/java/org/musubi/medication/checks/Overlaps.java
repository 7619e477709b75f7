package org.musubi.medication.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.musubi.medication.Drug;
import org.musubi.medication.MedicationEntry;

/**
 * Overlapping pairs of resolved entries, found by a sweep per group (ingredient or class): entries sorted
 * by start, each compared only with those still running when it starts. Pairs with the same key whose
 * overlaps touch or overlap are merged into one finding, so monthly refills give one alert, not dozens.
 */
public final class Overlaps {

    /** An entry with the product it was resolved to; {@code order} is its position in the input. */
    public record Resolved(MedicationEntry entry, Drug drug, int order) {

        LocalDate start() {
            return entry.start();
        }

        LocalDate end() {
            return entry.end();
        }
    }

    /** Entries that overlap from {@code start} to {@code end} (inclusive). */
    public record Finding(String key, List<Resolved> entries, LocalDate start, LocalDate end) {
    }

    private Overlaps() {
    }

    public static List<Finding> find(List<Resolved> entries, Function<Resolved, String> group, BiPredicate<Resolved, Resolved> alerting,
                              Function<List<Resolved>, String> key) {
        List<Finding> pairs = new ArrayList<>();
        Map<String, List<Resolved>> groups = entries.stream().collect(Collectors.groupingBy(group));
        for (List<Resolved> members : groups.values()) {
            if (members.size() > 1) {
                sweep(members, alerting, key, pairs);
            }
        }
        return merge(pairs);
    }

    private static void sweep(List<Resolved> members, BiPredicate<Resolved, Resolved> alerting,
                              Function<List<Resolved>, String> key, List<Finding> out) {
        List<Resolved> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(Resolved::start).thenComparingInt(Resolved::order));
        List<Resolved> running = new ArrayList<>();
        for (Resolved next : sorted) {
            running.removeIf(r -> r.end().isBefore(next.start()));
            for (Resolved earlier : running) {
                if (alerting.test(earlier, next)) {
                    List<Resolved> pair = List.of(earlier, next);
                    LocalDate end = earlier.end().isBefore(next.end()) ? earlier.end() : next.end();
                    out.add(new Finding(key.apply(pair), pair, next.start(), end));
                }
            }
            running.add(next);
        }
    }

    private static List<Finding> merge(List<Finding> pairs) {
        pairs.sort(Comparator.comparing(Finding::key).thenComparing(Finding::start).thenComparing(Finding::end));
        List<Finding> merged = new ArrayList<>();
        Finding current = null;
        Set<Resolved> members = new LinkedHashSet<>();
        for (Finding pair : pairs) {
            if (current != null && current.key().equals(pair.key()) && !pair.start().isAfter(current.end().plusDays(1))) {
                members.addAll(pair.entries());
                LocalDate end = pair.end().isAfter(current.end()) ? pair.end() : current.end();
                current = new Finding(current.key(), List.copyOf(members), current.start(), end);
            } else {
                if (current != null) {
                    merged.add(current);
                }
                members = new LinkedHashSet<>(pair.entries());
                current = pair;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return merged.stream().map(f -> new Finding(f.key(), f.entries().stream()
                .sorted(Comparator.comparing(Resolved::start).thenComparingInt(Resolved::order)).toList(), f.start(), f.end()))
                .toList();
    }
}

package org.musubi.synth.sources;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Files written so far, per facility and type; safe to add to from many threads. */
public final class FileCounts {

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    private final LongAdder all = new LongAdder();

    public void add(String institutionCode, String type) {
        counts.computeIfAbsent(institutionCode, code -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> new LongAdder()).increment();
        all.increment();
    }

    long total() {
        return all.sum();
    }

    SourceSummary summary(long persons) {
        Map<String, Map<String, Long>> files = new HashMap<>();
        counts.forEach((code, types) -> {
            Map<String, Long> sums = new HashMap<>();
            types.forEach((type, n) -> sums.put(type, n.sum()));
            files.put(code, sums);
        });
        return SourceSummary.of(persons, files);
    }
}

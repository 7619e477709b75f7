package org.musubi.synth.sources;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link SourceFiles} wrote: for each facility (by its 10-digit institution code) the number
 * of files of each SS-MIX2 data type ({@code ADT-00}, {@code OMP-01}, …; every file is one HL7
 * message, whatever its condition flag) and of JAHIS files ({@value #JAHIS}).
 */
public record SourceSummary(long persons, SortedMap<String, SortedMap<String, Long>> files) {

    /** The key of JAHIS files in {@link #files}. */
    public static final String JAHIS = "JAHIS";

    public SourceSummary {
        SortedMap<String, SortedMap<String, Long>> copy = new TreeMap<>();
        files.forEach((code, counts) -> copy.put(code, Collections.unmodifiableSortedMap(new TreeMap<>(counts))));
        files = Collections.unmodifiableSortedMap(copy);
    }

    /** The number of files of one type at one facility, 0 when none. */
    public long count(String institutionCode, String type) {
        return files.getOrDefault(institutionCode, Collections.emptySortedMap()).getOrDefault(type, 0L);
    }

    /** SS-MIX2 files (HL7 messages) over all facilities. */
    public long ssmix2Messages() {
        return total() - jahisFiles();
    }

    /** JAHIS files over all pharmacies. */
    public long jahisFiles() {
        return files.values().stream().mapToLong(counts -> counts.getOrDefault(JAHIS, 0L)).sum();
    }

    /** Files of both kinds. */
    public long total() {
        return files.values().stream().flatMap(counts -> counts.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** Per data type over all facilities, for reports. */
    public SortedMap<String, Long> byType() {
        SortedMap<String, Long> totals = new TreeMap<>();
        files.values().forEach(counts -> counts.forEach((type, n) -> totals.merge(type, n, Long::sum)));
        return totals;
    }

    static SourceSummary of(long persons, Map<String, ? extends Map<String, Long>> files) {
        SortedMap<String, SortedMap<String, Long>> sorted = new TreeMap<>();
        files.forEach((code, counts) -> sorted.put(code, new TreeMap<>(counts)));
        return new SourceSummary(persons, sorted);
    }
}

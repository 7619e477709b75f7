package org.musubi.ingest.hl7.orders.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.ingest.hl7.Hl7Segment;

/**
 * A run of consecutive segments that belong together (an order group from its ORC, a drug from its RXE),
 * read by segment name. {@link #split} cuts a message's segments at each segment of the given names.
 */
public record SegmentRun(List<Hl7Segment> segments) {

    public SegmentRun {
        segments = List.copyOf(segments);
    }

    public Hl7Segment head() {
        return segments.getFirst();
    }

    public Optional<Hl7Segment> first(String name) {
        for (Hl7Segment segment : segments) {
            if (segment.name().equals(name)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    public List<Hl7Segment> all(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** Runs each starting at a segment named in {@code starts}; segments before the first start are left out. */
    public static List<SegmentRun> split(List<Hl7Segment> segments, Set<String> starts) {
        List<SegmentRun> runs = new ArrayList<>();
        List<Hl7Segment> current = null;
        for (Hl7Segment segment : segments) {
            if (starts.contains(segment.name())) {
                if (current != null) {
                    runs.add(new SegmentRun(current));
                }
                current = new ArrayList<>();
            }
            if (current != null) {
                current.add(segment);
            }
        }
        if (current != null) {
            runs.add(new SegmentRun(current));
        }
        return runs;
    }

    /** The segments of this run before its first segment named {@code name} (all of them when there is none). */
    public SegmentRun before(String name) {
        int end = 0;
        while (end < segments.size() && (end == 0 || !segments.get(end).name().equals(name))) {
            end++;
        }
        return new SegmentRun(segments.subList(0, end));
    }
}

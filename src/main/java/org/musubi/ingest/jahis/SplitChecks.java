package org.musubi.ingest.jahis;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.jahis.SplitJoin.NotJoined;
import org.musubi.ingest.jahis.records.JahisProblems;
import org.musubi.ingest.jahis.records.JahisRecord.SplitControl;
import org.musubi.ingest.jahis.records.Notebook;

/** Whether parts make one whole: the same data ID and part count everywhere, each number once, none missing. */
final class SplitChecks {

    private SplitChecks() {
    }

    static Optional<NotJoined> mismatch(List<Notebook> parts) {
        SplitControl first = parts.getFirst().split();
        Set<Integer> numbers = new HashSet<>();
        for (Notebook part : parts) {
            SplitControl split = part.split();
            Location at = new Location(part.fileName(), split.line(), "911", null);
            if (!split.dataId().equals(first.dataId())) {
                return problem(at.field("911.データ固有ID"), "jahis.split.dataIdMismatch", split.dataId(), first.dataId());
            }
            if (split.count() != first.count()) {
                return problem(at.field("911.分割数"), "jahis.split.countMismatch", String.valueOf(split.count()),
                        String.valueOf(first.count()));
            }
            if (!numbers.add(split.number())) {
                return problem(at.field("911.データ連番"), "jahis.split.duplicate", String.valueOf(split.number()));
            }
        }
        String missing = IntStream.rangeClosed(1, first.count()).filter(n -> !numbers.contains(n)).mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            return problem(Location.file(parts.getFirst().fileName()), "jahis.split.incomplete", String.valueOf(first.count()),
                    missing);
        }
        return Optional.empty();
    }

    private static Optional<NotJoined> problem(Location where, String code, Object... args) {
        return Optional.of(new NotJoined(JahisProblems.of(where, code, args)));
    }
}

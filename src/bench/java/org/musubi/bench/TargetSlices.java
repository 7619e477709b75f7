package org.musubi.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The measured persons' records, cut into as many slices as the load has chunks: each chunk of
 * the background load also copies one slice of every measured facility patient's record.
 */
final class TargetSlices {

    private final int targetFacilities;
    private final int slices;
    private final RecordTemplate[][] records;
    private List<SourceRows.Source> sources = List.of();

    TargetSlices(int targets, int targetFacilities, int slices) {
        this.targetFacilities = targetFacilities;
        this.slices = slices;
        this.records = new RecordTemplate[targets][targetFacilities];
    }

    void add(int target, int facility, RecordTemplate record) {
        records[target][facility] = record;
    }

    /** The measured facility patients, in person order and facility order within each person. */
    void sources(List<SourceRows.Source> loaded) {
        this.sources = new ArrayList<>(loaded);
    }

    void addSlice(int slice, RecordCopy copy, RecordLoader loader) {
        for (SourceRows.Source source : sources) {
            List<RecordTemplate.Row> rows = records[source.personIndex()][source.ordinal() % targetFacilities].rows();
            int from = (int) ((long) rows.size() * slice / slices);
            int to = (int) ((long) rows.size() * (slice + 1) / slices);
            loader.add(copy, source, rows.subList(from, to));
        }
    }
}

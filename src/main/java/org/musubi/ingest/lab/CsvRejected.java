package org.musubi.ingest.lab;

import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;

/** A CSV header or row that cannot be taken: the problem names file, line and column. */
final class CsvRejected extends Exception {

    private final transient Problem problem;

    CsvRejected(Location where, String code, Object... args) {
        super(code, null, false, false);
        this.problem = LabProblems.TEXTS.problem(where, code, args);
    }

    Problem problem() {
        return problem;
    }
}

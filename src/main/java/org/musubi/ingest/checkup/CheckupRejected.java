package org.musubi.ingest.checkup;

import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;

/** A document or a result that cannot be taken: the problem names the file, the element and the reason. */
final class CheckupRejected extends Exception {

    private final transient Problem problem;

    CheckupRejected(Location where, String code, Object... args) {
        super(code, null, false, false);
        this.problem = CheckupProblems.TEXTS.problem(where, code, args);
    }

    Problem problem() {
        return problem;
    }
}

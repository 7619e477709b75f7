package org.musubi.ingest.lab;

import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ProblemTexts;

/** The lab readers' problems, from {@code org/musubi/ingest/lab/messages*.properties}. */
final class LabProblems {

    static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.lab.messages");

    private LabProblems() {
    }

    static ParseResult.Rejected rejected(Location where, String raw, String code, Object... args) {
        return new ParseResult.Rejected(TEXTS.problem(where, code, args), raw);
    }
}

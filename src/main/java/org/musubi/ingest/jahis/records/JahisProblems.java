package org.musubi.ingest.jahis.records;

import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;

/** The adapter's problem texts, from {@code org/musubi/ingest/jahis/messages(_en).properties}. */
public final class JahisProblems {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.jahis.messages");

    private JahisProblems() {
    }

    public static Problem of(Location where, String code, Object... args) {
        return TEXTS.problem(where, code, args);
    }
}

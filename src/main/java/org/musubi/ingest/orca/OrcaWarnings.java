package org.musubi.ingest.orca;

import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;

/**
 * What a record of an ORCA pull stored other than as ORCA sent it, or did not store, said per value: the file, the
 * ORCA API the value came from and its element ({@code Disease_Information[3].Disease_OutCome}), and what was done.
 * Kept with the batch ({@code ParseResult.Parsed#warnings}), shown on the import's page.
 */
final class OrcaWarnings {

    static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");

    private final Location where;
    private final List<Problem> problems = new ArrayList<>();

    OrcaWarnings(Location where) {
        this.where = where;
    }

    /** A warning {@code ingest.orca.<code>} about the value at {@code field}. */
    void add(String field, String code, Object... args) {
        problems.add(TEXTS.problem(where.field(field), "ingest.orca." + code, args));
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }
}

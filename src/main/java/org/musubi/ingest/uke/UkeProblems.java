package org.musubi.ingest.uke;

import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;

/** The UKE reader's problems, in Japanese and English ({@code org/musubi/ingest/uke/messages*.properties}). */
final class UkeProblems {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.uke.messages");

    private UkeProblems() {
    }

    static Problem problem(Location where, String code, Object... args) {
        return TEXTS.problem(where, code, args);
    }

    static ParseResult.Rejected rejected(Location where, String code, Object... args) {
        return new ParseResult.Rejected(problem(where, code, args), null);
    }

    static ParseResult.Rejected rejected(UkeFault fault, String file, String raw) {
        Location where = new Location(file, fault.line().number(), fault.line().type(), fault.field());
        return new ParseResult.Rejected(problem(where, fault.code(), fault.args()), raw);
    }
}

package org.musubi.ingest.results;

import java.util.List;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;

/**
 * Something reading a result did that its sender should hear of (issue 38: nothing changed without a word), before
 * the reader places it: whether it concerns the value or its unit (OBX-5 or OBX-6, a CSV's {@code value} or
 * {@code unit}), its code and arguments. The texts are in {@code org/musubi/ingest/results/messages*}.
 */
public record ResultWarning(Part part, String code, List<Object> args) {

    /** Which sent field the warning names. */
    public enum Part { VALUE, UNIT }

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.results.messages");

    public ResultWarning {
        args = List.copyOf(args);
    }

    static ResultWarning value(String code, Object... args) {
        return new ResultWarning(Part.VALUE, code, List.of(args));
    }

    static ResultWarning unit(String code, Object... args) {
        return new ResultWarning(Part.UNIT, code, List.of(args));
    }

    /** The warning, naming {@code where} (the file, line, record and the field of {@link #part}). */
    public Problem at(Location where) {
        return TEXTS.problem(where, code, args.toArray());
    }

    /** A warning of these texts about another field a reader reads itself (NTE-3's unescaped separator). */
    public static Problem problem(Location where, String code, Object... args) {
        return TEXTS.problem(where, code, args);
    }
}

package org.musubi.identity.matching;

import java.util.List;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;

/** A Fellegi–Sunter score in bits (log2 of the likelihood ratio) with its breakdown per field. */
public record MatchScore(double total, List<FieldScore> breakdown) {

    public MatchScore {
        breakdown = List.copyOf(breakdown);
    }

    /** The level a field agreed at, {@link Agreement#MISSING} if the breakdown does not list it. */
    public Agreement level(MatchField field) {
        for (FieldScore score : breakdown) {
            if (score.field().equals(field.name())) {
                return Agreement.valueOf(score.level());
            }
        }
        return Agreement.MISSING;
    }
}

package org.musubi.identity.linkage;

import java.util.Locale;
import java.util.stream.Collectors;
import org.musubi.identity.matching.MatchScore;

/** A score's per-field explanation as one line an operator can read: "BIRTH_DATE EXACT +14.8; ...". */
final class Breakdowns {

    private Breakdowns() {
    }

    static String of(MatchScore score) {
        return score.breakdown().stream()
                .map(f -> String.format(Locale.ROOT, "%s %s %+.1f", f.field(), f.level(), f.weight()))
                .collect(Collectors.joining("; "));
    }
}

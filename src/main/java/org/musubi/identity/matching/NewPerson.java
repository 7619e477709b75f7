package org.musubi.identity.matching;

import java.util.List;

/** No candidate reached the review threshold; {@code candidates} are the nearest misses, for the record. */
public record NewPerson(List<Candidate> candidates) implements MatchOutcome {

    public NewPerson {
        candidates = List.copyOf(candidates);
    }
}

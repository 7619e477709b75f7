package org.musubi.identity.matching;

import java.util.List;
import java.util.Set;

/** An operator decides: {@code candidates} scored at or above the review threshold, for the {@code reasons} given. */
public record Review(List<Candidate> candidates, Set<ReviewReason> reasons) implements MatchOutcome {

    public Review {
        candidates = List.copyOf(candidates);
        reasons = Set.copyOf(reasons);
    }

    public Candidate best() {
        return candidates.getFirst();
    }
}

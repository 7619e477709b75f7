package org.musubi.identity.matching;

import java.util.List;

/** Link the patient to {@code best}, which scored at or above the auto-link threshold and passed every safety rule. */
public record AutoLink(Candidate best, List<Candidate> candidates) implements MatchOutcome {

    public AutoLink {
        candidates = List.copyOf(candidates);
    }
}

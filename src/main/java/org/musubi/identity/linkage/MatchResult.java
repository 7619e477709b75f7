package org.musubi.identity.linkage;

/** What matching did with a source patient. */
public sealed interface MatchResult {

    /** Linked to an existing person with a score above the auto-link threshold (or already linked). */
    record Linked(long personId, double score) implements MatchResult {
    }

    /** Uncertain: queued for an operator. */
    record Queued(long reviewId) implements MatchResult {
    }

    /** Nobody like this is known yet: a new regional person was created and linked. */
    record NewPerson(long personId) implements MatchResult {
    }
}

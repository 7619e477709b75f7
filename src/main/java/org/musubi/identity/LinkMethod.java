package org.musubi.identity;

/** How a source patient came to be linked to a person. */
public enum LinkMethod {
    /** The patient's card was read or its number typed at the facility. */
    CARD,
    /** The matcher's score was above the auto-link threshold. */
    MATCH_AUTO,
    /** An operator confirmed a candidate from the review queue. */
    MATCH_REVIEW,
    /** An operator linked it by hand. */
    OPERATOR,
    /** A merge moved it from the merged person. */
    MERGE,
    /**
     * The resident's own source patient at the health notebook's facility, made when they first record something
     * (the person proved themself with card, birth date and registration code when they registered), or when a linked
     * facility's staff first enter their emergency sheet on their behalf (the person is the one the staff opened).
     */
    SELF_REGISTRATION,
    /**
     * A facility's source patient made when a member of the person's care team, acting for that facility, first enters
     * something in the team's workspace (the person is the one the team is for; the membership was granted from a
     * card-made link). It gives the facility no standing: standing comes only from a facility link made with the card.
     */
    CARE_TEAM
}

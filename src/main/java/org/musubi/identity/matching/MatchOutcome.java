package org.musubi.identity.matching;

import java.util.List;

/** What matching decided for a patient; candidates are always best first. */
public sealed interface MatchOutcome permits AutoLink, Review, NewPerson {

    List<Candidate> candidates();
}

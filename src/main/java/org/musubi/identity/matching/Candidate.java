package org.musubi.identity.matching;

import org.musubi.identity.Person;

/** A person the patient may be, with the score that says how likely. */
public record Candidate(Person person, MatchScore score) {
}

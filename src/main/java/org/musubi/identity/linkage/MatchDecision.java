package org.musubi.identity.linkage;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.musubi.identity.Person;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.AutoLink;
import org.musubi.identity.matching.Candidate;
import org.musubi.identity.matching.MatchOutcome;
import org.musubi.identity.matching.NewPerson;
import org.musubi.identity.matching.Review;

/**
 * What 名寄せ does with one source patient, given the matcher's outcome: link it, queue it for an
 * operator, or create a new person. One rule for the single and the batch path.
 */
sealed interface MatchDecision {

    /** Candidates shown to the operator in a review, best first. */
    int SHOWN = 10;

    /** The review reason when the matcher found nobody but a new person would lack name, sex or birth date. */
    String INCOMPLETE_DEMOGRAPHICS = "INCOMPLETE_DEMOGRAPHICS";

    SourcePatient source();

    /** Link to the best candidate, which the matcher found sure enough. */
    record Link(SourcePatient source, Candidate best) implements MatchDecision {
    }

    /** Queue for an operator with the best candidates and the reasons. */
    record Queue(SourcePatient source, List<Candidate> shown, Set<String> reasons) implements MatchDecision {

        public Queue {
            shown = shown.stream().limit(SHOWN).toList();
            reasons = Set.copyOf(reasons);
        }
    }

    /** Nobody resembles the patient: {@code person} is the new regional person made from it. */
    record Create(SourcePatient source, Person person) implements MatchDecision {
    }

    /**
     * The decision for an outcome; a new person only with kana name, sex and birth date known
     * (otherwise an operator decides). {@code regionalIds} gives a fresh regional ID for a new person.
     */
    static MatchDecision of(SourcePatient source, MatchOutcome outcome, Supplier<String> regionalIds) {
        return switch (outcome) {
            case AutoLink auto -> new Link(source, auto.best());
            case Review review -> new Queue(source, review.candidates(),
                    review.reasons().stream().map(Enum::name).collect(Collectors.toSet()));
            case NewPerson none -> NewPersons.complete(source)
                    ? new Create(source, NewPersons.of(regionalIds.get(), source))
                    : new Queue(source, none.candidates(), Set.of(INCOMPLETE_DEMOGRAPHICS));
        };
    }
}

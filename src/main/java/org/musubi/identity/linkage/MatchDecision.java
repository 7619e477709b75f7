package org.musubi.identity.linkage;

import java.util.LinkedHashSet;
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

    /**
     * The review reason before issue 65 when the matcher found nobody but a new person would lack name, sex or birth
     * date; reviews opened since say which ({@link #NO_KANA_NAME}, {@link #NO_NAME}, {@link #NO_SEX},
     * {@link #NO_BIRTH_DATE}). Still shown for reviews opened before.
     */
    String INCOMPLETE_DEMOGRAPHICS = "INCOMPLETE_DEMOGRAPHICS";
    /** Nobody resembles the patient, and it came with a kanji name but no kana name: an operator registers or links. */
    String NO_KANA_NAME = "NO_KANA_NAME";
    /** Nobody resembles the patient, and it came with no name at all: an operator links it, or the facility sends one. */
    String NO_NAME = "NO_NAME";
    /** Nobody resembles the patient, and it came without sex: an operator links it, or the facility sends it. */
    String NO_SEX = "NO_SEX";
    /** Nobody resembles the patient, and it came without birth date: an operator links it, or the facility sends it. */
    String NO_BIRTH_DATE = "NO_BIRTH_DATE";

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
     * The decision for an outcome; a new person only with a kana name (in two parts, or whole as sent), sex and birth
     * date known (otherwise an operator decides, told what is missing: {@link #missing}). {@code regionalIds} gives a
     * fresh regional ID for a new person.
     */
    static MatchDecision of(SourcePatient source, MatchOutcome outcome, Supplier<String> regionalIds) {
        return switch (outcome) {
            case AutoLink auto -> new Link(source, auto.best());
            case Review review -> new Queue(source, review.candidates(),
                    review.reasons().stream().map(Enum::name).collect(Collectors.toSet()));
            case NewPerson none -> NewPersons.complete(source)
                    ? new Create(source, NewPersons.of(regionalIds.get(), source))
                    : new Queue(source, none.candidates(), missing(source));
        };
    }

    /** What keeps a patient nobody resembles from becoming a new person by itself, as review reasons. */
    static Set<String> missing(SourcePatient source) {
        Set<String> reasons = new LinkedHashSet<>();
        if (NewPersons.blank(source.familyKana()) && NewPersons.blank(source.givenKana())) {
            reasons.add(NewPersons.blank(source.familyKanji()) && NewPersons.blank(source.givenKanji()) ? NO_NAME
                    : NO_KANA_NAME);
        }
        if (source.sex() == null) {
            reasons.add(NO_SEX);
        }
        if (source.birthDate() == null) {
            reasons.add(NO_BIRTH_DATE);
        }
        return reasons.isEmpty() ? Set.of(INCOMPLETE_DEMOGRAPHICS) : reasons;
    }
}

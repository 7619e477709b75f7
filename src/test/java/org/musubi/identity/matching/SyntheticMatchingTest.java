package org.musubi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.synth.SyntheticNetworkGenerator;

/**
 * Matching quality on generated persons with injected errors: each query is looked up through the
 * blocking keys, as the database will, and matched with the default weights and thresholds.
 * The sample size can be raised with {@code -Dmusubi.matching.sample=20000}.
 */
class SyntheticMatchingTest {

    private static final int SAMPLE = Integer.getInteger("musubi.matching.sample", 2_000);
    private static final SyntheticNetworkGenerator GENERATOR = new SyntheticNetworkGenerator();

    private final List<Person> persons = GENERATOR.persons(2026, SAMPLE, 34).toList();
    private final List<Person> donors = GENERATOR.persons(2027, SAMPLE, 34).toList();
    private final BlockingIndex index = new BlockingIndex(persons);
    private final Matcher matcher = new Matcher();

    @Test
    void autoLinksEveryExactDuplicateToItsPerson() {
        Tally tally = new Tally();
        persons.forEach(p -> tally.add(p, matcher.match(Demographics.of(p), index.candidates(Demographics.of(p)))));

        assertThat(tally.autoLinkRecall()).as(tally.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(tally.wrongLinks).as(tally.toString()).isZero();
    }

    /** A move with a new phone leaves only names and birth date, which is for an operator to confirm. */
    @Test
    void autoLinksCorruptedDuplicatesAndNeverTheWrongPerson() {
        Map<Corruptions.Kind, Tally> tallies = new EnumMap<>(Corruptions.Kind.class);
        Corruptions corruptions = new Corruptions(7);
        for (int i = 0; i < persons.size(); i++) {
            Demographics original = Demographics.of(persons.get(i));
            for (Corruptions.Kind kind : Corruptions.Kind.values()) {
                Demographics query = corruptions.apply(kind, original, donors.get(i));
                tallies.computeIfAbsent(kind, k -> new Tally()).add(persons.get(i), matcher.match(query, index.candidates(query)));
            }
        }
        Tally all = Tally.sum(tallies.values());

        assertThat(all.wrongLinks).as(tallies.toString()).isZero();
        assertThat(all.autoLinkRecall()).as(tallies.toString()).isGreaterThanOrEqualTo(0.95);
        tallies.forEach((kind, tally) -> {
            double recall = kind == Corruptions.Kind.MOVED ? tally.foundRecall() : tally.autoLinkRecall();
            assertThat(recall).as("%s %s", kind, tally).isGreaterThanOrEqualTo(0.95);
        });
    }

    @Test
    void neverAutoLinksTheWrongPersonWhenTwoErrorsMeet() {
        Tally tally = new Tally();
        Corruptions corruptions = new Corruptions(9);
        Corruptions.Kind[] kinds = Corruptions.Kind.values();
        for (int i = 0; i < persons.size(); i++) {
            Demographics query = Demographics.of(persons.get(i));
            query = corruptions.apply(kinds[i % kinds.length], query, donors.get(i));
            query = corruptions.apply(kinds[(i / kinds.length) % kinds.length], query, donors.get(i));
            tally.add(persons.get(i), matcher.match(query, index.candidates(query)));
        }

        assertThat(tally.wrongLinks).as(tally.toString()).isZero();
        assertThat(tally.autoLinkRecall()).as(tally.toString()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void neverAutoLinksAPersonWhoIsNotThere() {
        Tally tally = new Tally();
        Corruptions corruptions = new Corruptions(8);
        List<Person> strangers = GENERATOR.persons(2028, SAMPLE, 34).toList();
        for (int i = 0; i < strangers.size(); i++) {
            Corruptions.Kind kind = Corruptions.Kind.values()[i % Corruptions.Kind.values().length];
            Demographics query = corruptions.apply(kind, Demographics.of(strangers.get(i)), donors.get(i));
            tally.add(null, matcher.match(query, index.candidates(query)));
        }

        assertThat(tally.wrongLinks).as(tally.toString()).isZero();
    }

    /** Counts outcomes against the person a query truly belongs to ({@code null}: nobody indexed). */
    private static final class Tally {
        int queries;
        int autoLinked;
        int reviewed;
        int wrongLinks;
        int wrongReviews;

        void add(Person truth, MatchOutcome outcome) {
            queries++;
            switch (outcome) {
                case AutoLink link when link.best().person().equals(truth) -> autoLinked++;
                case AutoLink link -> wrongLinks++;
                case Review review when review.candidates().stream().anyMatch(c -> c.person().equals(truth)) -> reviewed++;
                case Review review -> wrongReviews++;
                case NewPerson newPerson -> { }
            }
        }

        double autoLinkRecall() {
            return (double) autoLinked / queries;
        }

        /** Linked automatically or put in front of an operator. */
        double foundRecall() {
            return (double) (autoLinked + reviewed) / queries;
        }

        static Tally sum(Iterable<Tally> tallies) {
            Tally sum = new Tally();
            for (Tally t : tallies) {
                sum.queries += t.queries;
                sum.autoLinked += t.autoLinked;
                sum.reviewed += t.reviewed;
                sum.wrongLinks += t.wrongLinks;
                sum.wrongReviews += t.wrongReviews;
            }
            return sum;
        }

        @Override
        public String toString() {
            return "%d queries: %d auto-linked, %d reviewed, %d wrong links, %d wrong reviews"
                    .formatted(queries, autoLinked, reviewed, wrongLinks, wrongReviews);
        }
    }
}

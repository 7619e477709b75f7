package org.musubi.identity.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.musubi.identity.Person;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;

/**
 * Decides who a patient is among candidate persons (already fetched by {@link BlockingKeys}):
 * scores each, best first, then links automatically only when the best reaches the auto-link
 * threshold, no {@linkplain AutoLinkSafety safety rule} objects and no runner-up (at or above the
 * review threshold) comes within {@value #CLEAR_LEAD} bits of it; otherwise sends the candidates at
 * or above the review threshold to an operator, or finds a new person.
 *
 * <p>One exact match counts as reaching the threshold though it scores below it ({@link #sameInsuredPerson}): names
 * (family and given), birth date and sex all exact, and the insured-person number on the same card — its 枝番 equal,
 * or missing on one side. A receipt (UKE) carries no phone nor address, so its names, birth date and sex with a card
 * sent without 枝番 reach about +34, under the +35 the threshold asks of contact evidence; but the only people who
 * share a card are its family members, and no two of them share full name, birth date and sex, so a card agreeing on
 * top of an exact name and birth date names one person. The safety rules and the runner-up rule apply as to any other
 * candidate. Names, birth date and sex alone (no number on either side, or another card) stay below: namesakes born on
 * the same day exist among millions.
 */
public final class Matcher {

    /** How far ahead of any reviewable runner-up the best must be to be linked automatically. */
    static final double CLEAR_LEAD = 10;

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble((Candidate c) -> c.score().total()).reversed()
            .thenComparing(c -> c.person().regionalId());

    private final MatchScorer scorer;
    private final MatchThresholds thresholds;

    public Matcher() {
        this(MatchWeights.defaults(), MatchThresholds.defaults());
    }

    public Matcher(MatchWeights weights, MatchThresholds thresholds) {
        this.scorer = new MatchScorer(weights);
        this.thresholds = thresholds;
    }

    public MatchOutcome match(Demographics query, List<Person> candidates) {
        return match(query, candidates, person -> Agreement.MISSING);
    }

    /**
     * As {@link #match(Demographics, List)}, with how the patient's insured number agrees with each candidate's
     * ({@link InsuredKeys#compare}).
     */
    public MatchOutcome match(Demographics query, List<Person> candidates, Function<Person, Agreement> insured) {
        NormalizedDemographics normalizedQuery = NormalizedDemographics.of(query);
        Set<String> seen = new HashSet<>();
        List<Candidate> scored = new ArrayList<>(candidates.size());
        for (Person person : candidates) {
            if (seen.add(person.regionalId())) {
                MatchScore score = scorer.score(normalizedQuery, NormalizedDemographics.of(Demographics.of(person)),
                        insured.apply(person));
                scored.add(new Candidate(person, score));
            }
        }
        scored.sort(BEST_FIRST);
        return decide(scored);
    }

    private MatchOutcome decide(List<Candidate> scored) {
        List<Candidate> reviewable = scored.stream()
                .filter(c -> c.score().total() >= thresholds.review()).toList();
        if (reviewable.isEmpty()) {
            return new NewPerson(scored);
        }
        Candidate best = reviewable.getFirst();
        if (best.score().total() < thresholds.autoLink() && !sameInsuredPerson(best.score())) {
            return new Review(reviewable, Set.of(ReviewReason.SCORE_BELOW_AUTO_LINK));
        }
        Set<ReviewReason> objections = AutoLinkSafety.objections(best.score());
        if (reviewable.size() > 1 && reviewable.get(1).score().total() > best.score().total() - CLEAR_LEAD) {
            objections.add(ReviewReason.CLOSE_RUNNER_UP);
        }
        return objections.isEmpty() ? new AutoLink(best, scored) : new Review(reviewable, objections);
    }

    /**
     * Whether the score is an exact match on the same insurance card: family and given name, birth date and sex exact,
     * and the insured-person number exact or on the same card with a 枝番 missing on one side ({@link Agreement#SAME_CARD}).
     */
    static boolean sameInsuredPerson(MatchScore score) {
        Agreement insured = score.level(MatchField.INSURED_NUMBER);
        return (insured == Agreement.EXACT || insured == Agreement.SAME_CARD)
                && score.level(MatchField.FAMILY_NAME) == Agreement.EXACT
                && score.level(MatchField.GIVEN_NAME) == Agreement.EXACT
                && score.level(MatchField.BIRTH_DATE) == Agreement.EXACT
                && score.level(MatchField.SEX) == Agreement.EXACT;
    }
}

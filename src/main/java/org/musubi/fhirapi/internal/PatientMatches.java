package org.musubi.fhirapi.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.matching.AutoLink;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Candidate;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.MatchOutcome;
import org.musubi.identity.matching.MatchThresholds;
import org.musubi.identity.matching.Matcher;
import org.musubi.identity.matching.NewPerson;
import org.musubi.identity.matching.Review;
import org.springframework.stereotype.Component;

/**
 * PDQm {@code $match} scoring: the same blocking and Fellegi–Sunter matcher as 名寄せ. A candidate at or
 * above the auto-link threshold is a {@code certain} match, one at or above the review threshold
 * {@code probable}; weaker ones are not returned. The score is 1 / (1 + 2^-(total − review threshold)):
 * 0.5 at the review threshold, above 0.99 at the auto-link threshold with the default weights.
 */
@Component
class PatientMatches {

    private static final int MAX_CANDIDATES = 500;
    private final IdentityStore identities;
    private final Matcher matcher = new Matcher();
    private final MatchThresholds thresholds = MatchThresholds.defaults();

    PatientMatches(IdentityStore identities) {
        this.identities = identities;
    }

    List<Scored> find(Demographics query, boolean onlyCertain, int limit) {
        List<RegisteredPerson> found = identities.candidates(BlockingKeys.of(query), MAX_CANDIDATES).stream()
                .filter(RegisteredPerson::active).toList();
        Map<String, Long> ids = found.stream().collect(Collectors.toMap(p -> p.person().regionalId(), RegisteredPerson::id));
        MatchOutcome outcome = matcher.match(query, found.stream().map(RegisteredPerson::person).toList());
        List<Candidate> candidates = switch (outcome) {
            case AutoLink a -> a.candidates();
            case Review r -> r.candidates();
            case NewPerson n -> n.candidates();
        };
        return candidates.stream()
                .filter(c -> c.score().total() >= (onlyCertain ? thresholds.autoLink() : thresholds.review()))
                .sorted((a, b) -> Double.compare(b.score().total(), a.score().total()))
                .limit(limit)
                .map(c -> new Scored(ids.get(c.person().regionalId()), score(c.score().total()),
                        c.score().total() >= thresholds.autoLink() ? "certain" : "probable"))
                .toList();
    }

    private double score(double total) {
        double s = 1 / (1 + Math.pow(2, -(total - thresholds.review())));
        return Math.round(s * 1000) / 1000.0;
    }

    record Scored(long personId, double score, String grade) {
    }
}

package org.musubi.fhirapi.match;

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
 * PDQm {@code $match} grading: the same blocking and Fellegi–Sunter matcher as 名寄せ, graded as 名寄せ would
 * decide. Only the candidate 名寄せ would link automatically (at or above the auto-link threshold, no safety rule
 * objecting, no close runner-up) is a {@code certain} match; every other candidate at or above the review
 * threshold is {@code probable} (a same-name relative, a twin, a spouse …); weaker ones are not returned. Scores
 * keep that order and never reach 1: certain matches score from 0.99 towards 0.9999, probable ones from 0.5
 * towards 0.99, each growing with the evidence (the total in bits) so that candidates stay ranked.
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
        Candidate certain = outcome instanceof AutoLink a ? a.best() : null;
        List<Candidate> candidates = switch (outcome) {
            case AutoLink a -> a.candidates();
            case Review r -> r.candidates();
            case NewPerson n -> n.candidates();
        };
        return candidates.stream()
                .filter(c -> c == certain || !onlyCertain && c.score().total() >= thresholds.review())
                .sorted((a, b) -> a == certain ? -1 : b == certain ? 1 : Double.compare(b.score().total(), a.score().total()))
                .limit(limit)
                .map(c -> new Scored(ids.get(c.person().regionalId()), score(c.score().total(), c == certain),
                        c == certain ? "certain" : "probable"))
                .toList();
    }

    /** 0.99 up to 0.9999 for the certain match, 0.5 up to 0.99 for probable ones; floored to four decimals. */
    private double score(double total, boolean certain) {
        double floor = certain ? thresholds.autoLink() : thresholds.review();
        double growth = 1 - Math.pow(2, -Math.max(0, total - floor) / 8);
        double s = certain ? 0.99 + 0.0099 * growth : 0.5 + 0.4899 * growth;
        return Math.floor(s * 10_000) / 10_000.0;
    }

    record Scored(long personId, double score, String grade) {
    }
}

package org.musubi.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.matching.AutoLink;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Candidate;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.MatchOutcome;
import org.musubi.identity.matching.Matcher;
import org.musubi.identity.matching.Review;

/**
 * 名寄せ for one source patient: candidates by blocking key, scored by the matcher; a sure match is
 * linked, an uncertain one queued for an operator, and a patient nobody resembles becomes a new
 * regional person (only with name, sex and birth date known; otherwise an operator decides).
 */
public final class MatchSourcePatient {

    static final int MAX_CANDIDATES = 500;
    private final IdentityStore store;
    private final MatchReviews reviews;
    private final Matcher matcher;
    private final Audit audit;

    public MatchSourcePatient(IdentityStore store, MatchReviews reviews, Matcher matcher, Audit audit) {
        this.store = store;
        this.reviews = reviews;
        this.matcher = matcher;
        this.audit = audit;
    }

    public MatchResult match(long userId, long sourcePatientId) {
        SourcePatient source = store.sourcePatient(sourcePatientId)
                .orElseThrow(() -> new IdentityConflict("identity.sourcePatient.unknown"));
        Long linked = store.personOf(sourcePatientId).orElse(null);
        if (linked != null) {
            return new MatchResult.Linked(linked, Double.NaN);
        }
        Demographics query = demographics(source);
        List<RegisteredPerson> found = store.candidates(BlockingKeys.of(query), MAX_CANDIDATES);
        Map<String, Long> ids = found.stream().collect(Collectors.toMap(p -> p.person().regionalId(), RegisteredPerson::id));
        MatchOutcome outcome = matcher.match(query, found.stream().map(RegisteredPerson::person).toList());
        return switch (outcome) {
            case AutoLink auto -> autoLink(userId, source, ids.get(auto.best().person().regionalId()), auto.best());
            case Review review -> queue(source, review.candidates(), ids,
                    review.reasons().stream().map(Enum::name).collect(Collectors.toSet()));
            case org.musubi.identity.matching.NewPerson none -> complete(source)
                    ? newPerson(userId, source) : queue(source, none.candidates(), ids, java.util.Set.of("INCOMPLETE_DEMOGRAPHICS"));
        };
    }

    private MatchResult autoLink(long userId, SourcePatient source, long personId, Candidate best) {
        String score = String.format(Locale.ROOT, "%.1f", best.score().total());
        store.link(source.id(), personId, LinkMethod.MATCH_AUTO, userId, "score " + score);
        audit.record(AuditEntry.of(AuditAction.IDENTITY_LINK, Outcome.PERMIT).on("SourcePatient", source.id())
                .patient(best.person().regionalId()).reason("MATCH_AUTO score " + score));
        return new MatchResult.Linked(personId, best.score().total());
    }

    private MatchResult queue(SourcePatient source, List<Candidate> candidates, Map<String, Long> ids,
                              java.util.Set<String> reasons) {
        List<MatchReviews.ReviewCandidate> shown = candidates.stream().limit(10)
                .map(c -> new MatchReviews.ReviewCandidate(ids.get(c.person().regionalId()), c.score().total(),
                        Breakdowns.of(c.score()))).toList();
        long reviewId = reviews.open(source.id(), shown, reasons);
        audit.record(AuditEntry.of(AuditAction.MATCH_REVIEW, Outcome.PERMIT).on("SourcePatient", source.id())
                .reason("queued as review " + reviewId + " " + reasons.stream().sorted().toList()));
        return new MatchResult.Queued(reviewId);
    }

    private MatchResult newPerson(long userId, SourcePatient source) {
        RegisteredPerson person = NewPersons.register(store, source);
        store.link(source.id(), person.id(), LinkMethod.MATCH_AUTO, userId, "new person");
        audit.record(AuditEntry.of(AuditAction.PERSON_CREATE, Outcome.PERMIT).on("SourcePatient", source.id())
                .patient(person.person().regionalId()).reason("no matching person"));
        return new MatchResult.NewPerson(person.id());
    }

    static boolean complete(SourcePatient s) {
        return s.familyKana() != null && s.givenKana() != null && s.sex() != null && s.birthDate() != null;
    }

    static Demographics demographics(SourcePatient s) {
        return new Demographics(s.familyKanji(), s.givenKanji(), s.familyKana(), s.givenKana(), s.sex(), s.birthDate(),
                s.postalCode(), s.address(), s.phone());
    }
}

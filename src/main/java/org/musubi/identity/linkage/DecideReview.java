package org.musubi.identity.linkage;

import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.link.LinkSourcePatient;

/**
 * An operator decides a queued match: link to a person, make a new person (also of a patient whose file has no kana
 * name, when its kanji name, sex and birth date are known), or dismiss.
 */
public final class DecideReview {

    private final IdentityStore store;
    private final MatchReviews reviews;
    private final LinkSourcePatient linking;
    private final Audit audit;
    private final MatchSourcePatient matching;

    public DecideReview(IdentityStore store, MatchReviews reviews, LinkSourcePatient linking, Audit audit,
                        MatchSourcePatient matching) {
        this.store = store;
        this.reviews = reviews;
        this.linking = linking;
        this.audit = audit;
        this.matching = matching;
    }

    public void linkTo(long userId, long reviewId, long personId) {
        MatchReviews.OpenReview review = openReview(reviewId);
        linking.link(userId, review.sourcePatient().id(), personId, LinkMethod.MATCH_REVIEW, "review " + reviewId);
        reviews.close(reviewId, "LINKED", personId, userId);
    }

    public long newPerson(long userId, long reviewId) {
        MatchReviews.OpenReview review = openReview(reviewId);
        if (!NewPersons.registrable(review.sourcePatient())) {
            throw new IdentityConflict("identity.review.incomplete");
        }
        RegisteredPerson person = NewPersons.register(store, review.sourcePatient());
        linking.link(userId, review.sourcePatient().id(), person.id(), LinkMethod.MATCH_REVIEW, "review " + reviewId);
        reviews.close(reviewId, "NEW_PERSON", person.id(), userId);
        audit.record(AuditEntry.of(AuditAction.PERSON_CREATE, Outcome.PERMIT).on("SourcePatient", review.sourcePatient().id())
                .patient(person.person().regionalId()).reason("review " + reviewId));
        matching.rematchWaitingFor(userId, List.of(person.person()));
        return person.id();
    }

    /** Whether the review's patient may be registered as a new person ({@link #newPerson}). */
    public boolean registrable(MatchReviews.OpenReview review) {
        return NewPersons.registrable(review.sourcePatient());
    }

    public void dismiss(long userId, long reviewId) {
        openReview(reviewId);
        reviews.close(reviewId, "DISMISSED", null, userId);
        audit.record(AuditEntry.of(AuditAction.MATCH_REVIEW, Outcome.PERMIT).on("MatchReview", reviewId).reason("dismissed"));
    }

    private MatchReviews.OpenReview openReview(long reviewId) {
        MatchReviews.OpenReview review = reviews.find(reviewId).orElseThrow(() -> new IdentityConflict("identity.review.unknown"));
        if (!"OPEN".equals(review.status())) {
            throw new IdentityConflict("identity.review.decided");
        }
        return review;
    }
}

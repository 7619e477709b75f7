package org.musubi.identity.linkage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.ReviewReason;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** The operators' queue of uncertain matches. */
public interface MatchReviews {

    /**
     * Every reason a review is opened for, as stored: the matcher's ({@link ReviewReason}: a candidate too uncertain to
     * link) and 名寄せ's own when nobody resembles the patient but it lacks what a new person needs ({@code NO_KANA_NAME},
     * {@code NO_NAME}, {@code NO_SEX}, {@code NO_BIRTH_DATE}; {@code INCOMPLETE_DEMOGRAPHICS} on reviews opened before
     * issue 65). The review pages say each in words ({@code code.reviewReason.*}) with what the operator can do about it
     * ({@code code.reviewReasonHelp.*}).
     */
    List<String> REASONS = Stream.concat(Stream.of(ReviewReason.values()).map(Enum::name),
            Stream.of(MatchDecision.NO_KANA_NAME, MatchDecision.NO_NAME, MatchDecision.NO_SEX, MatchDecision.NO_BIRTH_DATE,
                    MatchDecision.INCOMPLETE_DEMOGRAPHICS)).toList();

    /** Opens a review for a source patient (one open review per source patient); returns its id. */
    long open(long sourcePatientId, List<ReviewCandidate> candidates, Set<String> reasons);

    Optional<OpenReview> find(long reviewId);

    Page<OpenReview> open(PageRequest page);

    /** Closes an open review; returns false when it was already decided. */
    boolean close(long reviewId, String status, Long personId, long userId);

    /**
     * The open reviews of source patients without a kana name (family or given) born on {@code birthDate} with
     * {@code sex}: a person of that kanji name may have appeared since (by review id, their source patient's id).
     */
    Map<Long, Long> waitingWithoutKana(LocalDate birthDate, Sex sex);

    /**
     * Which of these source patients are linked to no person (their data is seen by no one but their facility): each
     * with its open review, if any (a dismissed one has none).
     */
    List<Waiting> waitingAmong(Collection<Long> sourcePatientIds);

    /** A source patient linked to no person, with its open review (null when none is open). */
    record Waiting(SourcePatient sourcePatient, Long reviewId) {
    }

    /** A candidate person with its score and per-field explanation (e.g. "BIRTH_DATE EXACT +14.8"). */
    record ReviewCandidate(long personId, double score, String breakdown) {
    }

    /** A review with what the operator needs to decide it. */
    record OpenReview(long id, SourcePatient sourcePatient, List<ReviewCandidate> candidates, Set<String> reasons,
                      String status) {

        public OpenReview {
            candidates = List.copyOf(candidates);
            reasons = Set.copyOf(reasons);
        }
    }
}

package org.musubi.identity.linkage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.identity.SourcePatient;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** The operators' queue of uncertain matches. */
public interface MatchReviews {

    /** Opens a review for a source patient (one open review per source patient); returns its id. */
    long open(long sourcePatientId, List<ReviewCandidate> candidates, Set<String> reasons);

    Optional<OpenReview> find(long reviewId);

    Page<OpenReview> open(PageRequest page);

    /** Closes an open review; returns false when it was already decided. */
    boolean close(long reviewId, String status, Long personId, long userId);

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

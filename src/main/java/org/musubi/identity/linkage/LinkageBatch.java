package org.musubi.identity.linkage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.identity.Person;

/**
 * A batch's 名寄せ decisions, ready to write: new persons, links of source patients to persons (new
 * or known, by regional ID) and reviews with their candidates.
 */
public record LinkageBatch(List<Person> newPersons, List<Link> links, List<Review> reviews) {

    public LinkageBatch {
        newPersons = List.copyOf(newPersons);
        links = List.copyOf(links);
        reviews = List.copyOf(reviews);
    }

    /** Link a source patient to the person with this regional ID, for the reason given (e.g. "score 41.3"). */
    public record Link(long sourcePatientId, String regionalId, String reason) {
    }

    /** Open (or refresh) the review of a source patient. */
    public record Review(long sourcePatientId, List<Shown> candidates, Set<String> reasons) {

        public Review {
            candidates = List.copyOf(candidates);
            reasons = Set.copyOf(reasons);
        }
    }

    /** A candidate shown in a review: the person's regional ID, score and per-field explanation. */
    public record Shown(String regionalId, double score, String breakdown) {
    }

    /** What writing assigned: the ids of the new persons (by regional ID) and of the reviews (by source patient). */
    public record Written(Map<String, Long> personIds, Map<Long, Long> reviewIds) {

        public Written {
            personIds = Map.copyOf(personIds);
            reviewIds = Map.copyOf(reviewIds);
        }
    }
}

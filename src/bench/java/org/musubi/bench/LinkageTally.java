package org.musubi.bench;

import org.musubi.identity.matching.AutoLink;
import org.musubi.identity.matching.MatchOutcome;
import org.musubi.identity.matching.NewPerson;
import org.musubi.identity.matching.Review;

/**
 * Outcomes of matching source records, counted against the ground truth: the regional ID of the
 * person a record truly belongs to, or {@code null} when that person is not in the population.
 * <ul>
 * <li>Auto-links: a true positive is a link to the true person; any other link is a false
 *     positive; a record of a person in the population that is not linked to them is a false
 *     negative. Precision = TP / auto-links, recall = TP / records of persons in the population.
 * <li>Auto-links + review queue: a review is correct when the true person is among its
 *     candidates; a review of anyone else (or of a new patient) is a false positive.
 *     Precision = (correct links + correct reviews) / (links + reviews), recall = the same
 *     numerator / records of persons in the population.
 * </ul>
 */
final class LinkageTally {

    long records;
    long known;
    long linkedRight;
    long linkedWrong;
    long reviewedRight;
    long reviewedWrong;
    long newPersons;
    /** New persons made from records whose person is in the population (missed links). */
    long newPersonsKnown;

    void add(String truth, MatchOutcome outcome) {
        boolean known = truth != null;
        switch (outcome) {
            case AutoLink link -> linked(known, link.best().person().regionalId().equals(truth));
            case Review review -> reviewed(known,
                    known && review.candidates().stream().anyMatch(c -> c.person().regionalId().equals(truth)));
            case NewPerson newPerson -> created(known);
        }
    }

    /** An auto-link of a record whose person is ({@code known}) or is not in the population; {@code right} if to that person. */
    void linked(boolean known, boolean right) {
        count(known);
        if (right) {
            linkedRight++;
        } else {
            linkedWrong++;
        }
    }

    /** A review; {@code right} if the record's person is among its candidates. */
    void reviewed(boolean known, boolean right) {
        count(known);
        if (right) {
            reviewedRight++;
        } else {
            reviewedWrong++;
        }
    }

    void created(boolean known) {
        count(known);
        newPersons++;
        if (known) {
            newPersonsKnown++;
        }
    }

    private void count(boolean known) {
        records++;
        if (known) {
            this.known++;
        }
    }

    void addAll(LinkageTally other) {
        records += other.records;
        known += other.known;
        linkedRight += other.linkedRight;
        linkedWrong += other.linkedWrong;
        reviewedRight += other.reviewedRight;
        reviewedWrong += other.reviewedWrong;
        newPersons += other.newPersons;
        newPersonsKnown += other.newPersonsKnown;
    }

    long autoLinks() {
        return linkedRight + linkedWrong;
    }

    long reviews() {
        return reviewedRight + reviewedWrong;
    }

    /** Records of persons in the population that were neither linked to them nor put before an operator with them. */
    long missed() {
        return known - linkedRight - reviewedRight;
    }

    double autoLinkPrecision() {
        return ratio(linkedRight, autoLinks());
    }

    double autoLinkRecall() {
        return ratio(linkedRight, known);
    }

    double autoLinkF1() {
        return f1(autoLinkPrecision(), autoLinkRecall());
    }

    double foundPrecision() {
        return ratio(linkedRight + reviewedRight, autoLinks() + reviews());
    }

    double foundRecall() {
        return ratio(linkedRight + reviewedRight, known);
    }

    double foundF1() {
        return f1(foundPrecision(), foundRecall());
    }

    /** Share of reviews that hold the true person. */
    double reviewPrecision() {
        return ratio(reviewedRight, reviews());
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}

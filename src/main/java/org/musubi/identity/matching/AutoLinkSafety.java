package org.musubi.identity.matching;

import java.util.EnumSet;
import java.util.Set;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;

/**
 * Rules that keep a candidate from being linked automatically whatever its score, because the
 * pairs they catch are where false merges come from: a parent and child or two siblings share
 * surname, address and phone (birth date disagrees); spouses share the same and sometimes a
 * birthday (sex disagrees); twins share everything but the given name; family members share the insurance card and
 * differ in its 枝番. Such a candidate goes to
 * review instead.
 */
final class AutoLinkSafety {

    private AutoLinkSafety() {
    }

    /** The safety rules the score breaks, as a new modifiable set; empty when it may be linked automatically. */
    public static Set<ReviewReason> objections(MatchScore score) {
        Set<ReviewReason> reasons = EnumSet.noneOf(ReviewReason.class);
        if (score.level(MatchField.BIRTH_DATE) == Agreement.DISAGREE) {
            reasons.add(ReviewReason.BIRTH_DATE_DISAGREES);
        }
        if (score.level(MatchField.SEX) == Agreement.DISAGREE) {
            reasons.add(ReviewReason.SEX_DISAGREES);
        }
        if (score.level(MatchField.INSURED_NUMBER) == Agreement.FAMILY_MEMBER) {
            reasons.add(ReviewReason.INSURED_FAMILY_MEMBER);
        }
        boolean givenDisagrees = score.level(MatchField.GIVEN_NAME) == Agreement.DISAGREE;
        if (givenDisagrees && score.level(MatchField.FAMILY_NAME) == Agreement.DISAGREE) {
            reasons.add(ReviewReason.NAMES_DISAGREE);
        } else if (givenDisagrees) {
            reasons.add(ReviewReason.GIVEN_NAME_DISAGREES);
        }
        return reasons;
    }
}

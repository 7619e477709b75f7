package org.musubi.identity.matching;

/**
 * Score thresholds in bits: at or above {@code autoLink} a candidate is linked automatically
 * (unless {@link AutoLinkSafety} objects or a runner-up comes close), at or above {@code review}
 * it goes to an operator, below it the patient is a new person.
 */
public record MatchThresholds(double autoLink, double review) {

    public MatchThresholds {
        if (!Double.isFinite(autoLink) || !Double.isFinite(review) || review > autoLink) {
            throw new IllegalArgumentException("need finite thresholds with review ≤ autoLink: " + review + ", " + autoLink);
        }
    }

    /**
     * Auto-link at 35 bits, review from 15. False merges are the dangerous error, so auto-link sits
     * above what names, birth date and sex reach alone (+29.8) plus weak contact evidence (same town
     * +3.3, same post-office area +0.7): two people with the same name and birthday are rare but
     * real among millions, so one strong contact detail (full postal code, phone, or the address)
     * must corroborate. Review starts above an unrelated person who shares surname, birth date, sex
     * and post-office area (about +13); a woman who married and moved and changed her phone
     * (about +12) is then a new person, indistinguishable from a stranger with her given name and
     * birthday.
     */
    public static MatchThresholds defaults() {
        return new MatchThresholds(35, 15);
    }
}

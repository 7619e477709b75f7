package org.musubi.identity.matching;

import java.util.ArrayList;
import java.util.List;
import org.musubi.identity.matching.compare.AddressComparator;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.BirthDateComparator;
import org.musubi.identity.matching.compare.MatchField;
import org.musubi.identity.matching.compare.NameComparator;
import org.musubi.identity.matching.compare.PhoneComparator;
import org.musubi.identity.matching.compare.PostalCodeComparator;
import org.musubi.identity.matching.compare.SexComparator;
import org.musubi.identity.matching.compare.WholeNames;

/**
 * Scores a pair of patients field by field with Fellegi–Sunter weights, keeping the breakdown. A name that came in one
 * piece (a family name and no given name) is first lined up with the other side's parts ({@link WholeNames}), in kana
 * and in kanji, so that a whole name agrees with the same name in two parts.
 */
final class MatchScorer {

    private final MatchWeights weights;

    public MatchScorer(MatchWeights weights) {
        this.weights = weights;
    }

    public MatchScore score(Demographics a, Demographics b) {
        return score(NormalizedDemographics.of(a), NormalizedDemographics.of(b));
    }

    MatchScore score(NormalizedDemographics a, NormalizedDemographics b) {
        return score(a, b, Agreement.MISSING);
    }

    /** With how the insured numbers agree ({@link InsuredKeys#compare}); listed in the breakdown only when known. */
    MatchScore score(NormalizedDemographics a, NormalizedDemographics b, Agreement insured) {
        List<FieldScore> breakdown = new ArrayList<>(MatchField.values().length);
        WholeNames.Aligned kana = WholeNames.align(a.familyKana(), a.givenKana(), b.familyKana(), b.givenKana());
        WholeNames.Aligned kanji = WholeNames.align(a.familyKanji(), a.givenKanji(), b.familyKanji(), b.givenKanji());
        Agreement family = NameComparator.compareNormalized(kanji.familyA(), kana.familyA(), kanji.familyB(), kana.familyB());
        breakdown.add(new FieldScore(MatchField.FAMILY_NAME.name(), family.name(),
                weights.familyNameWeight(family, kana.familyA())));
        add(breakdown, MatchField.GIVEN_NAME,
                NameComparator.compareNormalized(kanji.givenA(), kana.givenA(), kanji.givenB(), kana.givenB()));
        add(breakdown, MatchField.BIRTH_DATE, BirthDateComparator.compare(a.birthDate(), b.birthDate()));
        add(breakdown, MatchField.SEX, SexComparator.compare(a.sex(), b.sex()));
        add(breakdown, MatchField.PHONE, PhoneComparator.compareDigits(a.phone(), b.phone()));
        add(breakdown, MatchField.POSTAL_CODE, PostalCodeComparator.compareDigits(a.postalCode(), b.postalCode()));
        add(breakdown, MatchField.ADDRESS, AddressComparator.compareNormalized(a.address(), b.address()));
        if (insured != Agreement.MISSING) {
            add(breakdown, MatchField.INSURED_NUMBER, insured);
        }
        double total = 0;
        for (FieldScore field : breakdown) {
            total += field.weight();
        }
        return new MatchScore(total, breakdown);
    }

    private void add(List<FieldScore> breakdown, MatchField field, Agreement level) {
        breakdown.add(new FieldScore(field.name(), level.name(), weights.weight(field, level)));
    }
}

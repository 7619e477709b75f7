package org.musubi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;

class MatchWeightsTest {

    private static final MatchWeights SEX_ONLY = new MatchWeights(Map.of(
            MatchField.SEX, Map.of(Agreement.EXACT, new Probabilities(0.99, 0.5))));

    @Test
    void weighsAgreementAsLog2OfMOverU() {
        assertThat(SEX_ONLY.weight(MatchField.SEX, Agreement.EXACT)).isCloseTo(Math.log(0.99 / 0.5) / Math.log(2), within(1e-12));
    }

    @Test
    void weighsDisagreementAsLog2OfOneMinusMOverOneMinusU() {
        assertThat(SEX_ONLY.weight(MatchField.SEX, Agreement.DISAGREE)).isCloseTo(Math.log(0.01 / 0.5) / Math.log(2), within(1e-12));
    }

    @Test
    void weighsMissingValuesAndUnlistedFieldsZero() {
        assertThat(SEX_ONLY.weight(MatchField.SEX, Agreement.MISSING)).isZero();
        assertThat(SEX_ONLY.weight(MatchField.PHONE, Agreement.EXACT)).isZero();
    }

    @Test
    void defaultsGiveBirthDateTheStrongestAndSexTheWeakestAgreement() {
        MatchWeights weights = MatchWeights.defaults();

        assertThat(weights.weight(MatchField.BIRTH_DATE, Agreement.EXACT)).isCloseTo(14.8, within(0.1));
        assertThat(weights.weight(MatchField.SEX, Agreement.EXACT)).isCloseTo(0.98, within(0.01));
        assertThat(weights.weight(MatchField.FAMILY_NAME, Agreement.EXACT)).isCloseTo(6.44, within(0.01));
        assertThat(weights.weight(MatchField.BIRTH_DATE, Agreement.DISAGREE)).isNegative();
    }

    @Test
    void usesASurnamesFrequencyForExactAgreementWhenKnown() {
        MatchWeights weights = MatchWeights.defaults().withSurnameFrequencies(Map.of("さとう", 0.015, "ツルミ", 1e-9));

        assertThat(weights.familyNameWeight(Agreement.EXACT, "サトウ")).isCloseTo(Math.log(0.87 / 0.015) / Math.log(2), within(1e-9));
        assertThat(weights.familyNameWeight(Agreement.EXACT, "ツルミ")).isCloseTo(Math.log(0.87 / 1e-5) / Math.log(2), within(1e-9));
        assertThat(weights.familyNameWeight(Agreement.EXACT, "タナカ")).isCloseTo(6.44, within(0.01));
        assertThat(weights.familyNameWeight(Agreement.DISAGREE, "サトウ")).isEqualTo(weights.weight(MatchField.FAMILY_NAME, Agreement.DISAGREE));
    }

    @Test
    void rejectsImpossibleTables() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Probabilities(1, 0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new MatchWeights(Map.of(MatchField.SEX,
                Map.of(Agreement.DISAGREE, new Probabilities(0.01, 0.5)))));
        assertThatIllegalArgumentException().isThrownBy(() -> new MatchWeights(Map.of(MatchField.PHONE, Map.of(
                Agreement.EXACT, new Probabilities(0.7, 0.1), Agreement.LAST_8_DIGITS, new Probabilities(0.4, 0.1)))));
    }
}

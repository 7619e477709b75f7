package org.musubi.record.fhir.observation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reference range reads the same whatever dash, tilde or width the sender wrote it with, and keeps its meaning. */
class ReferenceRangeTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "4.6-6.2|4.6–6.2",
            "4.6–6.2|4.6–6.2",
            "4.6～6.2|4.6–6.2",
            "4.6〜6.2|4.6–6.2",
            "4.6 ~ 6.2|4.6–6.2",
            "４．６－６．２|4.6–6.2",
            "4.6−6.2|4.6–6.2",
            "-2.0-2.0|-2.0–2.0",
            "5.0以下|≤ 5.0",
            "<=5.0|≤ 5.0",
            "≦5.0|≤ 5.0",
            "5未満|< 5",
            "＜5|< 5",
            "40以上|≥ 40",
            ">=40|≥ 40",
            "40超|> 40",
            ">40|> 40",
            "男 13.5-17.5 女 11.5～15.0|男 13.5–17.5 女 11.5–15.0",
            "陰性|陰性"})
    void writesTheSendersWordsInTheOneFormat(String written, String shown) {
        assertThat(ReferenceRangeText.of(written, null, null)).isEqualTo(shown);
    }

    @Test
    void writesBoundsWithoutTextAsInclusive() {
        assertThat(ReferenceRangeText.of(null, "4.6", "6.2")).isEqualTo("4.6–6.2");
        assertThat(ReferenceRangeText.of(null, "40", null)).isEqualTo("≥ 40");
        assertThat(ReferenceRangeText.of(" ", null, "149")).isEqualTo("≤ 149");
        assertThat(ReferenceRangeText.of(null, null, null)).isNull();
    }

    @Test
    void theSendersTextWinsOverItsBoundsSoAnExclusiveBoundStaysExclusive() {
        assertThat(ReferenceRangeText.of("5未満", null, "5")).isEqualTo("< 5");
        assertThat(ReferenceRangeText.of("3.7～5.5", "3.7", "5.5")).isEqualTo("3.7–5.5");
    }

    @Test
    void readsAStoredObservationsFirstRangeWithItsDecimalsAsWritten() {
        assertThat(ReferenceRangeText.ofObservation(ObservationValue.tree("""
                {"resourceType":"Observation","referenceRange":[{"low":{"value":4.60},"high":{"value":6.2}}]}""")))
                .isEqualTo("4.60–6.2");
        assertThat(ReferenceRangeText.ofObservation(ObservationValue.tree("""
                {"resourceType":"Observation","referenceRange":[{"text":"70-139","low":{"value":70}}]}""")))
                .isEqualTo("70–139");
        assertThat(ReferenceRangeText.ofObservation(ObservationValue.tree("{\"resourceType\":\"Observation\"}")))
                .isNull();
    }
}

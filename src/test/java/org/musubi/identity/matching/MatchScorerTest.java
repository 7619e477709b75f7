package org.musubi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;

class MatchScorerTest {

    private final MatchScorer scorer = new MatchScorer(MatchWeights.defaults());

    @Test
    void ranksExactDuplicateFarAboveTypoFarAboveAStrangerBornTheSameDay() {
        Demographics sato = Patients.satoHiroshi();
        Demographics typo = new Demographics("佐藤", "博", "ｻﾄｳ", "ヒロツ", sato.sex(), LocalDate.of(1945, 12, 3),
                "730-0011", "広島市中区若葉町1-2-3", "082-211-4455");

        double duplicate = scorer.score(sato, sato).total();
        double typoScore = scorer.score(sato, typo).total();
        double stranger = scorer.score(sato, Patients.suzukiMinoru()).total();

        assertThat(duplicate).isGreaterThan(typoScore + 10);
        assertThat(typoScore).isGreaterThan(stranger + 30);
        assertThat(stranger).isLessThan(MatchThresholds.defaults().review());
    }

    @Test
    void explainsEveryFieldWithItsLevelAndWeight() {
        Demographics sato = Patients.satoHiroshi();
        Demographics moved = new Demographics("佐藤", "博", "サトウ", "ヒロシ", sato.sex(), sato.birthDate(),
                "737-0051", "広島県呉市中央3丁目8番2号", null);

        MatchScore score = scorer.score(sato, moved);

        assertThat(score.breakdown()).extracting(FieldScore::field).containsExactly(
                "FAMILY_NAME", "GIVEN_NAME", "BIRTH_DATE", "SEX", "PHONE", "POSTAL_CODE", "ADDRESS");
        assertThat(score.breakdown()).extracting(FieldScore::level).containsExactly(
                "EXACT", "EXACT", "EXACT", "EXACT", "MISSING", "DISAGREE", "DISAGREE");
        assertThat(score.breakdown().get(4).weight()).isZero();
        assertThat(score.breakdown().get(5).weight()).isNegative();
        assertThat(score.total()).isCloseTo(score.breakdown().stream().mapToDouble(FieldScore::weight).sum(), within(1e-9));
        assertThat(score.level(MatchField.POSTAL_CODE)).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void anExactDuplicateScoresAboutSixtyBitsAndNamesWithBirthDateAboutThirty() {
        Demographics sato = Patients.satoHiroshi();
        Demographics bare = Patients.withoutContact(sato);

        assertThat(scorer.score(sato, sato).total()).isCloseTo(62.3, within(0.1));
        assertThat(scorer.score(sato, bare).total()).isCloseTo(29.8, within(0.1));
    }
}

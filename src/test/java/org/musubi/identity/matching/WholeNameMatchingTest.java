package org.musubi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;
import org.musubi.identity.matching.compare.WholeNames;

/**
 * Issue 65: a kana name sent without a separator (サトウヒロシ, as many receipt computers write it), which the import
 * could not split and kept whole as the family name, is a name: it scores as the same name in two parts, meets its
 * person by the same blocking keys, and still tells twins apart.
 */
class WholeNameMatchingTest {

    private final MatchScorer scorer = new MatchScorer(MatchWeights.defaults());
    private final Person sato = Patients.person(1, Patients.satoHiroshi());

    /** Sato Hiroshi as a receipt names him: kanji split, kana whole, no phone nor address. */
    private static Demographics receipt(String kana) {
        return receipt("博", kana);
    }

    private static Demographics receipt(String givenKanji, String kana) {
        return new Demographics("佐藤", givenKanji, kana, null, Sex.MALE, LocalDate.of(1945, 3, 12), null, null, null);
    }

    @Test
    void aWholeKanaNameAgreesWithTheSameNameInTwoPartsFieldByField() {
        MatchScore whole = scorer.score(receipt("サトウヒロシ"), Patients.withoutContact(Patients.satoHiroshi()));
        MatchScore split = scorer.score(Patients.withoutContact(Patients.satoHiroshi()),
                Patients.withoutContact(Patients.satoHiroshi()));

        assertThat(whole.level(MatchField.FAMILY_NAME)).isEqualTo(Agreement.EXACT);
        assertThat(whole.level(MatchField.GIVEN_NAME)).isEqualTo(Agreement.EXACT);
        assertThat(whole.total()).isEqualTo(split.total());
        assertThat(scorer.score(Patients.withoutContact(Patients.satoHiroshi()), receipt("ｻﾄｳﾋﾛｼ")).total())
                .as("either side, half-width too").isEqualTo(split.total());
    }

    @Test
    void aWholeNameStillTellsTwinsAndMarriedNamesApart() {
        MatchScore twin = scorer.score(receipt("武", "サトウタケシ"), Patients.satoHiroshi());
        MatchScore married = scorer.score(
                new Demographics("田中", "博", "タナカヒロシ", null, Sex.MALE, LocalDate.of(1945, 3, 12), null, null, null),
                Patients.satoHiroshi());
        MatchScore stranger = scorer.score(
                new Demographics("鈴木", "実", "スズキミノル", null, Sex.MALE, LocalDate.of(1945, 3, 12), null, null, null),
                Patients.satoHiroshi());

        assertThat(twin.level(MatchField.FAMILY_NAME)).isEqualTo(Agreement.EXACT);
        assertThat(twin.level(MatchField.GIVEN_NAME)).isEqualTo(Agreement.DISAGREE);
        assertThat(married.level(MatchField.FAMILY_NAME)).isEqualTo(Agreement.DISAGREE);
        assertThat(married.level(MatchField.GIVEN_NAME)).isEqualTo(Agreement.EXACT);
        assertThat(stranger.level(MatchField.FAMILY_NAME)).isEqualTo(Agreement.DISAGREE);
        assertThat(stranger.level(MatchField.GIVEN_NAME)).as("judged by the kanji given names").isEqualTo(Agreement.DISAGREE);
        assertThat(new Matcher().match(receipt("博", "サトウタケシ"), List.of(Patients.person(1, Patients.satoTakeshi()))))
                .as("the kanji agree, the readings do not").isInstanceOf(Review.class);
    }

    @Test
    void twoEqualWholeNamesAgreeAsAWholeNameAndTwoDifferentOnesDisagree() {
        Demographics person = new Demographics("佐藤博", null, "サトウヒロシ", null, Sex.MALE, LocalDate.of(1945, 3, 12),
                null, null, null);

        MatchScore same = scorer.score(new Demographics(null, null, "サトウヒロシ", null, Sex.MALE,
                LocalDate.of(1945, 3, 12), null, null, null), person);
        MatchScore other = scorer.score(new Demographics(null, null, "サトウタケシ", null, Sex.MALE,
                LocalDate.of(1945, 3, 12), null, null, null), person);

        assertThat(same.level(MatchField.FAMILY_NAME)).isEqualTo(Agreement.EXACT);
        assertThat(same.level(MatchField.GIVEN_NAME)).isEqualTo(Agreement.EXACT);
        assertThat(other.level(MatchField.FAMILY_NAME)).isEqualTo(Agreement.DISAGREE);
        assertThat(other.level(MatchField.GIVEN_NAME)).isEqualTo(Agreement.MISSING);
    }

    @Test
    void aWholeNameSharesTheFullNameBlockingKeysOfTheNameInTwoParts() {
        assertThat(BlockingKeys.query(receipt("サトウヒロシ")))
                .contains("N1945サトウヒロシ", "M0312サトウヒロシ", "D19450312サ");
        assertThat(BlockingKeys.stored(Demographics.of(sato))).contains("N1945サトウヒロシ", "M0312サトウヒロシ");
    }

    @Test
    void linesUpAWholeNameByTheOthersPartsOrLeavesItWhole() {
        assertThat(WholeNames.align("ヤマダハナコ", "", "ヤマダ", "ハナコ"))
                .isEqualTo(new WholeNames.Aligned("ヤマダ", "ハナコ", "ヤマダ", "ハナコ"));
        assertThat(WholeNames.align("ヤマダ", "ハナユ", "ヤマダハナコ", null))
                .isEqualTo(new WholeNames.Aligned("ヤマダ", "ハナユ", "ヤマダ", "ハナコ"));
        assertThat(WholeNames.align("スズキハナコ", "", "ヤマダ", "ハナコ"))
                .isEqualTo(new WholeNames.Aligned("スズキ", "ハナコ", "ヤマダ", "ハナコ"));
        assertThat(WholeNames.align("タナカイチロウ", "", "ヤマダ", "ハナコ"))
                .isEqualTo(new WholeNames.Aligned("タナカイチロウ", "", "ヤマダハナコ", ""));
        assertThat(WholeNames.align("ヤマダ", "ハナコ", "ヤマダ", "タロウ"))
                .as("two names in two parts: as they are").isEqualTo(new WholeNames.Aligned("ヤマダ", "ハナコ", "ヤマダ", "タロウ"));
        assertThat(WholeNames.align("", "", "ヤマダ", "ハナコ")).isEqualTo(new WholeNames.Aligned("", "", "ヤマダ", "ハナコ"));
    }
}

package org.musubi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.identity.matching.compare.Agreement;

class InsuredNumberTest {

    /** A stand-in for the keyed hash (the application's is an HMAC under the operator's secret key). */
    static final InsuredKeys KEYS = new InsuredKeys(text -> {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("test pepper\n" + text).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    @Test
    void readsTheJpClinsFormAndWritesOneKey() {
        InsuredNumber number = InsuredNumber.parse("06139999:あいう:187:05").orElseThrow();

        assertThat(number).isEqualTo(new InsuredNumber("06139999", "あいう", "187", "05"));
        assertThat(number.key()).isEqualTo("06139999|あいう|187|05");
        assertThat(number.cardKey()).isEqualTo("06139999|あいう|187");
    }

    @Test
    void fullWidthDigitsHyphensAndSpacesGiveTheSameKey() {
        InsuredNumber typed = InsuredNumber.of("０６１３９９９９", " 記号１２－３ ", "４５６‐７８　", "５").orElseThrow();
        InsuredNumber printed = InsuredNumber.parse("06139999:記号12-3:4567 8:05").orElseThrow();

        assertThat(typed.key()).isEqualTo("06139999|記号123|45678|05").isEqualTo(printed.key());
    }

    @Test
    void keepsKanjiAndKanaOfTheSymbolAndMakesHalfWidthKanaAndLatinLettersOneForm() {
        assertThat(InsuredNumber.of("01130012", "ｱｲｳ愛", "ab1", "01").orElseThrow().key())
                .isEqualTo("01130012|アイウ愛|AB1|01");
    }

    @Test
    void aSixDigitInsurerNumberGetsTwoLeadingZerosAsJpClinsWritesIt() {
        assertThat(InsuredNumber.of("138016", "", "1234567", null).orElseThrow().key())
                .isEqualTo("00138016||1234567|");
        assertThat(InsuredNumber.parse("00138016::1234567:").orElseThrow())
                .isEqualTo(InsuredNumber.of("１３８０１６", null, "1234567", "").orElseThrow());
    }

    @Test
    void theBranchNumberIsOptional() {
        InsuredNumber withoutColon = InsuredNumber.parse("06139999:あいう:187").orElseThrow();

        assertThat(withoutColon.branch()).isNull();
        assertThat(withoutColon.key()).isEqualTo("06139999|あいう|187|");
    }

    @Test
    void isNoNumberWhenAPartIsMalformed() {
        assertThat(InsuredNumber.parse("0613999:あいう:187:05")).as("7-digit insurer").isEmpty();
        assertThat(InsuredNumber.parse("06139999:あいう::05")).as("no 番号").isEmpty();
        assertThat(InsuredNumber.parse("06139999:あいう:187:123")).as("3-digit 枝番").isEmpty();
        assertThat(InsuredNumber.parse("06139999:あいう:187:0A")).as("letter in 枝番").isEmpty();
        assertThat(InsuredNumber.parse("06139999|あいう|187|05")).as("not the colon form").isEmpty();
        assertThat(InsuredNumber.parse(null)).isEmpty();
    }

    @Test
    void keysAreHashesThatHoldNoPartOfTheNumber() {
        InsuredKeys.Key key = KEYS.of(InsuredNumber.parse("06139999:あいう:187:05").orElseThrow());

        assertThat(key.card()).doesNotContain("06139999").doesNotContain("187").hasSizeGreaterThan(40);
        assertThat(key.member()).isNotEqualTo(key.card());
        assertThat(key.blockingKey()).isEqualTo("H" + key.card());
        assertThat(KEYS.of(InsuredNumber.parse("06139999:あいう:187").orElseThrow()))
                .isEqualTo(new InsuredKeys.Key(key.card(), null));
    }

    @Test
    void comparesTheSamePersonTheFamilyAndTheCardWithoutBranch() {
        InsuredKeys.Key mother = key("06139999:あいう:187:01");
        InsuredKeys.Key child = key("06139999:あいう:187:02");
        InsuredKeys.Key card = key("06139999:あいう:187");
        InsuredKeys.Key other = key("06139999:あいう:188:01");

        assertThat(InsuredKeys.compare(mother, List.of(key("０６１３９９９９:あいう:１８７:1")))).isEqualTo(Agreement.EXACT);
        assertThat(InsuredKeys.compare(child, List.of(mother))).isEqualTo(Agreement.FAMILY_MEMBER);
        assertThat(InsuredKeys.compare(card, List.of(mother))).isEqualTo(Agreement.SAME_CARD);
        assertThat(InsuredKeys.compare(mother, List.of(card))).isEqualTo(Agreement.SAME_CARD);
        assertThat(InsuredKeys.compare(child, List.of(card, mother))).as("another 枝番 outweighs a card without one")
                .isEqualTo(Agreement.FAMILY_MEMBER);
        assertThat(InsuredKeys.compare(mother, List.of(child, mother))).isEqualTo(Agreement.EXACT);
        assertThat(InsuredKeys.compare(mother, List.of(other))).isEqualTo(Agreement.DISAGREE);
        assertThat(InsuredKeys.compare(mother, List.of())).isEqualTo(Agreement.MISSING);
        assertThat(InsuredKeys.compare(null, List.of(mother))).isEqualTo(Agreement.MISSING);
    }

    static InsuredKeys.Key key(String number) {
        return KEYS.of(InsuredNumber.parse(number).orElseThrow());
    }
}

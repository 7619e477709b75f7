package org.musubi.identity.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {

    @Test
    void givesTheClassicTextbookValues() {
        assertThat(JaroWinkler.similarity("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.001));
        assertThat(JaroWinkler.similarity("DWAYNE", "DUANE")).isCloseTo(0.84, within(0.001));
        assertThat(JaroWinkler.similarity("DIXON", "DICKSONX")).isCloseTo(0.813, within(0.001));
    }

    @Test
    void isOneForEqualAndZeroForNothingInCommon() {
        assertThat(JaroWinkler.similarity("サトウ", "サトウ")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("サトウ", "ミキ")).isZero();
        assertThat(JaroWinkler.similarity("", "サトウ")).isZero();
        assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
    }

    @Test
    void isSymmetric() {
        assertThat(JaroWinkler.similarity("タカハシ", "タカハツ")).isEqualTo(JaroWinkler.similarity("タカハツ", "タカハシ"));
        assertThat(JaroWinkler.similarity("DWAYNE", "DUANE")).isEqualTo(JaroWinkler.similarity("DUANE", "DWAYNE"));
    }

    @Test
    void ratesSwappedOrInsertedKanaAsCloseButNotAWrongLastKanaInAShortName() {
        assertThat(JaroWinkler.similarity("ヤマモト", "ヤマトモ")).isGreaterThanOrEqualTo(NameComparator.CLOSE_SIMILARITY);
        assertThat(JaroWinkler.similarity("サトウ", "サイトウ")).isGreaterThanOrEqualTo(NameComparator.CLOSE_SIMILARITY);
        assertThat(JaroWinkler.similarity("ワタナベ", "ワタナヘ")).isCloseTo(0.883, within(0.001));
        assertThat(JaroWinkler.similarity("ワタナベ", "ヤマモト")).isLessThan(NameComparator.CLOSE_SIMILARITY);
    }
}

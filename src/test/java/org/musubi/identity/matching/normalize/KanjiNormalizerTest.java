package org.musubi.identity.matching.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KanjiNormalizerTest {

    @Test
    void readsVariantCharactersAsTheirStandardForm() {
        assertThat(KanjiNormalizer.normalize("髙橋")).isEqualTo(KanjiNormalizer.normalize("高橋")).isEqualTo("高橋");
        assertThat(KanjiNormalizer.normalize("山﨑")).isEqualTo("山崎");
        assertThat(KanjiNormalizer.normalize("山嵜")).isEqualTo("山崎");
        assertThat(KanjiNormalizer.normalize("濱田")).isEqualTo("浜田");
        assertThat(KanjiNormalizer.normalize("中澤")).isEqualTo("中沢");
        assertThat(KanjiNormalizer.normalize("廣田")).isEqualTo("広田");
    }

    @Test
    void readsAllThreeWatanabesAsOne() {
        assertThat(KanjiNormalizer.normalize("渡邊"))
                .isEqualTo(KanjiNormalizer.normalize("渡邉"))
                .isEqualTo(KanjiNormalizer.normalize("渡辺"));
    }

    @Test
    void readsTheSaitoFamilyAsOne() {
        assertThat(KanjiNormalizer.normalize("齋藤"))
                .isEqualTo(KanjiNormalizer.normalize("齊藤"))
                .isEqualTo(KanjiNormalizer.normalize("斎藤"))
                .isEqualTo(KanjiNormalizer.normalize("斉藤"))
                .isEqualTo("斉藤");
    }

    @Test
    void handlesCharactersOutsideTheBasicPlane() {
        assertThat(KanjiNormalizer.normalize("𠮷田")).isEqualTo("吉田");
        assertThat(KanjiNormalizer.normalize("𥔎山")).isEqualTo("崎山");
    }

    @Test
    void foldsCompatibilityIdeographsAndTheOldDoor() {
        assertThat(KanjiNormalizer.normalize("神戶")).isEqualTo("神戸");
        assertThat(KanjiNormalizer.normalize("\uFA4F")).isEqualTo("\u7950");
    }

    @Test
    void repeatsTheCharacterBeforeTheIterationMarkAndDropsSpaces() {
        assertThat(KanjiNormalizer.normalize("佐々木")).isEqualTo("佐佐木");
        assertThat(KanjiNormalizer.normalize("佐藤　太郎")).isEqualTo("佐藤太郎");
        assertThat(KanjiNormalizer.normalize(" 山田 ")).isEqualTo("山田");
    }

    @Test
    void leavesOrdinaryNamesAloneAndNullEmpty() {
        assertThat(KanjiNormalizer.normalize("田中花子")).isEqualTo("田中花子");
        assertThat(KanjiNormalizer.normalize(null)).isEmpty();
    }
}

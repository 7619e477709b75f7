package org.musubi.identity.matching.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KanaNormalizerTest {

    @Test
    void turnsHalfWidthKatakanaIntoFullWidth() {
        assertThat(KanaNormalizer.normalize("ｻﾄｳ")).isEqualTo("サトウ");
        assertThat(KanaNormalizer.normalize("ｶﾞｸ")).isEqualTo("ガク");
        assertThat(KanaNormalizer.normalize("ﾊﾟﾝ")).isEqualTo("パン");
    }

    @Test
    void turnsHiraganaIntoKatakana() {
        assertThat(KanaNormalizer.normalize("さとう")).isEqualTo("サトウ");
        assertThat(KanaNormalizer.normalize("ゔぃ")).isEqualTo("ビ");
    }

    @Test
    void writesTheVuFamilyAsTheBaFamily() {
        assertThat(KanaNormalizer.normalize("ヴァヴィヴヴェヴォ")).isEqualTo("バビブベボ");
        assertThat(KanaNormalizer.normalize("ヴィ")).isEqualTo("ビ");
    }

    @Test
    void makesSmallKanaLarge() {
        assertThat(KanaNormalizer.normalize("キョウコ")).isEqualTo("キヨウコ");
        assertThat(KanaNormalizer.normalize("ハットリ")).isEqualTo("ハツトリ");
        assertThat(KanaNormalizer.normalize("ァィゥェォャュョヮ")).isEqualTo(KanaNormalizer.normalize("アイウエオヤユヨワ"));
    }

    @Test
    void foldsDiJiDuZuAndWo() {
        assertThat(KanaNormalizer.normalize("チヂミ")).isEqualTo("チジミ");
        assertThat(KanaNormalizer.normalize("ミカヅキ")).isEqualTo("ミカズキ");
        assertThat(KanaNormalizer.normalize("カヲル")).isEqualTo("カオル");
    }

    @Test
    void spellsEveryLongOTheSameWayButKeepsLengthApart() {
        assertThat(KanaNormalizer.normalize("オオタ")).isEqualTo("オウタ")
                .isEqualTo(KanaNormalizer.normalize("オータ"))
                .isEqualTo(KanaNormalizer.normalize("オウタ"));
        assertThat(KanaNormalizer.normalize("サトー")).isEqualTo(KanaNormalizer.normalize("サトウ"));
        assertThat(KanaNormalizer.normalize("オノ")).isNotEqualTo(KanaNormalizer.normalize("オオノ"));
    }

    @Test
    void spellsLongUAndLongETheSameWay() {
        assertThat(KanaNormalizer.normalize("ユーコ")).isEqualTo(KanaNormalizer.normalize("ユウコ"));
        assertThat(KanaNormalizer.normalize("ケーコ")).isEqualTo(KanaNormalizer.normalize("ケイコ"));
        assertThat(KanaNormalizer.normalize("シューヘイ")).isEqualTo(KanaNormalizer.normalize("しゅうへい"));
    }

    @Test
    void dropsALongVowelMarkWithNoVowelBeforeIt() {
        assertThat(KanaNormalizer.normalize("ーケン")).isEqualTo("ケン");
        assertThat(KanaNormalizer.normalize("ケンー")).isEqualTo("ケン");
    }

    @Test
    void removesSpacesMiddleDotsAndEverythingThatIsNotKana() {
        assertThat(KanaNormalizer.normalize("サトウ　ヒロシ")).isEqualTo("サトウヒロシ");
        assertThat(KanaNormalizer.normalize(" ｻﾄｳ ﾋﾛｼ ")).isEqualTo("サトウヒロシ");
        assertThat(KanaNormalizer.normalize("スミス・ジョン")).isEqualTo("スミスジヨン");
        assertThat(KanaNormalizer.normalize("サトウ1号 (A)")).isEqualTo("サトウ");
    }

    @Test
    void repeatsTheKanaBeforeAnIterationMark() {
        assertThat(KanaNormalizer.normalize("ササキ")).isEqualTo(KanaNormalizer.normalize("サヽキ"));
        assertThat(KanaNormalizer.normalize("ススキ")).isEqualTo(KanaNormalizer.normalize("すゝき"));
        assertThat(KanaNormalizer.normalize("イスズ")).isEqualTo(KanaNormalizer.normalize("イスヾ"));
    }

    @Test
    void givesTheEmptyStringForNullAndEmpty() {
        assertThat(KanaNormalizer.normalize(null)).isEmpty();
        assertThat(KanaNormalizer.normalize("")).isEmpty();
        assertThat(KanaNormalizer.normalize("  ")).isEmpty();
    }
}

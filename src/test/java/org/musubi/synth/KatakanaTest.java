package org.musubi.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KatakanaTest {

    @Test
    void acceptsFullWidthKatakanaWithLongVowelMark() {
        assertThat(Katakana.fullWidth("サトウ")).isTrue();
        assertThat(Katakana.fullWidth("デンタルクリニック")).isTrue();
        assertThat(Katakana.fullWidth("ヴォー")).isTrue();
    }

    @Test
    void rejectsHiraganaHalfWidthKanaKanjiAndEmptyText() {
        assertThat(Katakana.fullWidth("さとう")).isFalse();
        assertThat(Katakana.fullWidth("ｻﾄｳ")).isFalse();
        assertThat(Katakana.fullWidth("佐藤")).isFalse();
        assertThat(Katakana.fullWidth("")).isFalse();
        assertThat(Katakana.fullWidth(null)).isFalse();
    }
}

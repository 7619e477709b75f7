package org.musubi.synth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JisTextTest {

    @Test
    void widensHalfWidthKanaWithTheirVoicedMarks() {
        assertThat(JisText.of("ｻﾄｳ ｶﾞｸ")).isEqualTo("サトウ ガク");
    }

    @Test
    void writesVendorKanjiAndCharactersBeyondTheBmpAsGeta() {
        assertThat(JisText.of("髙橋")).isEqualTo("■橋");
        assertThat(JisText.of("𠮷田")).isEqualTo("■田");
        assertThat(JisText.of("①")).isEqualTo("■");
    }

    @Test
    void writesWindowsFormsOfSignsInTheirJisForms() {
        assertThat(JisText.of("１－２－３～")).isEqualTo("１−２−３〜");
    }

    @Test
    void leavesJisX0208TextAlone() {
        String text = "渡邊　齋藤　濱田　サ　トウ　さとう　ABC-123^|";
        assertThat(JisText.of(text)).isSameAs(text);
    }

    @Test
    void encodesKanjiBetweenIso2022JpEscapes() {
        assertThat(JisText.iso2022jp("A山B")).containsExactly('A', 0x1B, '$', 'B', 0x3B, 0x33, 0x1B, '(', 'B', 'B');
    }
}

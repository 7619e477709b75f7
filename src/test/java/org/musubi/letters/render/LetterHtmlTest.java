package org.musubi.letters.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;

/** The viewer's HTML of a letter: the same form, the letter's words as text, labels in the reader's language. */
class LetterHtmlTest {

    private static final LetterRendering RENDERING = TestRendering.rendering();

    @Test
    void showsMarkupInALetterAsText() {
        Letter letter = FormLetters.of(LetterKind.REFERRAL, "<script>alert('x')</script> & <b>太字</b>", 1);

        String html = RENDERING.html(letter, Locale.JAPANESE);

        assertThat(html).doesNotContain("<script>", "<b>太字")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;太字&lt;/b&gt;");
    }

    @Test
    void labelsCodedValuesInTheReadersLanguage() {
        Letter letter = FormLetters.of(LetterKind.REFERRAL);

        String japanese = RENDERING.html(letter, Locale.JAPANESE);
        String english = RENDERING.html(letter, Locale.ENGLISH);

        assertThat(japanese).startsWith("<article class=\"letter\">").contains("診療情報提供書", "女性", "主病名", "疑い",
                "2026年11月20日", "（76歳）", "髙﨑 花子").doesNotContain("??");
        assertThat(english).contains("Referral letter", "Female", "Main", "Suspected", "20 Nov 2026", "(76 years)",
                "Dr. 広島 一郎", "髙﨑 花子").doesNotContain("??", "女性", "主病名");
    }

    @Test
    void usesNoInlineStyleForTheViewersContentSecurityPolicy() {
        for (LetterKind kind : LetterKind.values()) {
            assertThat(RENDERING.html(FormLetters.of(kind), Locale.JAPANESE)).as(kind.name())
                    .doesNotContain("style=", "<style", "??");
        }
    }
}

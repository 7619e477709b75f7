package org.musubi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What an audit row's reason reads like on a screen: keys, codes and the trail's English words, labelled. */
class CodeLabelsTest {

    private final CodeLabels labels = new CodeLabels(messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theTrailsEnglishWordsReadInJapaneseWithTheirDetailsKept() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);

        assertThat(labels.text("bad credentials")).isEqualTo("パスワードが違います");
        assertThat(labels.text("queued as review 12")).isEqualTo("名寄せ確認待ちに登録 12");
        assertThat(labels.text("session ended: account disabled")).startsWith("セッション終了");
        assertThat(labels.text("something nobody wrote a label for")).isEqualTo("something nobody wrote a label for");
    }

    @Test
    void inEnglishTheyStayEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(labels.text("bad credentials")).isEqualTo("wrong password or unknown user");
        assertThat(labels.text("queued as review 12")).isEqualTo("queued as review 12");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.JAPANESE);
        return source;
    }
}

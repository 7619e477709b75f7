package org.musubi.notice;

import java.time.Instant;
import java.util.Locale;

/**
 * A notice from the network operator (お知らせ), in Japanese and English. It is shown from
 * {@code publishedFrom} up to (not including) {@code publishedUntil}, or without end when that is
 * {@code null}, unless an administrator withdrew it.
 */
public record Notice(long id, String titleJa, String titleEn, String bodyJa, String bodyEn, Importance importance,
                     Instant publishedFrom, Instant publishedUntil, Instant withdrawnAt) {

    public boolean shownAt(Instant now) {
        return withdrawnAt == null && !now.isBefore(publishedFrom) && (publishedUntil == null || now.isBefore(publishedUntil));
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public boolean important() {
        return importance == Importance.IMPORTANT;
    }

    /** The title in the reader's language; Japanese when there is no English text. */
    public String title(Locale locale) {
        return english(locale) && !titleEn.isBlank() ? titleEn : titleJa;
    }

    /** The body in the reader's language; Japanese when there is no English text. */
    public String body(Locale locale) {
        return english(locale) && !bodyEn.isBlank() ? bodyEn : bodyJa;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}

package org.musubi.portal.admin.notices;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.musubi.notice.Importance;
import org.musubi.notice.Notice;
import org.musubi.notice.NoticeDraft;

/** The notice form's fields as bound from the request; times are Japan time, as a datetime-local input sends them. */
record NoticeForm(String titleJa, String titleEn, String bodyJa, String bodyEn, Importance importance,
                  String publishedFrom, String publishedUntil) {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static NoticeForm empty(Instant now) {
        return new NoticeForm("", "", "", "", Importance.NORMAL, text(now), "");
    }

    static NoticeForm of(Notice n) {
        return new NoticeForm(n.titleJa(), n.titleEn(), n.bodyJa(), n.bodyEn(), n.importance(), text(n.publishedFrom()),
                n.publishedUntil() == null ? "" : text(n.publishedUntil()));
    }

    /** The draft; a time that does not parse counts as missing, and the draft's check says so. */
    NoticeDraft draft() {
        return new NoticeDraft(titleJa, titleEn, bodyJa, bodyEn, importance, instant(publishedFrom),
                instant(publishedUntil));
    }

    private static String text(Instant instant) {
        return LocalDateTime.ofInstant(instant, JAPAN).format(INPUT);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(JAPAN).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

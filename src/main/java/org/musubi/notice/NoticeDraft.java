package org.musubi.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.musubi.registry.FieldFault;

/** A notice as an administrator wrote it, before it is stored. */
public record NoticeDraft(String titleJa, String titleEn, String bodyJa, String bodyEn, Importance importance,
                          Instant publishedFrom, Instant publishedUntil) {

    public NoticeDraft {
        titleJa = strip(titleJa);
        titleEn = strip(titleEn);
        bodyJa = strip(bodyJa);
        bodyEn = strip(bodyEn);
        importance = importance == null ? Importance.NORMAL : importance;
    }

    /** What is wrong with the draft, one fault per field; empty when it can be stored. */
    public List<FieldFault> check() {
        List<FieldFault> faults = new ArrayList<>();
        if (titleJa.isEmpty() || titleJa.length() > 200) {
            faults.add(FieldFault.of("titleJa", "notice.titleJa.required"));
        }
        if (titleEn.length() > 200) {
            faults.add(FieldFault.of("titleEn", "notice.text.tooLong"));
        }
        if (bodyJa.length() > 4000 || bodyEn.length() > 4000) {
            faults.add(FieldFault.of("bodyJa", "notice.text.tooLong"));
        }
        if (publishedFrom == null) {
            faults.add(FieldFault.of("publishedFrom", "notice.publishedFrom.required"));
        } else if (publishedUntil != null && !publishedUntil.isAfter(publishedFrom)) {
            faults.add(FieldFault.of("publishedUntil", "notice.publishedUntil.order"));
        }
        return faults;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}

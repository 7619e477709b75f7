package org.musubi.letters.render;

import java.util.List;

/**
 * One line of a form's section: a diagnosis, a medicine, a result, an allergy, an attachment or a line of written text.
 * Words of the letter are shown as written (escaped); coded values are message keys shown through their labels.
 *
 * @param text    the words, as written
 * @param detail  what follows them (a dosage, a value with its unit, a reaction), or {@code null}
 * @param whenKey the message key that says {@code when} ({@code letter.row.onset}: 「{0}発症」), or {@code null}
 * @param when    the date, already formatted for the reader's language, or {@code null}
 * @param labels  message keys of coded qualifiers ({@code letter.flag.suspected}: 疑い)
 */
public record Row(String text, String detail, String whenKey, String when, List<String> labels) {

    public Row {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A line of written text. */
    static Row text(String line) {
        return new Row(line, null, null, null, List.of());
    }

    /** A coded value alone (a label, no words). */
    static Row label(String key) {
        return new Row(null, null, null, null, List.of(key));
    }
}

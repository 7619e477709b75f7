package org.musubi.letters.render;

import java.util.List;

/**
 * One box of a form, with its label and its lines. An empty box of the paper form is still printed (the reader sees
 * that nothing was written, 「記載なし」), unless the form shows the box only when filled ({@code always} false).
 *
 * @param key    the message key of its label ({@code letter.section.purpose}: 紹介目的)
 * @param rows   its lines
 * @param always printed even when empty
 */
public record Section(String key, List<Row> rows, boolean always) {

    public Section {
        rows = List.copyOf(rows);
    }

    /** Printed: filled, or a box the paper form always has. */
    public boolean shown() {
        return always || !rows.isEmpty();
    }
}

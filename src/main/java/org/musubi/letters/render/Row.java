package org.musubi.letters.render;

import java.util.ArrayList;
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

    /**
     * A run of a detail's text: superscript digits (10⁴, m²) are a raised run of plain digits, so that the paper form
     * prints them with the font it embeds (a Japanese font has ² and ³ but not ⁴ … ⁹, ⁰ or ⁻, which would print as
     * {@code #}), and the viewer's HTML shows them the same way.
     *
     * @param text   the characters
     * @param raised whether they are a superscript
     */
    public record Run(String text, boolean raised) {
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻";
    private static final String PLAIN = "0123456789-";

    /** {@link #detail} as runs of plain and raised text ({@code 10⁴/μL}: "10", raised "4", "/μL"). */
    public List<Run> detailRuns() {
        List<Run> runs = new ArrayList<>();
        if (detail == null) {
            return runs;
        }
        StringBuilder run = new StringBuilder();
        boolean raised = false;
        for (int i = 0; i < detail.length(); i++) {
            char c = detail.charAt(i);
            int superscript = SUPERSCRIPTS.indexOf(c);
            if ((superscript >= 0) != raised && !run.isEmpty()) {
                runs.add(new Run(run.toString(), raised));
                run.setLength(0);
            }
            raised = superscript >= 0;
            run.append(raised ? PLAIN.charAt(superscript) : c);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(run.toString(), raised));
        }
        return runs;
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

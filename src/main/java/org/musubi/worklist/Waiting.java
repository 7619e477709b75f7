package org.musubi.worklist;

import java.util.Objects;

/**
 * One line of what waits for a user: {@code id} names it on the page (an HTML id, e.g. {@code box-waiting}), {@code
 * labelKey} is the message key of its text (one argument: the count), {@code count} how many wait, {@code overdue} how
 * many of them are past due (0 when nothing has a due date), {@code href} where the user goes to see them.
 */
public record Waiting(String id, String labelKey, int count, int overdue, String href) {

    public Waiting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(href, "href");
        if (count < 0 || overdue < 0 || overdue > count) {
            throw new IllegalArgumentException("count " + count + ", overdue " + overdue);
        }
    }
}

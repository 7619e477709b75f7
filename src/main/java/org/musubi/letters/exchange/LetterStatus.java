package org.musubi.letters.exchange;

import java.util.Locale;

/**
 * Where a letter between facilities stands, as its FHIR Task's status says: sent ({@code requested}), opened by the
 * addressee ({@code received}), accepted or returned ({@code accepted}, {@code rejected}), answered ({@code completed},
 * with the reply as the Task's output), or withdrawn by the sender ({@code cancelled}).
 */
public enum LetterStatus {
    REQUESTED, RECEIVED, ACCEPTED, REJECTED, COMPLETED, CANCELLED;

    /** The FHIR Task status code ({@code requested} …). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of its label ({@code letter.status.requested}). */
    public String labelKey() {
        return "letter.status." + code();
    }

    /** Whether the addressee still has to act (overdue may apply). */
    public boolean open() {
        return this == REQUESTED || this == RECEIVED || this == ACCEPTED;
    }
}

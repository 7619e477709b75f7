package org.musubi.secretariat.helpdesk;

/**
 * What someone does to a question: the secretariat's {@code TAKE}, {@code ANSWER}, {@code CLOSE}, {@code REOPEN}; the
 * asker's {@code REPLY} and {@code ASKER_CLOSE}. {@link HelpStatus#after} says which a status allows.
 */
public enum HelpMove {
    TAKE, ANSWER, CLOSE, REOPEN, REPLY, ASKER_CLOSE;

    /** Whether the secretariat (a network administrator) makes this move; otherwise only the asker does. */
    public boolean bySecretariat() {
        return this != REPLY && this != ASKER_CLOSE;
    }

    /** Whether the move carries a message (a reply or an answer); the others may not. */
    public boolean carriesMessage() {
        return this == REPLY || this == ANSWER;
    }
}

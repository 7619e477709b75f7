package org.musubi.secretariat.helpdesk;

import java.util.Optional;

/**
 * Where a staff question stands: {@code NEW} until the secretariat takes it, {@code IN_PROGRESS} while it works on it
 * (or after the asker replied), {@code ANSWERED} once it answered, {@code CLOSED} when either side closed it. The moves
 * each status allows are {@link #after}: the only place they are decided.
 */
public enum HelpStatus {
    NEW, IN_PROGRESS, ANSWERED, CLOSED;

    /** What a question waiting for the secretariat is (the queue's "waiting" lines count these). */
    public boolean waitingForSecretariat() {
        return this == NEW || this == IN_PROGRESS;
    }

    /**
     * The status after {@code move}, or empty when this status does not allow it: the secretariat takes a new question,
     * answers any open one, closes any open one and reopens a closed one; the asker's reply reopens an answered or closed
     * question (→ {@code IN_PROGRESS}; a reply to one still waiting leaves it as it is), and the asker closes an answered
     * one ("解決しました").
     */
    public Optional<HelpStatus> after(HelpMove move) {
        HelpStatus next = switch (move) {
            case TAKE -> this == NEW ? IN_PROGRESS : null;
            case ANSWER -> this == CLOSED ? null : ANSWERED;
            case CLOSE -> this == CLOSED ? null : CLOSED;
            case REOPEN -> this == CLOSED ? IN_PROGRESS : null;
            case REPLY -> this == ANSWERED || this == CLOSED ? IN_PROGRESS : this;
            case ASKER_CLOSE -> this == ANSWERED ? CLOSED : null;
        };
        return Optional.ofNullable(next);
    }
}

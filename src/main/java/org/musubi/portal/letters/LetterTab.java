package org.musubi.portal.letters;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.musubi.letters.exchange.LetterStatus;

/**
 * The tabs of the inbox and the outbox: which statuses each lists ({@code letters.tab.<name>} its label). The first
 * is what still waits for the addressee: 未読・受付待ち.
 */
enum LetterTab {
    OPEN(EnumSet.of(LetterStatus.REQUESTED, LetterStatus.RECEIVED)),
    ACCEPTED(EnumSet.of(LetterStatus.ACCEPTED)),
    RETURNED(EnumSet.of(LetterStatus.REJECTED)),
    DONE(EnumSet.of(LetterStatus.COMPLETED)),
    ALL(EnumSet.noneOf(LetterStatus.class));

    private final Set<LetterStatus> statuses;

    LetterTab(Set<LetterStatus> statuses) {
        this.statuses = statuses;
    }

    /** The statuses listed (empty: all). */
    Set<LetterStatus> statuses() {
        return statuses;
    }

    public String labelKey() {
        return "letters.tab." + name();
    }

    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The tab a parameter names; {@code fallback} for none or an unknown one. */
    static LetterTab of(String parameter, LetterTab fallback) {
        return Arrays.stream(values()).filter(t -> t.parameter().equals(parameter)).findFirst().orElse(fallback);
    }
}

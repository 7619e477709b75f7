package org.musubi.secretariat.helpdesk.web;

import java.util.Set;
import org.musubi.secretariat.helpdesk.HelpDesk;
import org.musubi.secretariat.helpdesk.HelpMove;

/**
 * What a page says after a change it redirected from ({@code ?done=}): one of a few known words, each shown through
 * the label {@code helpdesk.done.<word>}; anything else in the address shows nothing.
 */
final class Notices {

    private static final Set<String> KNOWN = Set.of("asked", "replied", "answered", "moved", "refused", "empty", "saved",
            "notSaved", "drafted");

    private Notices() {
    }

    static String of(String done) {
        return done != null && KNOWN.contains(done) ? done : null;
    }

    static String of(HelpMove move, HelpDesk.Result result) {
        return switch (result) {
            case DONE -> move == HelpMove.REPLY ? "replied" : move == HelpMove.ANSWER ? "answered" : "moved";
            case BAD_MESSAGE -> "empty";
            default -> "refused";
        };
    }
}

package org.musubi.research;

import java.time.Instant;
import java.util.Optional;

/** The opt-out register: one row per person while their opt-out holds. */
public interface OptOutStore {

    /** When the person opted out, if they have. */
    Optional<Instant> since(long personId);

    /** Records the opt-out; false when it was already there. */
    boolean optOut(long personId, String channel, Long userId);

    /** Withdraws the opt-out; false when there was none. */
    boolean optIn(long personId);
}

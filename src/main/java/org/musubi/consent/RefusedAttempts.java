package org.musubi.consent;

import java.time.Instant;

/**
 * Refused attempts counted to throttle guessing: proving a card with a wrong number, check code, kana name or birth
 * date ({@link Kind#LINK}, keyed by the card number as typed, within the place it was tried — a facility's counter or
 * the health notebook's registration: {@code scope}), and emergency look-ups that found no one to open
 * ({@link Kind#EMERGENCY_LOOKUP}).
 */
public interface RefusedAttempts {

    enum Kind { LINK, EMERGENCY_LOOKUP }

    /**
     * Records one refused attempt; {@code key} and {@code scope} may be {@code null} (nothing to key it by, no place),
     * {@code userId} too (nobody signed in).
     */
    void record(Kind kind, String key, String scope, Long userId, Instant at);

    /** Records one refused attempt of a signed-in user, in no particular place. */
    default void record(Kind kind, String key, long userId, Instant at) {
        record(kind, key, null, userId, at);
    }

    /** Refused attempts of this kind with this key since {@code since}, wherever they were made. */
    int byKey(Kind kind, String key, Instant since);

    /** Refused attempts of this kind with this key made in {@code scope} since {@code since}. */
    int byKeyIn(Kind kind, String key, String scope, Instant since);

    /** Refused attempts of this kind by this user since {@code since}. */
    int byUser(Kind kind, long userId, Instant since);
}

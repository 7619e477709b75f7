package org.musubi.consent;

import java.time.Instant;

/**
 * Refused attempts counted to throttle guessing: linking by card with a wrong number, check code, kana name or
 * birth date ({@link Kind#LINK}, keyed by the card number as typed), and emergency look-ups that found no one to
 * open ({@link Kind#EMERGENCY_LOOKUP}).
 */
public interface RefusedAttempts {

    enum Kind { LINK, EMERGENCY_LOOKUP }

    /** Records one refused attempt; {@code key} may be {@code null} (nothing to key it by). */
    void record(Kind kind, String key, long userId, Instant at);

    /** Refused attempts of this kind with this key since {@code since}. */
    int byKey(Kind kind, String key, Instant since);

    /** Refused attempts of this kind by this user since {@code since}. */
    int byUser(Kind kind, long userId, Instant since);
}

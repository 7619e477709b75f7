package org.musubi.phr;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The rules of residents' registration.
 *
 * @param codeValidity how long a registration code may be used after it was issued
 * @param maxCodeAttempts wrong tries for a person's card after which their live codes are void
 */
record PhrRules(Duration codeValidity, int maxCodeAttempts, Clock clock) {

    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofDays(30);
    public static final int DEFAULT_MAX_CODE_ATTEMPTS = 5;

    public PhrRules {
        Objects.requireNonNull(clock, "clock");
        if (codeValidity.isNegative() || codeValidity.isZero() || maxCodeAttempts < 1) {
            throw new IllegalArgumentException("registration codes need a positive validity and at least one attempt");
        }
    }
}

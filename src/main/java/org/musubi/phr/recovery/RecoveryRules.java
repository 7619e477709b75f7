package org.musubi.phr.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a pending recovery waits to be confirmed ({@code musubi.phr.recovery-validity}), and the clock.
 */
record RecoveryRules(Duration validity, Clock clock) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

    public RecoveryRules {
        Objects.requireNonNull(clock, "clock");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a pending recovery needs a positive validity");
        }
    }

    /** Pending recoveries requested before this are expired (whether or not the expiry has been recorded yet). */
    public Instant liveSince() {
        return clock.instant().minus(validity);
    }
}

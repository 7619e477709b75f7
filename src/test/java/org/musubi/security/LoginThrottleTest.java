package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(10), clock);

    @Test
    void refusesAnAddressOnlyFromTheFailureThatReachesTheLimit() {
        assertThat(throttle.recordFailure("192.0.2.1")).isFalse();
        assertThat(throttle.recordFailure("192.0.2.1")).isFalse();
        assertThat(throttle.refused("192.0.2.1")).isFalse();

        assertThat(throttle.recordFailure("192.0.2.1")).isTrue();

        assertThat(throttle.refused("192.0.2.1")).isTrue();
        assertThat(throttle.refused("192.0.2.2")).isFalse();
        assertThat(throttle.retryAfterSeconds("192.0.2.1")).isEqualTo(600);
    }

    @Test
    void theRefusalEndsWithItsWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(10));

        assertThat(throttle.refused("192.0.2.1")).isFalse();
        assertThat(throttle.recordFailure("192.0.2.1")).isFalse();
    }

    @Test
    void failuresSpreadOverWindowsDoNotAddUp() {
        throttle.recordFailure("192.0.2.1");
        throttle.recordFailure("192.0.2.1");
        clock.advance(Duration.ofMinutes(11));

        assertThat(throttle.recordFailure("192.0.2.1")).isFalse();
        assertThat(throttle.refused("192.0.2.1")).isFalse();
    }
}

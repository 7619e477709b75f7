package org.musubi.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PublicThrottleTest {

    private Instant now = Instant.parse("2026-11-26T03:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theLimitIsServedThenRefusedUntilTheWindowEnds() {
        PublicThrottle throttle = new PublicThrottle(3, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit("198.51.100.1")).as("page " + (i + 1)).isEmpty();
        }
        now = now.plusSeconds(20);
        assertThat(throttle.admit("198.51.100.1")).isEqualTo(OptionalLong.of(40));
        assertThat(throttle.admit("198.51.100.1")).as("still refused").isPresent();
        assertThat(throttle.admit("198.51.100.2")).as("another address").isEmpty();
        now = now.plusSeconds(41);
        assertThat(throttle.admit("198.51.100.1")).as("a new window").isEmpty();
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(PublicThrottle.key("2001:db8:1:2:aaaa::1")).isEqualTo(PublicThrottle.key("2001:0db8:0001:0002:bbbb:1:2:3"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(PublicThrottle.key("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(PublicThrottle.key("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
        assertThat(PublicThrottle.key("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(PublicThrottle.key("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(PublicThrottle.key("::ffff:203.0.113.9")).isEqualTo("::ffff:203.0.113.9");
        PublicThrottle throttle = new PublicThrottle(1, Duration.ofMinutes(1), clock);
        assertThat(throttle.admit("2001:db8:1:2::10")).isEmpty();
        assertThat(throttle.admit("2001:db8:1:2::11")).as("the same /64").isPresent();
        assertThat(throttle.admit("2001:db8:1:3::10")).as("another /64").isEmpty();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new PublicThrottle(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWardCityCoversItsWardsOnly() {
        assertThat(PublicDirectory.wardCity("広島市中区")).contains("広島市");
        assertThat(PublicDirectory.wardCity("呉市")).isEmpty();
        assertThat(PublicDirectory.wardCity("廿日市市")).isEmpty();
        assertThat(PublicDirectory.within(Optional.of("広島市中区"), "広島市")).isTrue();
        assertThat(PublicDirectory.within(Optional.of("広島市中区"), "広島市中区")).isTrue();
        assertThat(PublicDirectory.within(Optional.of("東広島市"), "広島市")).isFalse();
        assertThat(PublicDirectory.within(Optional.of("広島市中区"), "広島")).isFalse();
        assertThat(PublicDirectory.within(Optional.empty(), "呉市")).isFalse();
    }
}

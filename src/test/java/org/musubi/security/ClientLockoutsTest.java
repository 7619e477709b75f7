package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientLockoutsTest {

    private static final String CLIENT = "192.0.2.1";
    private final MovableClock clock = new MovableClock();
    private final ClientLockouts lockouts = new ClientLockouts(3, Duration.ofMinutes(15), clock);

    @Test
    void locksALoginIdForThisClientFromTheFailureThatReachesTheLimitForTheLockDuration() {
        assertThat(lockouts.recordFailure(CLIENT, "tanaka")).isEmpty();
        assertThat(lockouts.recordFailure(CLIENT, " Tanaka ")).as("the login id as typed, normalised").isEmpty();
        assertThat(lockouts.lockedUntil(CLIENT, "tanaka")).isEmpty();

        assertThat(lockouts.recordFailure(CLIENT, "tanaka")).hasValue(clock.instant().plus(Duration.ofMinutes(15)));

        assertThat(lockouts.lockedUntil(CLIENT, "TANAKA")).hasValue(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(lockouts.lockedUntil("192.0.2.2", "tanaka")).as("another client").isEmpty();
        assertThat(lockouts.lockedUntil(CLIENT, "suzuki")).as("another login id").isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(lockouts.lockedUntil(CLIENT, "tanaka")).isEmpty();
        assertThat(lockouts.recordFailure(CLIENT, "tanaka")).as("counting starts again").isEmpty();
    }

    @Test
    void failuresAreForgottenAfterTheLockDurationWithoutOneOrWhenTheClientLogsIn() {
        lockouts.recordFailure(CLIENT, "tanaka");
        lockouts.recordFailure(CLIENT, "tanaka");
        clock.advance(Duration.ofMinutes(15));
        assertThat(lockouts.recordFailure(CLIENT, "tanaka")).isEmpty();
        lockouts.recordFailure(CLIENT, "tanaka");

        lockouts.clear(CLIENT, "tanaka");

        assertThat(lockouts.recordFailure(CLIENT, "tanaka")).isEmpty();
    }

    @Test
    void aLockTheClientProvedThePasswordForShowsTheAccountsOwnTime() {
        Instant accountsLock = clock.instant().plus(Duration.ofMinutes(14));

        lockouts.lock(CLIENT, "tanaka", accountsLock);

        assertThat(lockouts.lockedUntil(CLIENT, "tanaka")).hasValue(accountsLock);
    }
}

package org.musubi.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one client address is told about locks, per login id it typed: after as many failed passwords in a row as
 * lock an account, that client is told the login id is locked until a time, and further attempts from it are
 * refused until then without checking the password. It counts only this client's own attempts and never looks at
 * the account, so a login id that does not exist is answered exactly like one that does (no existence oracle), and
 * a locked account never tells whether a password was right (no password oracle). The account's own lock-out
 * (counted in the database, across all clients) is unchanged. Failures are forgotten after a lock ends or after
 * {@code lockDuration} without one. Memory is bounded: expired entries are dropped when the map grows.
 */
public final class ClientLockouts {

    private static final int MAX_ENTRIES = 100_000;
    private static final int MAX_LOGIN_ID = 64;
    private final int maxFailures;
    private final Duration lockDuration;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public ClientLockouts(int maxFailures, Duration lockDuration, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    /** Until when this client is refused for this login id; empty when it is not. */
    public Optional<Instant> lockedUntil(String address, String loginId) {
        Entry entry = entries.get(key(address, loginId));
        return entry != null && entry.lockedAt(clock.instant()) ? Optional.of(entry.until()) : Optional.empty();
    }

    /** Counts one failure; returns until when this client is refused for this login id, if this failure reached the limit. */
    public Optional<Instant> recordFailure(String address, String loginId) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiredAt(now, lockDuration));
        }
        Entry updated = entries.compute(key(address, loginId), (key, e) -> {
            int failures = (e == null || e.expiredAt(now, lockDuration) ? 0 : e.failures()) + 1;
            return new Entry(failures, now, failures >= maxFailures ? now.plus(lockDuration) : null);
        });
        return Optional.ofNullable(updated.until());
    }

    /** The client proved the password and the account is locked until {@code until}: tell it the account's own time. */
    public void lock(String address, String loginId, Instant until) {
        entries.put(key(address, loginId), new Entry(maxFailures, clock.instant(), until));
    }

    /** The client logged in: its failures are forgotten, as the account's are. */
    public void clear(String address, String loginId) {
        entries.remove(key(address, loginId));
    }

    private static String key(String address, String loginId) {
        String id = loginId == null ? "" : loginId.strip().toLowerCase(Locale.ROOT);
        return address + " " + (id.length() > MAX_LOGIN_ID ? id.substring(0, MAX_LOGIN_ID) : id);
    }

    private record Entry(int failures, Instant lastFailure, Instant until) {

        boolean lockedAt(Instant now) {
            return until != null && until.isAfter(now);
        }

        boolean expiredAt(Instant now, Duration idle) {
            return until != null ? !until.isAfter(now) : !lastFailure.plus(idle).isAfter(now);
        }
    }
}

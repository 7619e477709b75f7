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
 * {@code lockDuration} without one.
 *
 * <p>Where the entries are kept is a {@link Notices}: in Musubi the table {@code lock_notice} that every node shares,
 * one row per (address, login id) changed by one atomic statement, so that a client locked through one node is
 * refused by the others (issue 41); this node's memory ({@link InMemory}, bounded: expired entries are dropped when
 * the map grows) for the unit tests and while the database is a read-only standby. An address is kept to its first
 * {@value LoginThrottle#MAX_ADDRESS} characters and a login id to its first {@value #MAX_LOGIN_ID}, so an attacker's
 * long text makes no long key. Not a Bucket4j bucket: an entry is a count in a row that a success clears and the
 * account's own lock may set to a given time, which a token bucket cannot say.
 */
public final class ClientLockouts {

    private static final int MAX_LOGIN_ID = 64;
    private final int maxFailures;
    private final Duration lockDuration;
    private final Clock clock;
    private final Notices notices;

    /** Entries in this node's memory only. */
    public ClientLockouts(int maxFailures, Duration lockDuration, Clock clock) {
        this(maxFailures, lockDuration, clock, new InMemory());
    }

    public ClientLockouts(int maxFailures, Duration lockDuration, Clock clock, Notices notices) {
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.clock = clock;
        this.notices = notices;
    }

    /** Until when this client is refused for this login id; empty when it is not. */
    public Optional<Instant> lockedUntil(String address, String loginId) {
        Instant now = clock.instant();
        return notices.lockedUntil(address(address), loginId(loginId)).filter(until -> until.isAfter(now));
    }

    /** Counts one failure; returns until when this client is refused for this login id, if this failure reached the limit. */
    public Optional<Instant> recordFailure(String address, String loginId) {
        return notices.failed(address(address), loginId(loginId), clock.instant(), new Rule(maxFailures, lockDuration));
    }

    /** The client proved the password and the account is locked until {@code until}: tell it the account's own time. */
    public void lock(String address, String loginId, Instant until) {
        notices.lock(address(address), loginId(loginId), new Entry(maxFailures, clock.instant(), until));
    }

    /** The client logged in: its failures are forgotten, as the account's are. */
    public void clear(String address, String loginId) {
        notices.clear(address(address), loginId(loginId));
    }

    private static String address(String address) {
        String a = address == null ? "" : address;
        return a.length() > LoginThrottle.MAX_ADDRESS ? a.substring(0, LoginThrottle.MAX_ADDRESS) : a;
    }

    private static String loginId(String loginId) {
        String id = loginId == null ? "" : loginId.strip().toLowerCase(Locale.ROOT);
        return id.length() > MAX_LOGIN_ID ? id.substring(0, MAX_LOGIN_ID) : id;
    }

    /** How many failures in a row lock, and for how long (also how long failures without a lock are remembered). */
    public record Rule(int maxFailures, Duration lockDuration) {
    }

    /** One client's failures in a row with one login id, the last one's time, and until when it is locked (or null). */
    public record Entry(int failures, Instant lastFailure, Instant until) {

        /** When the entry is forgotten: its lock's end, or {@code idle} after its last failure. */
        public Instant expiresAt(Duration idle) {
            return until != null ? until : lastFailure.plus(idle);
        }

        boolean expiredAt(Instant now, Duration idle) {
            return !expiresAt(idle).isAfter(now);
        }
    }

    /** Where the entries are kept, by (address, login id) as normalised and cut. */
    public interface Notices {

        /** The entry's lock end, if it has one (ended or not). */
        Optional<Instant> lockedUntil(String address, String loginId);

        /**
         * Counts one failure at {@code now} in one step that no other count interleaves: failures in a row start again
         * after an expired entry, and reaching {@link Rule#maxFailures} locks until {@code now} plus the lock duration.
         * Returns the lock's end if this failure reached the limit.
         */
        Optional<Instant> failed(String address, String loginId, Instant now, Rule rule);

        /** Sets the entry (the account's own lock, told to a client that proved the password). */
        void lock(String address, String loginId, Entry entry);

        void clear(String address, String loginId);
    }

    /** Entries in this node's memory; bounded: expired entries are dropped when the map grows. */
    public static final class InMemory implements Notices {

        private static final int MAX_ENTRIES = 100_000;
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<Instant> lockedUntil(String address, String loginId) {
            return Optional.ofNullable(entries.get(address + " " + loginId)).map(Entry::until);
        }

        @Override
        public Optional<Instant> failed(String address, String loginId, Instant now, Rule rule) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(e -> e.expiredAt(now, rule.lockDuration()));
            }
            Entry updated = entries.compute(address + " " + loginId, (key, e) -> {
                int failures = (e == null || e.expiredAt(now, rule.lockDuration()) ? 0 : e.failures()) + 1;
                return new Entry(failures, now, failures >= rule.maxFailures() ? now.plus(rule.lockDuration()) : null);
            });
            return Optional.ofNullable(updated.until());
        }

        @Override
        public void lock(String address, String loginId, Entry entry) {
            entries.put(address + " " + loginId, entry);
        }

        @Override
        public void clear(String address, String loginId) {
            entries.remove(address + " " + loginId);
        }
    }
}

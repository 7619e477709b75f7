package org.musubi.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address in fixed windows; an address over the limit is refused
 * until its window ends. The per-account lock-out stops guessing one account; this stops one
 * address guessing many. Where the windows are kept is a {@link Windows}: in Musubi the table
 * {@code login_throttle} that every node shares, counted by one atomic statement per failure, so that
 * failures made through one node are refused by the others (issue 41); this node's memory
 * ({@link InMemory}) for the unit tests and while the database is a read-only standby. An address is
 * kept to its first {@value #MAX_ADDRESS} characters, so a forged forwarded address cannot make a
 * long key.
 *
 * <p>Why not Bucket4j's PostgreSQL token buckets: a bucket refills little by little, so an address
 * over the limit would get one more guess every few seconds and its Retry-After would not be the end
 * of its window; this throttle refuses until the window ends and reports the moment of refusal once
 * (to the audit trail), which one counter row per address does with a single statement.
 */
public final class LoginThrottle {

    /** The longest address kept; longer ones are cut (IPv6 with a zone fits). */
    public static final int MAX_ADDRESS = 64;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Windows windows;

    /** A throttle counting in this node's memory only. */
    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this(maxFailures, window, clock, new InMemory());
    }

    public LoginThrottle(int maxFailures, Duration window, Clock clock, Windows windows) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.windows = windows;
    }

    /** Counts one failure; returns true when this failure reaches the limit (the address is now refused). */
    public boolean recordFailure(String address) {
        Instant now = clock.instant();
        return windows.failed(key(address), now, now.plus(window)).failures() == maxFailures;
    }

    public boolean refused(String address) {
        Optional<Window> w = windows.find(key(address));
        return w.isPresent() && !w.get().endsBefore(clock.instant()) && w.get().failures() >= maxFailures;
    }

    /** Seconds until a refused address may try again. */
    public long retryAfterSeconds(String address) {
        return windows.find(key(address))
                .map(w -> Math.max(1, Duration.between(clock.instant(), w.end()).toSeconds())).orElse(0L);
    }

    private static String key(String address) {
        String a = address == null ? "" : address;
        return a.length() > MAX_ADDRESS ? a.substring(0, MAX_ADDRESS) : a;
    }

    /** One address's window: when it ends, and the failures counted in it. */
    public record Window(Instant end, int failures) {

        public boolean endsBefore(Instant now) {
            return !end.isAfter(now);
        }
    }

    /** Where the windows are kept. */
    public interface Windows {

        /**
         * Counts one failure of {@code address} at {@code now}, in one step that no other count interleaves: the
         * address's window with one more failure, or, when it has none or it ended, a new window ending at
         * {@code endOfNew} with one failure. Returns the window after counting.
         */
        Window failed(String address, Instant now, Instant endOfNew);

        /** The address's last window, ended or not. */
        Optional<Window> find(String address);
    }

    /** Windows in this node's memory; bounded: ended windows are dropped when the map grows. */
    public static final class InMemory implements Windows {

        private static final int MAX_ADDRESSES = 100_000;
        private final Map<String, Window> windows = new ConcurrentHashMap<>();

        @Override
        public Window failed(String address, Instant now, Instant endOfNew) {
            if (windows.size() >= MAX_ADDRESSES) {
                windows.values().removeIf(w -> w.endsBefore(now));
            }
            return windows.compute(address, (key, w) -> w == null || w.endsBefore(now)
                    ? new Window(endOfNew, 1) : new Window(w.end(), w.failures() + 1));
        }

        @Override
        public Optional<Window> find(String address) {
            return Optional.ofNullable(windows.get(address));
        }
    }
}

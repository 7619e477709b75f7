package org.musubi.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address in fixed windows; an address over the limit is refused
 * until its window ends. The per-account lock-out stops guessing one account; this stops one
 * address guessing many. Memory is bounded: expired windows are dropped when the map grows.
 */
public final class LoginThrottle {

    private static final int MAX_ADDRESSES = 100_000;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one failure; returns true when this failure reaches the limit (the address is now refused). */
    public boolean recordFailure(String address) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_ADDRESSES) {
            windows.values().removeIf(w -> w.endsBefore(now));
        }
        Window updated = windows.compute(address, (key, w) -> w == null || w.endsBefore(now)
                ? new Window(now.plus(window), 1) : new Window(w.end(), w.failures() + 1));
        return updated.failures() == maxFailures;
    }

    public boolean refused(String address) {
        Window w = windows.get(address);
        return w != null && !w.endsBefore(clock.instant()) && w.failures() >= maxFailures;
    }

    /** Seconds until a refused address may try again. */
    public long retryAfterSeconds(String address) {
        Window w = windows.get(address);
        return w == null ? 0 : Math.max(1, Duration.between(clock.instant(), w.end()).toSeconds());
    }

    private record Window(Instant end, int failures) {

        boolean endsBefore(Instant now) {
            return !end.isAfter(now);
        }
    }
}

package org.musubi.disaster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What disaster mode is now, answered from memory: the periods not switched off and the responder facilities, read at
 * start, again after every switch or designation on this server ({@link #refresh}), and every
 * {@code musubi.disaster.refresh-interval} on a background thread ({@link #refreshEvery}), so that a switch made on
 * another server — the primary, seen from a Musubi on a read-only standby, or a second Musubi on the same database —
 * takes effect here within the interval, without a restart. The access policy asks it on every decision and every page
 * shows its banner, so neither costs a query. A period past its planned end is off without anyone switching it off.
 */
public final class DisasterMode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DisasterMode.class);

    private record State(List<DisasterPeriod> open, Set<Long> responders) {
    }

    private final DisasterRecords records;
    private final Clock clock;
    private volatile State state;
    private ScheduledExecutorService refreshes;

    public DisasterMode(DisasterRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * Reads the periods and designations again (after a change, at start, and periodically). Serialised, so that a
     * periodic read begun before a switch cannot overwrite what the switch's own refresh read after it.
     */
    public synchronized void refresh() {
        state = new State(List.copyOf(records.open()), Set.copyOf(records.responders()));
    }

    /**
     * Refreshes every {@code every} on a daemon thread (not at all when zero or negative). A failed read (the database
     * unreachable) keeps what was read last and is tried again at the next tick.
     */
    public synchronized void refreshEvery(Duration every) {
        if (refreshes != null || every.isZero() || every.isNegative()) {
            return;
        }
        refreshes = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("disaster-refresh").daemon().factory());
        refreshes.scheduleWithFixedDelay(this::refreshQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read disaster mode again; keeping what was read last: {}", e.getMessage());
        }
    }

    /** Stops the periodic refresh. */
    @Override
    public synchronized void close() {
        if (refreshes != null) {
            refreshes.shutdownNow();
            refreshes = null;
        }
    }

    private State state() {
        State current = state;
        if (current == null) {
            refresh();
            current = state;
        }
        return current;
    }

    /** The periods on now, oldest first. */
    public List<DisasterPeriod> active() {
        Instant now = clock.instant();
        return state().open().stream().filter(p -> p.onAt(now)).toList();
    }

    /** Whether disaster mode is on anywhere now. */
    public boolean on() {
        return !active().isEmpty();
    }

    /** Whether disaster mode is on now where one of these addresses lies (anywhere, when on network-wide). */
    public boolean covers(Collection<String> addresses) {
        return active().stream().anyMatch(p -> p.area().covers(addresses));
    }

    /** Whether disaster mode is on now for the whole network (no address needed). */
    public boolean networkWide() {
        return active().stream().anyMatch(p -> p.area().networkWide());
    }

    /** Whether the facility is a designated disaster responder. */
    public boolean responder(long facilityId) {
        return state().responders().contains(facilityId);
    }

    public Set<Long> responders() {
        return state().responders();
    }

    /** The newest periods first, read from the store (the operator's history). */
    public List<DisasterPeriod> history(int limit) {
        return records.history(limit);
    }
}

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
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What disaster mode is now, answered from memory: the periods not switched off and the responder facilities, read at
 * start and read again whenever the version of {@link #KIND} has moved ({@code ChangeVersions}: a switch or a
 * designation on any node bumps it in its own transaction, and each HTTP request reads the versions once), so that a
 * switch made on another node — a second Musubi on the same database, or the primary seen from a Musubi on a read-only
 * standby — is in force here from the very next request. It is also read again after every switch or designation on
 * this node ({@link #refresh}) and every {@code musubi.disaster.refresh-interval} on a background thread
 * ({@link #refreshEvery}), a safety net for a change that bumped nothing (a node of an older version during a rolling
 * upgrade, a hand-made SQL change). The access policy asks it on every decision and every page shows its banner, so
 * neither costs more than the one version read of the request. A period past its planned end is off without anyone
 * switching it off.
 */
public final class DisasterMode implements AutoCloseable {

    /** The kind of change (table {@code change_version}) that switches and designations bump. */
    public static final String KIND = "disaster";

    private static final Logger log = LoggerFactory.getLogger(DisasterMode.class);

    /** What was read, and the version it was read at (read before the rows, so a later change always shows). */
    private record State(long version, List<DisasterPeriod> open, Set<Long> responders) {
    }

    private final DisasterRecords records;
    private final Clock clock;
    private final LongSupplier version;
    private volatile State state;
    /**
     * The periodic refresh; guarded by {@link #lifecycle}, not by this object's monitor, which a refresh holds while it
     * reads the database: a close must not wait for a read that waits for a connection (up to the pool's 30 s when the
     * database is already gone, as at shutdown).
     */
    private ScheduledExecutorService refreshes;
    private final Object lifecycle = new Object();

    /** Read at start and by {@link #refresh} only (no version to follow: one server, tests). */
    public DisasterMode(DisasterRecords records, Clock clock) {
        this(records, clock, () -> 0L);
    }

    /** Read again whenever {@code version} (the current version of {@link #KIND}) differs from the one read at. */
    public DisasterMode(DisasterRecords records, Clock clock, LongSupplier version) {
        this.records = records;
        this.clock = clock;
        this.version = version;
    }

    /**
     * Reads the periods and designations again (after a change, at start, and periodically). Serialised, so that a
     * periodic read begun before a switch cannot overwrite what the switch's own refresh read after it.
     */
    public synchronized void refresh() {
        long at = version.getAsLong();
        state = new State(at, List.copyOf(records.open()), Set.copyOf(records.responders()));
    }

    /**
     * Refreshes every {@code every} on a daemon thread (not at all when zero or negative). A failed read (the database
     * unreachable) keeps what was read last and is tried again at the next tick.
     */
    public void refreshEvery(Duration every) {
        synchronized (lifecycle) {
            if (refreshes != null || every.isZero() || every.isNegative()) {
                return;
            }
            refreshes = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("disaster-refresh").daemon().factory());
            refreshes.scheduleWithFixedDelay(this::refreshQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read disaster mode again; keeping what was read last: {}", e.getMessage());
        }
    }

    /** Stops the periodic refresh at once, interrupting a refresh under way. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (lifecycle) {
            stopping = refreshes;
            refreshes = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    private State state() {
        State current = state;
        if (current == null || current.version() != version.getAsLong()) {
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

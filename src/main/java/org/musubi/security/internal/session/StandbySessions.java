package org.musubi.security.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.musubi.database.Standby;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Browser sessions in the database (Spring Session JDBC, tables of V39), so that any node serves any browser request
 * (issue 41), except while {@link Standby} says read-only: a standby cannot write a session, so sessions then live in
 * this node's memory. A session the database already holds (signed in on the primary) is copied to memory on its
 * first request and carries on there; a session made or changed while read-only is this node's only, also after the
 * database is writable again (until it ends). A session ended while read-only (sign-out, a new id) is remembered so
 * that its database row, which cannot be deleted yet, is not read again; those rows are deleted once the database is
 * writable (promotion). Expired sessions are removed every minute: in memory always, in the database on every node
 * unless read-only (one idempotent {@code DELETE}).
 *
 * <p>Within one request (between {@link #requestBegun} and {@link #requestEnded}, {@link SessionRequestScope}), a
 * session this node has just written to the database is not read back: Spring Session's filter saves the session when
 * the response is committed and again when the request ends, and the second time it first looks up the requested id
 * afresh (spring-session issue 1731): a third statement and a second opening of every attribute per signed-in request,
 * for the very state just written.
 */
final class StandbySessions implements FindByIndexNameSessionRepository<Session>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandbySessions.class);
    private final FindByIndexNameSessionRepository<? extends Session> database;
    private final Standby standby;
    private final Map<String, Session> kept = new ConcurrentHashMap<>();
    private final MapSessionRepository memory = new MapSessionRepository(kept);
    /** Ids of database sessions ended while read-only, until when their rows could still be valid. */
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    private final Clock clock;
    private ScheduledExecutorService cleanup;
    /** The sessions written to the database in the request this thread serves, by id; none outside a request. */
    private static final ThreadLocal<Map<String, Session>> WRITTEN_IN_REQUEST = new ThreadLocal<>();

    StandbySessions(FindByIndexNameSessionRepository<? extends Session> database, Standby standby, Clock clock) {
        this.database = database;
        this.standby = standby;
        this.clock = clock;
        standby.whenWritable(this::deleteEndedRows);
    }

    /** Removes expired sessions every {@code every}, on a background thread, until {@link #close()}. */
    StandbySessions cleanEvery(Duration every) {
        cleanup = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("session-cleanup").daemon()
                .factory());
        cleanup.scheduleWithFixedDelay(this::removeExpired, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public Session createSession() {
        Session made = database.createSession(); // not written yet: the database's id and inactivity limit
        return standby.readOnly() ? new MapSession(made) : made;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void save(Session session) {
        if (session instanceof MapSession inMemory) {
            if (!inMemory.getId().equals(inMemory.getOriginalId())) {
                // a new id (a login): a database row under the old one, if any, must not be read again
                endRow(inMemory.getOriginalId(), inMemory.getMaxInactiveInterval());
            }
            memory.save(inMemory);
        } else if (standby.readOnly()) {
            memory.save(new MapSession(session)); // turned read-only during the request: the change lives here
        } else {
            ((SessionRepository) database).save(session);
            Map<String, Session> written = WRITTEN_IN_REQUEST.get();
            if (written != null) {
                written.put(session.getId(), session);
            }
        }
    }

    /**
     * From now until {@link #requestEnded()}, this thread serves one request, and this node remembers the sessions it
     * writes to the database meanwhile; false (and nothing to end) if a request on this thread is already begun.
     */
    static boolean requestBegun() {
        if (WRITTEN_IN_REQUEST.get() != null) {
            return false;
        }
        WRITTEN_IN_REQUEST.set(new HashMap<>());
        return true;
    }

    /** The request this thread served has ended: what it wrote is read from the database again. */
    static void requestEnded() {
        WRITTEN_IN_REQUEST.remove();
    }

    @Override
    public Session findById(String id) {
        Session here = memory.findById(id);
        if (here != null || ended.containsKey(id)) {
            return here;
        }
        if (!standby.readOnly()) {
            Session written = writtenInRequest(id);
            return written != null ? written : readable(database.findById(id));
        }
        try {
            Session stored = readable(database.findById(id));
            if (stored == null) {
                return null;
            }
            MapSession copy = new MapSession(stored);
            memory.save(copy);
            return copy;
        } catch (DataAccessException e) {
            // an expired row, which the repository tries to delete: gone for this node
            log.debug("A stored session could not be read on the read-only standby: {}", e.getMessage());
            return null;
        }
    }

    /** The session of this id this request has written to the database, as written, unless it has expired since. */
    private static Session writtenInRequest(String id) {
        Map<String, Session> written = WRITTEN_IN_REQUEST.get();
        Session session = written == null ? null : written.get(id);
        return session != null && session.getId().equals(id) && !session.isExpired() ? session : null;
    }

    /**
     * The stored session if this node can read each of its attributes (Java serialisation, read lazily); otherwise
     * none, and the row is left for the nodes that can (during a rolling upgrade, a type only a newer version has).
     */
    private static Session readable(Session stored) {
        if (stored == null) {
            return null;
        }
        for (String name : stored.getAttributeNames()) {
            try {
                stored.getAttribute(name);
            } catch (RuntimeException e) {
                log.warn("A stored session's attribute {} cannot be read by this node; the browser is treated as "
                        + "without a session here: {}", name, e.toString());
                return null;
            }
        }
        return stored;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Session> written = WRITTEN_IN_REQUEST.get();
        if (written != null) {
            written.remove(id);
        }
        MapSession here = memory.findById(id);
        memory.deleteById(id);
        if (standby.readOnly()) {
            endRow(id, here == null ? MapSession.DEFAULT_MAX_INACTIVE_INTERVAL : here.getMaxInactiveInterval());
        } else {
            database.deleteById(id);
        }
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return new HashMap<>(database.findByIndexNameAndIndexValue(indexName, indexValue));
    }

    private void endRow(String id, Duration maxInactive) {
        ended.put(id, clock.instant().plus(maxInactive.isNegative() ? Duration.ofDays(1) : maxInactive));
    }

    /** Deletes the database rows of the sessions ended while read-only (on promotion, and at each cleanup). */
    void deleteEndedRows() {
        if (standby.readOnly()) {
            return;
        }
        for (String id : ended.keySet()) {
            database.deleteById(id);
            ended.remove(id);
        }
    }

    /** One cleanup round: expired sessions in memory; in the database unless read-only. */
    void removeExpired() {
        try {
            kept.values().removeIf(Session::isExpired);
            Instant now = clock.instant();
            ended.values().removeIf(until -> until.isBefore(now));
            if (!standby.readOnly()) {
                deleteEndedRows();
                if (database instanceof JdbcIndexedSessionRepository jdbc) {
                    jdbc.cleanUpExpiredSessions();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Removing expired sessions failed; trying again at the next round", e);
        }
    }

    /** How many sessions this node keeps in memory (made or used while read-only). */
    int inMemory() {
        return kept.size();
    }

    @Override
    public void close() {
        if (cleanup != null) {
            cleanup.shutdownNow();
        }
    }
}

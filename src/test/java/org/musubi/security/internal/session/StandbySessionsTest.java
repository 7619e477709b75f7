package org.musubi.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.musubi.database.Standby;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/**
 * Two nodes on one session database: a writable one and a read-only standby. The standby writes nothing and keeps its
 * sessions in memory; a session the database holds carries on there; a sign-out there holds although the row stays.
 */
class StandbySessionsTest {

    private final Database database = new Database();
    private final StandbySessions primary = new StandbySessions(database, Standby.fixed(false), Clock.systemUTC());
    private final StandbySessions standby = new StandbySessions(database, Standby.fixed(true), Clock.systemUTC());

    @Test
    void aWritableNodeKeepsSessionsInTheDatabase() {
        Session session = primary.createSession();
        session.setAttribute("who", "taro");
        primary.save(session);

        assertThat(database.sessions).containsKey(session.getId());
        assertThat(primary.inMemory()).isZero();
        assertThat(primary.findById(session.getId()).<String>getAttribute("who")).isEqualTo("taro");
        primary.deleteById(session.getId());
        assertThat(database.sessions).isEmpty();
    }

    @Test
    void aStandbyKeepsItsSessionsInMemoryAndWritesNothing() {
        Session session = standby.createSession();
        session.setAttribute("who", "hanako");
        standby.save(session);

        assertThat(standby.findById(session.getId()).<String>getAttribute("who")).isEqualTo("hanako");
        assertThat(primary.findById(session.getId())).as("this node's only").isNull();
        standby.deleteById(session.getId());
        assertThat(standby.findById(session.getId())).isNull();
        assertThat(database.writes).hasValue(0);
    }

    @Test
    void aSessionOfTheDatabaseCarriesOnOnTheStandbyWithoutWrites() {
        Session signedIn = primary.createSession();
        signedIn.setAttribute("who", "taro");
        primary.save(signedIn);
        int writes = database.writes.get();

        Session there = standby.findById(signedIn.getId());
        there.setAttribute("step", 2);
        standby.save(there);

        Session again = standby.findById(signedIn.getId());
        assertThat(again.<String>getAttribute("who")).isEqualTo("taro");
        assertThat(again.<Integer>getAttribute("step")).isEqualTo(2);
        assertThat(database.writes).hasValue(writes);
    }

    @Test
    void aSignOutOnTheStandbyHoldsAlthoughTheRowStays() {
        Session signedIn = primary.createSession();
        primary.save(signedIn);
        standby.findById(signedIn.getId());

        standby.deleteById(signedIn.getId());

        assertThat(database.sessions).containsKey(signedIn.getId());
        assertThat(standby.findById(signedIn.getId())).isNull();
    }

    @Test
    void aNewIdOnTheStandbyLeavesTheOldRowUnread() {
        Session signedIn = primary.createSession();
        primary.save(signedIn);
        String old = signedIn.getId();

        Session there = standby.findById(old);
        String renewed = there.changeSessionId();
        standby.save(there);

        assertThat(standby.findById(renewed)).isNotNull();
        assertThat(standby.findById(old)).isNull();
    }

    @Test
    void aSessionWithAnAttributeThisNodeCannotReadIsNoneHereAndStays() {
        Session written = primary.createSession();
        written.setAttribute(Row.UNREADABLE, "a type of a newer version");
        primary.save(written);

        assertThat(primary.findById(written.getId())).isNull();
        assertThat(standby.findById(written.getId())).isNull();
        assertThat(database.sessions).containsKey(written.getId());
    }

    @Test
    void withinARequestASessionJustWrittenIsNotReadBackButAfterItIs() {
        Session signedIn = primary.createSession();
        signedIn.setAttribute("who", "taro");
        primary.save(signedIn);
        String old = signedIn.getId();

        assertThat(StandbySessions.requestBegun()).isTrue();
        try {
            assertThat(StandbySessions.requestBegun()).as("a forward within the request").isFalse();
            Session found = primary.findById(old);
            assertThat(database.reads).as("the request's first look-up reads").hasValue(1);
            found.setAttribute("step", 2);
            primary.save(found);
            assertThat(primary.findById(old)).as("as just written").isSameAs(found);
            assertThat(database.reads).as("not read back").hasValue(1);

            String renewed = found.changeSessionId();
            primary.save(found);
            assertThat(primary.findById(renewed)).isSameAs(found);
            assertThat(primary.findById(old)).as("the old id is asked of the database").isNull();
            assertThat(database.reads).hasValue(2);

            primary.deleteById(renewed);
            assertThat(primary.findById(renewed)).as("a deleted session is gone").isNull();
        } finally {
            StandbySessions.requestEnded();
        }

        Session kept = primary.createSession();
        primary.save(kept);
        int reads = database.reads.get();
        assertThat(primary.findById(kept.getId())).as("outside a request, always the database's").isNotSameAs(kept);
        assertThat(database.reads).hasValue(reads + 1);
    }

    @Test
    void theCleanupRemovesExpiredSessionsFromMemory() {
        Session session = standby.createSession();
        session.setMaxInactiveInterval(Duration.ofSeconds(1));
        session.setLastAccessedTime(Instant.now().minusSeconds(60));
        standby.save(session);
        assertThat(standby.inMemory()).isEqualTo(1);

        standby.removeExpired();

        assertThat(standby.inMemory()).isZero();
    }

    /** The shared session database, counting its writes; its sessions are no {@link MapSession}, as JDBC's are not. */
    private static final class Database implements FindByIndexNameSessionRepository<Row> {
        final Map<String, Session> sessions = new HashMap<>();
        final MapSessionRepository rows = new MapSessionRepository(sessions);
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Row createSession() {
            return new Row(rows.createSession());
        }

        @Override
        public void save(Row session) {
            writes.incrementAndGet();
            rows.save(session.map);
        }

        @Override
        public Row findById(String id) {
            reads.incrementAndGet();
            MapSession found = rows.findById(id);
            return found == null ? null : new Row(found);
        }

        @Override
        public void deleteById(String id) {
            writes.incrementAndGet();
            rows.deleteById(id);
        }

        @Override
        public Map<String, Row> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    private record Row(MapSession map) implements Session {

        /** An attribute whose stored form cannot be read (its class unknown here). */
        static final String UNREADABLE = "unreadable";

        @Override
        public String getId() {
            return map.getId();
        }

        @Override
        public String changeSessionId() {
            return map.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            if (UNREADABLE.equals(name)) {
                throw new IllegalStateException("cannot deserialise");
            }
            return map.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return map.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            map.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            map.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return map.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            map.setLastAccessedTime(time);
        }

        @Override
        public Instant getLastAccessedTime() {
            return map.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            map.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return map.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return map.isExpired();
        }
    }
}

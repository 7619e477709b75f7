package org.musubi.database;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The database parts of a second Musubi node on the integration tests' database, made as a node makes them (its own
 * lock connections, its own connection for the change versions), and a node's death as PostgreSQL sees it.
 */
public final class SecondNode {

    private SecondNode() {
    }

    /** A second node's job locks: connections of its own, as the application's role. */
    public static JobLocks jobLocks(ApplicationContext context) {
        return new JobLocks(connections(context));
    }

    /** A second node's change versions, read over connections of its own. */
    public static ChangeVersions changeVersions(ApplicationContext context) {
        return new ChangeVersions(connections(context));
    }

    private static DataSource connections(ApplicationContext context) {
        DatabaseEndpoint endpoint = context.getBean(DatabaseEndpoint.class);
        return new SimpleDriverDataSource(new org.postgresql.Driver(), endpoint.url(), endpoint.appUser(),
                endpoint.appPassword());
    }

    /**
     * Ends, as a node killed with SIGKILL ends, the database session that holds {@code job}'s lock: its backend is
     * terminated without the holder being told or closing anything. Returns once PostgreSQL has released the lock.
     */
    public static void killHolder(ApplicationContext context, String job) {
        long key = JobLocks.key(job);
        JdbcClient owner = JdbcClient.create(context.getBean(OwnerDatabase.class).dataSource());
        int killed = owner.sql("""
                SELECT count(pg_terminate_backend(pid))::int FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1""")
                .params(key >>> 32, key & 0xFFFF_FFFFL).query(Integer.class).single();
        if (killed != 1) {
            throw new IllegalStateException(killed + " sessions held " + job);
        }
        JobLocks locks = jobLocks(context);
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (locks.heldAnywhere(job)) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("the killed session still holds " + job);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

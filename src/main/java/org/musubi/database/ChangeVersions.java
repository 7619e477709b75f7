package org.musubi.database;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A version per kind of cached fact (table {@code change_version}, V41), so that a fact a node keeps in memory follows
 * a change made on another node at the next request (issue 41). A change calls {@link #bump} in its own transaction;
 * a cache asks {@link #current} and reads its fact again when the version differs from the one it read it at.
 * <p>
 * Cost: during an HTTP request, the first {@link #current} reads the whole table (a handful of rows, one primary-key
 * table, one round trip) and the request keeps the answer; requests that ask no cache read nothing. Outside a request
 * (jobs, commands) each call reads it. A version check, not PostgreSQL's LISTEN/NOTIFY: a notification arrives
 * asynchronously, so a request sent to node B right after a switch on node A could still be answered from the old
 * state, and a node whose listening connection broke would miss changes silently; the check cannot.
 * On a read-only standby the versions come with the replicated rows, and nothing there bumps them.
 */
public final class ChangeVersions {

    private static final String KEY = ChangeVersions.class.getName();
    private final JdbcClient jdbc;

    ChangeVersions(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The version of {@code kind} now (0 before its first change), read once per HTTP request. */
    public long current(String kind) {
        return versions().getOrDefault(kind, 0L);
    }

    /** Moves {@code kind}'s version on, in the caller's transaction (it takes effect everywhere when that commits). */
    public void bump(String kind) {
        jdbc.sql("""
                INSERT INTO change_version (kind, version) VALUES (?, 1)
                ON CONFLICT (kind) DO UPDATE SET version = change_version.version + 1""").param(kind).update();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> versions() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Object known = request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
            if (known != null) {
                return (Map<String, Long>) known;
            }
        }
        Map<String, Long> read = new HashMap<>();
        jdbc.sql("SELECT kind, version FROM change_version").query(rs -> {
            read.put(rs.getString(1), rs.getLong(2));
        });
        if (request != null) {
            request.setAttribute(KEY, read, RequestAttributes.SCOPE_REQUEST);
        }
        return read;
    }
}

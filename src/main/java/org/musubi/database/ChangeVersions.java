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
 * Cost: none of its own for a request that has a user: the request's one read of its user (the registry's, once per
 * request) carries {@link #COLUMN}, a sub-select of this handful of rows, and hands it to {@link #seen}. Otherwise the
 * first {@link #current} of a request reads the table (one round trip) and the request keeps the answer; requests
 * that ask no cache read nothing. Outside a request (jobs, commands) each call reads it. A version check, not PostgreSQL's LISTEN/NOTIFY: a notification arrives
 * asynchronously, so a request sent to node B right after a switch on node A could still be answered from the old
 * state, and a node whose listening connection broke would miss changes silently; the check cannot.
 * On a read-only standby the versions come with the replicated rows, and nothing there bumps them.
 */
public final class ChangeVersions {

    /**
     * The kind the writes that narrow someone's access to a person's record bump — a consent withdrawn, a link to a
     * facility ended, a facility blocked, a care-team membership or a proxy ended, an emergency access ended by
     * another (the consent records') — so that a permit a node remembers (the imaging viewer's study passes) is decided
     * again at the next request on every node. Writes that widen access need not; a cache of permits still bounds its
     * age for what ends by time or by other writes.
     */
    public static final String ACCESS_NARROWED = "access-narrowed";
    /**
     * A column of every version as text ({@code kind=version,…}), for a statement that a request sends anyway; the
     * row's value goes to {@link #seen}.
     */
    public static final String COLUMN =
            "(SELECT coalesce(string_agg(kind || '=' || version, ','), '') FROM change_version) AS change_versions";
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

    /**
     * Keeps, for the rest of the HTTP request, the versions a statement read with {@link #COLUMN} (nothing outside a
     * request, or when the request knows them already).
     */
    public static void seen(String column) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || column == null || request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) != null) {
            return;
        }
        Map<String, Long> read = new HashMap<>();
        for (String pair : column.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                read.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
            }
        }
        request.setAttribute(KEY, read, RequestAttributes.SCOPE_REQUEST);
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

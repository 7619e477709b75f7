package org.musubi.research.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.research.extraction.Extraction;
import org.musubi.research.extraction.ExtractionState;
import org.musubi.research.extraction.Extractions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code research_extraction}, {@code research_extraction_file} and {@code research_project_key} (V78). */
public final class JdbcExtractions implements Extractions {

    private static final String SELECT = "SELECT e.id, e.project_id, e.requested_by, e.state, e.k_threshold,"
            + " e.attempts, e.created_at, e.started_at, e.finished_at, e.expires_at, e.files_deleted_at,"
            + " e.report::text AS report, e.error FROM research_extraction e";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcExtractions(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public long queue(long projectId, long userId, int kThreshold) {
        return jdbc.sql("INSERT INTO research_extraction (project_id, requested_by, state, k_threshold)"
                        + " VALUES (?, ?, 'QUEUED', ?) RETURNING id")
                .params(projectId, userId, kThreshold).query(Long.class).single();
    }

    @Override
    public Optional<Extraction> find(long id) {
        return withFiles(jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(JdbcExtractions::row).list())
                .stream().findFirst();
    }

    @Override
    public List<Extraction> ofProject(long projectId) {
        return withFiles(jdbc.sql(SELECT + " WHERE e.project_id = ? ORDER BY e.id DESC").param(projectId)
                .query(JdbcExtractions::row).list());
    }

    @Override
    public int requeueInterrupted() {
        // a cancelled one is not started again: it fails as cancelled
        return jdbc.sql("UPDATE research_extraction SET state = CASE WHEN attempts >= ? OR error = 'cancelled'"
                        + " THEN 'FAILED' ELSE 'QUEUED' END,"
                        + " error = CASE WHEN error = 'cancelled' THEN error WHEN attempts >= ? THEN 'interrupted' END,"
                        + " finished_at = CASE WHEN attempts >= ? OR error = 'cancelled' THEN now() END"
                        + " WHERE state = 'RUNNING'")
                .params(MAX_ATTEMPTS, MAX_ATTEMPTS, MAX_ATTEMPTS).update();
    }

    @Override
    public Optional<Extraction> claimNext() {
        return jdbc.sql("UPDATE research_extraction SET state = 'RUNNING', attempts = attempts + 1, started_at = now()"
                        + " WHERE id = (SELECT id FROM research_extraction WHERE state = 'QUEUED' ORDER BY id"
                        + " LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id")
                .query(Long.class).optional().flatMap(this::find);
    }

    @Override
    public void done(long id, List<Extraction.File> files, String report, Instant expiresAt) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM research_extraction_file WHERE extraction_id = ?").param(id).update();
            for (Extraction.File f : files) {
                jdbc.sql("INSERT INTO research_extraction_file (extraction_id, name, part, sha256, size, resources)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                        .params(id, f.name(), f.part(), f.sha256(), f.size(), f.resources()).update();
            }
            // cancelled while it ran: done, but expired at once (the sweep deletes its files)
            jdbc.sql("UPDATE research_extraction SET state = 'DONE', finished_at = now(),"
                            + " expires_at = CASE WHEN error = 'cancelled' THEN now() ELSE ? END,"
                            + " report = ?::jsonb, error = CASE WHEN error = 'cancelled' THEN error END WHERE id = ?")
                    .params(Timestamp.from(expiresAt), report, id).update();
        });
    }

    @Override
    public void cancel(long id) {
        jdbc.sql("UPDATE research_extraction SET error = 'cancelled',"
                        + " state = CASE WHEN state = 'QUEUED' THEN 'FAILED' ELSE state END,"
                        + " finished_at = CASE WHEN state = 'QUEUED' THEN now() ELSE finished_at END,"
                        + " expires_at = CASE WHEN state = 'DONE' THEN LEAST(expires_at, now()) ELSE expires_at END"
                        + " WHERE id = ?").param(id).update();
    }

    @Override
    public void failed(long id, String error) {
        jdbc.sql("UPDATE research_extraction SET state = 'FAILED', finished_at = now(),"
                        + " error = CASE WHEN error = 'cancelled' THEN error ELSE ? END WHERE id = ?")
                .params(error == null ? "failed" : error.substring(0, Math.min(200, error.length())), id).update();
    }

    @Override
    public List<Extraction> toSweep(Instant now, LocalDate today) {
        return withFiles(jdbc.sql(SELECT + " JOIN research_project p ON p.id = e.project_id"
                        + " WHERE e.state = 'DONE' AND e.files_deleted_at IS NULL AND (e.expires_at <= ?"
                        + " OR p.status NOT IN ('APPROVED', 'NARROWED') OR p.period_to < ?) ORDER BY e.id LIMIT 1000")
                .params(Timestamp.from(now), today).query(JdbcExtractions::row).list());
    }

    @Override
    public void filesDeleted(long id, Instant at) {
        jdbc.sql("UPDATE research_extraction SET files_deleted_at = ? WHERE id = ?").params(Timestamp.from(at), id)
                .update();
    }

    @Override
    public byte[] projectKey(long projectId, byte[] fresh) {
        jdbc.sql("INSERT INTO research_project_key (project_id, secret) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(projectId, fresh).update();
        return jdbc.sql("SELECT secret FROM research_project_key WHERE project_id = ?").param(projectId)
                .query(byte[].class).single();
    }

    private List<Extraction> withFiles(List<Extraction> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Extraction.File>> files = new HashMap<>();
        jdbc.sql("SELECT extraction_id, name, part, sha256, size, resources FROM research_extraction_file"
                        + " WHERE extraction_id = ANY(?) ORDER BY extraction_id, name")
                .param(rows.stream().map(Extraction::id).toArray(Long[]::new))
                .query(rs -> {
                    files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Extraction.File(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)));
                });
        return rows.stream().map(e -> new Extraction(e.id(), e.projectId(), e.requestedBy(), e.state(),
                e.kThreshold(), e.attempts(), e.createdAt(), e.startedAt(), e.finishedAt(), e.expiresAt(),
                e.filesDeletedAt(), e.report(), e.error(), files.getOrDefault(e.id(), List.of()))).toList();
    }

    private static Extraction row(ResultSet rs, int n) throws SQLException {
        return new Extraction(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("requested_by"),
                ExtractionState.valueOf(rs.getString("state")), rs.getInt("k_threshold"), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "expires_at"), instant(rs, "files_deleted_at"), rs.getString("report"),
                rs.getString("error"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

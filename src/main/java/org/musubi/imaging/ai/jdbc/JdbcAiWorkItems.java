package org.musubi.imaging.ai.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.imaging.ai.AiService;
import org.musubi.imaging.ai.AiWorkItem;
import org.musubi.imaging.ai.AiWorkItems;
import org.musubi.imaging.ai.WorkState;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AiWorkItems} on {@code ai_work_item} (V72); the automatic scan reads {@code imaging_study} (V68). */
public final class JdbcAiWorkItems implements AiWorkItems {

    private static final String COLUMNS = """
            id, service_id, study_uid, requested_by, state, attempts, next_attempt_at, sent_at, pixels_read, report_id,
            last_error, created_at""";

    private final JdbcClient jdbc;

    public JdbcAiWorkItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AiWorkItem queue(long serviceId, String studyUid, Long requestedBy, Instant now) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO ai_work_item (service_id, study_uid, requested_by, state, next_attempt_at,
                            created_at, updated_at)
                        VALUES (?, ?, ?, 'QUEUED', ?, ?, ?)
                        ON CONFLICT (service_id, study_uid) WHERE state IN ('QUEUED', 'SENT') DO NOTHING RETURNING id""")
                .params(serviceId, studyUid, requestedBy, ts(now), ts(now), ts(now)).query(Long.class).optional();
        if (id.isPresent()) {
            return find(id.get()).orElseThrow();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_work_item WHERE service_id = ? AND study_uid = ?"
                        + " AND state IN ('QUEUED', 'SENT')")
                .params(serviceId, studyUid).query((rs, n) -> item(rs)).single();
    }

    @Override
    public Optional<AiWorkItem> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_work_item WHERE id = ?").param(id).query((rs, n) -> item(rs))
                .optional();
    }

    @Override
    public List<AiWorkItem> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_work_item WHERE state = 'QUEUED' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, id LIMIT ?")
                .params(ts(now), limit).query((rs, n) -> item(rs)).list();
    }

    @Override
    public List<AiWorkItem> sentBefore(Instant cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_work_item WHERE state = 'SENT' AND sent_at < ?"
                        + " ORDER BY sent_at, id LIMIT ?")
                .params(ts(cutoff), limit).query((rs, n) -> item(rs)).list();
    }

    @Override
    public boolean step(AiWorkItem after, WorkState from, Instant now) {
        if (!from.canMoveTo(after.state()) && from != after.state()) {
            throw new IllegalArgumentException("a work item does not move from " + from + " to " + after.state());
        }
        String error = after.lastError() == null ? null
                : after.lastError().substring(0, Math.min(2000, after.lastError().length()));
        return jdbc.sql("""
                        UPDATE ai_work_item SET state = ?, attempts = ?, next_attempt_at = ?, sent_at = ?, report_id = ?,
                            last_error = ?, updated_at = ? WHERE id = ? AND state = ?""")
                .params(after.state().name(), after.attempts(), ts(after.nextAttemptAt()), ts(after.sentAt()),
                        after.reportId(), error, ts(now), after.id(), from.name())
                .update() == 1;
    }

    @Override
    public boolean pixelsRead(long id) {
        return jdbc.sql("UPDATE ai_work_item SET pixels_read = true WHERE id = ? AND NOT pixels_read").param(id)
                .update() == 1;
    }

    @Override
    public List<AiWorkItem> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_work_item ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> item(rs)).list();
    }

    @Override
    public List<AiWorkItem> doneOf(String studyUid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_work_item WHERE study_uid = ? AND state = 'DONE'"
                        + " ORDER BY id DESC")
                .param(studyUid).query((rs, n) -> item(rs)).list();
    }

    @Override
    public List<Indexed> indexedSince(AiService service, int limit) {
        return jdbc.sql("""
                        SELECT s.study_uid, s.indexed_at FROM imaging_study s
                        WHERE s.indexed_at > ? AND s.modality = ANY(?::text[])
                          AND NOT EXISTS (SELECT 1 FROM ai_work_item w WHERE w.service_id = ? AND w.study_uid = s.study_uid
                                          AND w.state IN ('QUEUED', 'SENT', 'DONE'))
                        ORDER BY s.indexed_at, s.study_uid LIMIT ?""")
                .params(ts(service.lastSeenIndexedAt()), service.modalities().toArray(String[]::new), service.id(), limit)
                .query((rs, n) -> new Indexed(rs.getString("study_uid"), rs.getTimestamp("indexed_at").toInstant()))
                .list();
    }

    private static AiWorkItem item(ResultSet rs) throws SQLException {
        long requestedBy = rs.getLong("requested_by");
        Long requester = rs.wasNull() ? null : requestedBy;
        Timestamp sent = rs.getTimestamp("sent_at");
        return new AiWorkItem(rs.getLong("id"), rs.getLong("service_id"), rs.getString("study_uid"), requester,
                WorkState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), sent == null ? null : sent.toInstant(),
                rs.getBoolean("pixels_read"), rs.getString("report_id"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}

package org.musubi.consult.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.consult.ConsultRows;
import org.musubi.consult.ConsultStatus;
import org.musubi.consult.ConsultThread;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ConsultRows} on the tables of V56. */
public final class JdbcConsultRows implements ConsultRows {

    private static final String COLUMNS = """
            t.id, t.person_id, t.patient_key, t.asking_facility, t.asking_user, t.addressee_facility, t.addressee_user,
            t.department, t.subject, t.patient_name, t.header_id, t.status, t.meeting_at, t.meeting_url, t.created_at,
            t.updated_at""";
    /** The threads user :me of facility :facility takes part in. */
    private static final String PARTICIPANT = """
            (t.asking_user = :me OR (t.addressee_facility = :facility AND t.asking_user <> :me
                AND (t.addressee_user IS NULL OR t.addressee_user = :me)))""";
    private static final String UNREAD = """
            (SELECT count(*) FROM consult_row r WHERE r.thread_id = t.id AND r.kind = 'MESSAGE'
                AND r.author_user IS DISTINCT FROM :me
                AND r.seq > coalesce((SELECT s.seen_seq FROM consult_seen s WHERE s.thread_id = t.id
                                      AND s.user_id = :me), 0))""";

    private final JdbcClient jdbc;

    public JdbcConsultRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ConsultThread t) {
        jdbc.sql("""
                        INSERT INTO consult_thread (id, person_id, patient_key, asking_facility, asking_user,
                            addressee_facility, addressee_user, department, subject, patient_name, header_id, status,
                            meeting_at, meeting_url, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.personId(), t.patientKey(), t.askingFacility(), t.askingUser(), t.addresseeFacility(),
                        t.addresseeUser(), t.department(), t.subject(), t.patientName(), t.headerId(), t.status().name(),
                        ts(t.meetingAt()), t.meetingUrl(), ts(t.createdAt()), ts(t.updatedAt()))
                .update();
    }

    @Override
    public Optional<ConsultThread> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_thread t WHERE t.id = ?").param(id)
                .query((rs, n) -> thread(rs)).optional();
    }

    @Override
    public List<Row> rows(UUID thread) {
        return jdbc.sql("SELECT seq, kind, resource_id, author_user, at FROM consult_row WHERE thread_id = ? ORDER BY seq")
                .param(thread).query((rs, n) -> new Row(rs.getInt(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        (Long) rs.getObject(4), rs.getTimestamp(5).toInstant())).list();
    }

    @Override
    public List<Integer> append(ConsultThread thread, List<Row> rows) {
        jdbc.sql("SELECT 1 FROM consult_thread WHERE id = ? FOR UPDATE").param(thread.id()).query((rs, n) -> 1).list();
        int next = jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM consult_row WHERE thread_id = ?").param(thread.id())
                .query(Integer.class).single();
        List<Integer> seqs = new ArrayList<>();
        for (Row row : rows) {
            jdbc.sql("""
                            INSERT INTO consult_row (thread_id, person_id, seq, kind, resource_id, author_user, at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(thread.id(), thread.personId(), next, row.kind().name(), row.resourceId(), row.authorUser(),
                            ts(row.at()))
                    .update();
            seqs.add(next++);
        }
        return seqs;
    }

    @Override
    public void update(ConsultThread t) {
        jdbc.sql("UPDATE consult_thread SET status = ?, meeting_at = ?, meeting_url = ?, updated_at = ? WHERE id = ?")
                .params(t.status().name(), ts(t.meetingAt()), t.meetingUrl(), ts(t.updatedAt()), t.id()).update();
    }

    @Override
    public int seen(UUID thread, long userId) {
        return jdbc.sql("SELECT seen_seq FROM consult_seen WHERE thread_id = ? AND user_id = ?").params(thread, userId)
                .query(Integer.class).optional().orElse(0);
    }

    @Override
    public void seen(ConsultThread thread, long userId, int seq) {
        jdbc.sql("""
                        INSERT INTO consult_seen (thread_id, person_id, user_id, seen_seq) VALUES (?, ?, ?, ?)
                        ON CONFLICT (thread_id, user_id) DO UPDATE
                        SET seen_seq = greatest(consult_seen.seen_seq, excluded.seen_seq)""")
                .params(thread.id(), thread.personId(), userId, seq).update();
    }

    @Override
    public List<Line> mine(long userId, Long facilityId, Set<ConsultStatus> statuses, int limit) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + ", " + UNREAD + " FROM consult_thread t WHERE " + PARTICIPANT
                        + " AND t.status IN (:statuses) ORDER BY t.updated_at DESC, t.id LIMIT :limit")
                .param("me", userId).param("facility", facilityId == null ? -1L : facilityId)
                .param("statuses", statuses.stream().map(Enum::name).toList()).param("limit", limit)
                .query((rs, n) -> new Line(thread(rs), rs.getInt(17))).list();
    }

    @Override
    public int unread(long userId, Long facilityId) {
        return jdbc.sql("SELECT coalesce(sum(" + UNREAD + "), 0)::int FROM consult_thread t WHERE " + PARTICIPANT
                        + " AND t.status <> 'CLOSED'")
                .param("me", userId).param("facility", facilityId == null ? -1L : facilityId)
                .query(Integer.class).single();
    }

    private static ConsultThread thread(ResultSet rs) throws SQLException {
        return new ConsultThread(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), ConsultStatus.valueOf(rs.getString(12)), instant(rs, 13),
                rs.getString(14), instant(rs, 15), instant(rs, 16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

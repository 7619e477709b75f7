package org.musubi.secretariat.helpdesk.jdbc;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.secretariat.helpdesk.HelpCategory;
import org.musubi.secretariat.helpdesk.HelpQuestions;
import org.musubi.secretariat.helpdesk.HelpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcHelpQuestions implements HelpQuestions {

    private static final String COLUMNS = "id, asked_by, facility_id, category, subject, page, patient_key, status, "
            + "unread_answer, asked_at, changed_at";
    /** Question ids are random, ten digits: a reference to quote, which counts nothing and guesses nothing. */
    private static final long FIRST_ID = 1_000_000_000L;
    private static final long ID_SPAN = 9_000_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    JdbcHelpQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long add(NewQuestion q) {
        while (true) {
            long id = FIRST_ID + RANDOM.nextLong(ID_SPAN);
            int stored = jdbc.sql("""
                    INSERT INTO helpdesk_question (id, asked_by, facility_id, category, subject, page, patient_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                    .params(id, q.askedBy(), q.facilityId(), q.category().name(), q.subject(), q.page(), q.patientKey())
                    .update();
            if (stored == 1) {
                event(id, q.askedBy(), false, HelpStatus.NEW, q.text());
                return id;
            }
        }
    }

    @Override
    public Optional<Question> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM helpdesk_question WHERE id = ?").param(id)
                .query(JdbcHelpQuestions::question).optional();
    }

    @Override
    public List<Question> askedBy(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM helpdesk_question WHERE asked_by = ? ORDER BY asked_at DESC, id DESC"
                + " LIMIT 500").param(userId).query(JdbcHelpQuestions::question).list();
    }

    @Override
    public List<Question> queue(Set<HelpStatus> statuses, int limit) {
        String[] names = (statuses.isEmpty() ? Set.of(HelpStatus.values()) : statuses).stream().map(Enum::name)
                .toArray(String[]::new);
        return jdbc.sql("SELECT " + COLUMNS + " FROM helpdesk_question WHERE status = ANY(?) ORDER BY asked_at, id LIMIT ?")
                .params(names, limit).query(JdbcHelpQuestions::question).list();
    }

    @Override
    public List<Event> history(long questionId) {
        return jdbc.sql("SELECT at, by_user, secretariat, status, message FROM helpdesk_event WHERE question_id = ? "
                + "ORDER BY id").param(questionId).query((rs, row) -> new Event(rs.getTimestamp("at").toInstant(),
                rs.getLong("by_user"), rs.getBoolean("secretariat"), HelpStatus.valueOf(rs.getString("status")),
                rs.getString("message"))).list();
    }

    @Override
    @Transactional
    public boolean move(long questionId, HelpStatus from, HelpStatus to, long byUser, boolean secretariat,
                        String message) {
        boolean unread = secretariat && to == HelpStatus.ANSWERED && message != null;
        int moved = jdbc.sql("""
                UPDATE helpdesk_question SET status = ?, changed_at = now(),
                       unread_answer = CASE WHEN ? THEN true WHEN ? THEN unread_answer ELSE false END
                WHERE id = ? AND status = ?""")
                .params(to.name(), unread, secretariat, questionId, from.name()).update();
        if (moved == 1) {
            event(questionId, byUser, secretariat, to, message);
        }
        return moved == 1;
    }

    @Override
    public void markRead(long questionId) {
        jdbc.sql("UPDATE helpdesk_question SET unread_answer = false WHERE id = ? AND unread_answer").param(questionId)
                .update();
    }

    @Override
    public int unreadAnswers(long userId) {
        return jdbc.sql("SELECT count(*) FROM helpdesk_question WHERE asked_by = ? AND unread_answer AND status = 'ANSWERED'")
                .param(userId).query(Integer.class).single();
    }

    @Override
    public int[] waiting(Instant overdueBefore) {
        return jdbc.sql("""
                SELECT count(*) AS waiting, count(*) FILTER (WHERE asked_at < ?) AS overdue
                FROM helpdesk_question WHERE status IN ('NEW', 'IN_PROGRESS')""")
                .param(Timestamp.from(overdueBefore))
                .query((rs, row) -> new int[] {rs.getInt("waiting"), rs.getInt("overdue")}).single();
    }

    private void event(long questionId, long byUser, boolean secretariat, HelpStatus status, String message) {
        jdbc.sql("INSERT INTO helpdesk_event (question_id, by_user, secretariat, status, message) VALUES (?, ?, ?, ?, ?)")
                .params(questionId, byUser, secretariat, status.name(), message).update();
    }

    private static Question question(ResultSet rs, int row) throws SQLException {
        long facility = rs.getLong("facility_id");
        Long facilityId = rs.wasNull() ? null : facility;
        return new Question(rs.getLong("id"), rs.getLong("asked_by"), facilityId,
                HelpCategory.valueOf(rs.getString("category")), rs.getString("subject"), rs.getString("page"),
                rs.getString("patient_key"), HelpStatus.valueOf(rs.getString("status")), rs.getBoolean("unread_answer"),
                rs.getTimestamp("asked_at").toInstant(), rs.getTimestamp("changed_at").toInstant());
    }
}

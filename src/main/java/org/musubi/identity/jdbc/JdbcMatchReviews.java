package org.musubi.identity.jdbc;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcMatchReviews implements MatchReviews {

    private final JdbcClient jdbc;

    JdbcMatchReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long open(long sourcePatientId, List<ReviewCandidate> candidates, Set<String> reasons) {
        long id = jdbc.sql("""
                INSERT INTO match_review (source_patient_id, reasons) VALUES (?, ?)
                ON CONFLICT (source_patient_id) WHERE status = 'OPEN' DO UPDATE SET reasons = excluded.reasons
                RETURNING id""").params(sourcePatientId, reasons.stream().sorted().toArray(String[]::new))
                .query(Long.class).single();
        for (ReviewCandidate c : candidates) {
            jdbc.sql("""
                    INSERT INTO match_review_candidate (review_id, person_id, score, breakdown) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""").params(id, c.personId(), c.score(), c.breakdown()).update();
        }
        return id;
    }

    @Override
    public Optional<OpenReview> find(long reviewId) {
        return jdbc.sql("SELECT * FROM match_review WHERE id = ?").param(reviewId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("source_patient_id"),
                        new HashSet<>(Arrays.asList((String[]) rs.getArray("reasons").getArray())), rs.getString("status")))
                .optional().map(this::review);
    }

    @Override
    public Page<OpenReview> open(PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM match_review WHERE status = 'OPEN'").query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT id FROM match_review WHERE status = 'OPEN' ORDER BY id LIMIT ? OFFSET ?")
                .params(page.size(), page.offset()).query(Long.class).list();
        return new Page<>(ids.stream().map(id -> find(id).orElseThrow()).toList(), page, total);
    }

    @Override
    public boolean close(long reviewId, String status, Long personId, long userId) {
        return jdbc.sql("""
                UPDATE match_review SET status = ?, decided_person_id = ?, decided_by = ?, decided_at = now()
                WHERE id = ? AND status = 'OPEN'""").params(status, personId, userId <= 0 ? null : userId, reviewId)
                .update() == 1;
    }

    @Override
    public Map<Long, Long> waitingWithoutKana(LocalDate birthDate, Sex sex) {
        Map<Long, Long> waiting = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.id, r.source_patient_id FROM match_review r JOIN source_patient s ON s.id = r.source_patient_id
                WHERE r.status = 'OPEN' AND s.birth_date = ? AND s.sex = ?
                  AND (coalesce(s.family_kana, '') = '' OR coalesce(s.given_kana, '') = '') ORDER BY r.id""")
                .params(Date.valueOf(birthDate), sex.name())
                .query(rs -> {
                    waiting.put(rs.getLong(1), rs.getLong(2));
                });
        return waiting;
    }

    @Override
    public List<Waiting> waitingAmong(Collection<Long> sourcePatientIds) {
        if (sourcePatientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.*, r.id AS review_id FROM source_patient s
                LEFT JOIN match_review r ON r.source_patient_id = s.id AND r.status = 'OPEN'
                WHERE s.id = ANY(?) AND NOT EXISTS (SELECT 1 FROM person_link l WHERE l.source_patient_id = s.id)
                ORDER BY s.local_id""").param(sourcePatientIds.toArray(Long[]::new))
                .query((rs, n) -> new Waiting(JdbcIdentityStore.sourcePatient(rs, n),
                        rs.getObject("review_id") == null ? null : rs.getLong("review_id"))).list();
    }

    private OpenReview review(Row row) {
        SourcePatient source = jdbc.sql("SELECT * FROM source_patient WHERE id = ?").param(row.sourcePatientId())
                .query(JdbcIdentityStore::sourcePatient).single();
        List<ReviewCandidate> candidates = jdbc.sql("""
                SELECT person_id, score, breakdown FROM match_review_candidate WHERE review_id = ? ORDER BY score DESC""")
                .param(row.id()).query((rs, n) -> new ReviewCandidate(rs.getLong(1), rs.getDouble(2), rs.getString(3)))
                .list();
        return new OpenReview(row.id(), source, candidates, row.reasons(), row.status());
    }

    private record Row(long id, long sourcePatientId, Set<String> reasons, String status) {
    }
}

package org.musubi.identity.jdbc;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of merge and unmerge, run inside the caller's transaction. A merge records the
 * survivor's demographics before it and one MOVE event per moved link (with the link's former
 * method), so an unmerge restores exactly the state before.
 */
final class MergeSql {

    private final JdbcClient jdbc;

    MergeSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long merge(long survivorId, long mergedId, long userId, String reason) {
        long mergeId = jdbc.sql("""
                INSERT INTO identity_event (kind, person_id, other_person_id, user_id, reason, survivor_before)
                VALUES ('MERGE', ?, ?, ?, ?, (SELECT to_jsonb(p) FROM person p WHERE p.id = ?)) RETURNING id""")
                .params(survivorId, mergedId, userId <= 0 ? null : userId, reason, survivorId).query(Long.class).single();
        List<Moved> moved = jdbc.sql("SELECT source_patient_id, method FROM person_link WHERE person_id = ? FOR UPDATE")
                .param(mergedId).query((rs, n) -> new Moved(rs.getLong(1), rs.getString(2))).list();
        for (Moved m : moved) {
            event("MOVE", survivorId, mergedId, m.sourcePatientId(), mergeId, userId, m.method());
        }
        jdbc.sql("""
                UPDATE person_link SET person_id = ?, method = 'MERGE', linked_at = now(), linked_by = ?
                WHERE person_id = ?""").params(survivorId, userId <= 0 ? null : userId, mergedId).update();
        jdbc.sql("""
                UPDATE person s SET postal_code = coalesce(s.postal_code, m.postal_code),
                  address = coalesce(s.address, m.address), phone = coalesce(s.phone, m.phone), updated_at = now()
                FROM person m WHERE s.id = ? AND m.id = ?""").params(survivorId, mergedId).update();
        jdbc.sql("UPDATE person SET status = 'MERGED', merged_into = ?, updated_at = now() WHERE id = ?")
                .params(survivorId, mergedId).update();
        return mergeId;
    }

    void unmerge(long mergeId, long userId, String reason) {
        long[] parties = jdbc.sql("SELECT person_id, other_person_id FROM identity_event WHERE id = ?").param(mergeId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<Moved> moved = jdbc.sql("SELECT source_patient_id, reason FROM identity_event WHERE merge_id = ? AND kind = 'MOVE'")
                .param(mergeId).query((rs, n) -> new Moved(rs.getLong(1), rs.getString(2))).list();
        for (Moved m : moved) {
            jdbc.sql("UPDATE person_link SET person_id = ?, method = ? WHERE source_patient_id = ? AND person_id = ?")
                    .params(parties[1], m.method(), m.sourcePatientId(), parties[0]).update();
        }
        jdbc.sql("""
                UPDATE person p SET family_kanji = b.family_kanji, given_kanji = b.given_kanji,
                  family_kana = b.family_kana, given_kana = b.given_kana, sex = b.sex, birth_date = b.birth_date,
                  postal_code = b.postal_code, address = b.address, phone = b.phone, updated_at = now()
                FROM jsonb_populate_record(NULL::person, (SELECT survivor_before FROM identity_event WHERE id = ?)) b
                WHERE p.id = ?""").params(mergeId, parties[0]).update();
        jdbc.sql("UPDATE person SET status = 'ACTIVE', merged_into = NULL, updated_at = now() WHERE id = ?")
                .param(parties[1]).update();
        event("UNMERGE", parties[0], parties[1], null, mergeId, userId, reason);
    }

    void event(String kind, long personId, Long otherPersonId, Long sourcePatientId, Long mergeId, long userId,
               String reason) {
        jdbc.sql("""
                INSERT INTO identity_event (kind, person_id, other_person_id, source_patient_id, merge_id, user_id, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(kind, personId, otherPersonId, sourcePatientId, mergeId, userId <= 0 ? null : userId, reason)
                .update();
    }

    private record Moved(long sourcePatientId, String method) {
    }
}

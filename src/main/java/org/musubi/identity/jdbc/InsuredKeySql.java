package org.musubi.identity.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.identity.matching.InsuredKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hashed insured-person numbers of source patients (table source_patient_insured, migration V66): one per source
 * patient, the last one its facility sent; read only by 名寄せ.
 */
final class InsuredKeySql {

    private final JdbcClient jdbc;

    InsuredKeySql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void receive(long sourcePatientId, InsuredKeys.Key key) {
        jdbc.sql("""
                INSERT INTO source_patient_insured (source_patient_id, card_hash, member_hash) VALUES (?, ?, ?)
                ON CONFLICT (source_patient_id) DO UPDATE SET card_hash = excluded.card_hash,
                  member_hash = excluded.member_hash, received_at = now()
                WHERE (source_patient_insured.card_hash, source_patient_insured.member_hash)
                  IS DISTINCT FROM (excluded.card_hash, excluded.member_hash)""")
                .params(sourcePatientId, key.card(), key.member()).update();
    }

    Optional<InsuredKeys.Key> of(long sourcePatientId) {
        return jdbc.sql("SELECT card_hash, member_hash FROM source_patient_insured WHERE source_patient_id = ?")
                .param(sourcePatientId).query((rs, n) -> new InsuredKeys.Key(rs.getString(1), rs.getString(2)))
                .optional();
    }

    Map<Long, List<InsuredKeys.Key>> ofPersons(Collection<Long> personIds) {
        Map<Long, List<InsuredKeys.Key>> keys = new LinkedHashMap<>();
        if (personIds.isEmpty()) {
            return keys;
        }
        jdbc.sql("""
                SELECT l.person_id, i.card_hash, i.member_hash FROM source_patient_insured i
                JOIN person_link l ON l.source_patient_id = i.source_patient_id WHERE l.person_id = ANY(?)""")
                .param(personIds.toArray(Long[]::new))
                .query(rs -> {
                    keys.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new InsuredKeys.Key(rs.getString(2), rs.getString(3)));
                });
        return keys;
    }
}

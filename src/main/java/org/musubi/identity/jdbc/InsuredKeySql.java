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
 * The hashed insured-person numbers of source patients (table source_patient_insured, migration V74): one per source
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

    /** As {@link #receive} for many source patients, in one statement (an import chunk's patients). */
    void receiveAll(Map<Long, InsuredKeys.Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Long[] ids = keys.keySet().stream().sorted().toArray(Long[]::new); // one order: concurrent chunks never deadlock
        String[] cards = new String[ids.length];
        String[] members = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            cards[i] = keys.get(ids[i]).card();
            members[i] = keys.get(ids[i]).member();
        }
        jdbc.sql("""
                INSERT INTO source_patient_insured (source_patient_id, card_hash, member_hash)
                SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[])
                ON CONFLICT (source_patient_id) DO UPDATE SET card_hash = excluded.card_hash,
                  member_hash = excluded.member_hash, received_at = now()
                WHERE (source_patient_insured.card_hash, source_patient_insured.member_hash)
                  IS DISTINCT FROM (excluded.card_hash, excluded.member_hash)""")
                .params(ids, cards, members).update();
    }

    /** The numbers recorded for these source patients; those without one are absent. */
    Map<Long, InsuredKeys.Key> of(Collection<Long> sourcePatientIds) {
        Map<Long, InsuredKeys.Key> keys = new LinkedHashMap<>();
        if (sourcePatientIds.isEmpty()) {
            return keys;
        }
        jdbc.sql("SELECT source_patient_id, card_hash, member_hash FROM source_patient_insured WHERE source_patient_id = ANY(?)")
                .param(sourcePatientIds.toArray(Long[]::new))
                .query(rs -> {
                    keys.put(rs.getLong(1), new InsuredKeys.Key(rs.getString(2), rs.getString(3)));
                });
        return keys;
    }

    /** The persons linked to a source patient with a number on one of these cards (hashes), by card hash. */
    Map<String, List<Long>> personsByCard(Collection<String> cardHashes) {
        Map<String, List<Long>> persons = new LinkedHashMap<>();
        if (cardHashes.isEmpty()) {
            return persons;
        }
        jdbc.sql("""
                SELECT i.card_hash, l.person_id FROM source_patient_insured i
                JOIN person_link l ON l.source_patient_id = i.source_patient_id WHERE i.card_hash = ANY(?)""")
                .param(cardHashes.toArray(String[]::new))
                .query(rs -> {
                    persons.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(rs.getLong(2));
                });
        return persons;
    }

    /** The facility's one source patient with exactly this number recorded; empty for none or several. */
    Optional<Long> sourcePatient(long facilityId, InsuredKeys.Key key) {
        List<Long> found = jdbc.sql("""
                SELECT i.source_patient_id FROM source_patient_insured i JOIN source_patient s ON s.id = i.source_patient_id
                WHERE s.facility_id = ? AND i.card_hash = ? AND i.member_hash IS NOT DISTINCT FROM ? LIMIT 2""")
                .params(facilityId, key.card(), key.member()).query(Long.class).list();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
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

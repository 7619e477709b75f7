package org.musubi.identity.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.identity.SourcePatient;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stores source patients, one or thousands in one statement: a new (facility, local id) is inserted, a known one refreshed. */
final class SourcePatientSql {

    private final JdbcClient jdbc;

    SourcePatientSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The patients as stored, in the given order; each (facility, local id) must occur only once. */
    List<SourcePatient> receiveAll(List<SourcePatient> received) {
        if (received.isEmpty()) {
            return List.of();
        }
        List<SourcePatient> stored = jdbc.sql("""
                INSERT INTO source_patient (facility_id, local_id, family_kanji, given_kanji, family_kana, given_kana, sex,
                  birth_date, postal_code, address, phone)
                SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::date[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT (facility_id, local_id) DO UPDATE SET family_kanji = excluded.family_kanji,
                  given_kanji = excluded.given_kanji, family_kana = excluded.family_kana, given_kana = excluded.given_kana,
                  sex = excluded.sex, birth_date = excluded.birth_date, postal_code = excluded.postal_code,
                  address = excluded.address, phone = excluded.phone, updated_at = now()
                RETURNING *""")
                .params(Columns.longs(received, SourcePatient::facilityId), Columns.texts(received, SourcePatient::localId),
                        Columns.texts(received, SourcePatient::familyKanji), Columns.texts(received, SourcePatient::givenKanji),
                        Columns.texts(received, SourcePatient::familyKana), Columns.texts(received, SourcePatient::givenKana),
                        Columns.texts(received, s -> s.sex() == null ? null : s.sex().name()),
                        Columns.texts(received, s -> s.birthDate() == null ? null : s.birthDate().toString()),
                        Columns.texts(received, SourcePatient::postalCode), Columns.texts(received, SourcePatient::address),
                        Columns.texts(received, SourcePatient::phone))
                .query(JdbcIdentityStore::sourcePatient).list();
        Map<String, SourcePatient> byLocalId = new HashMap<>();
        stored.forEach(s -> byLocalId.put(s.facilityId() + "\u001f" + s.localId(), s));
        return received.stream().map(r -> byLocalId.get(r.facilityId() + "\u001f" + r.localId())).toList();
    }
}

package org.musubi.identity.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.musubi.identity.RegionalId;
import org.musubi.testing.SchemaAt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V20 gives every existing person a new random id that is no card number (id = regional ID), keeps
 * the former ones for the audit rows written before it, carries every reference to a person over, and leaves the
 * cards as they were (their numbers, the former regional IDs, now only credentials, without a check code).
 */
class PersonIdsMigrationIT {

    @Test
    void everyPersonGetsARandomIdThatIsNoCardNumberAndEveryReferenceFollows() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "19");
            JdbcTemplate jdbc = new JdbcTemplate(source);
            long facility = jdbc.queryForObject("""
                    INSERT INTO facility (name_kanji, name_kana, kind, prefecture, disclosing, viewing)
                    VALUES ('結び病院', 'ムスビビョウイン', 'HOSPITAL', 34, true, true) RETURNING id""", Long.class);
            long user = jdbc.queryForObject("""
                    INSERT INTO app_user (login_id, name_kanji, name_kana, profession) VALUES ('op', '運用', 'ウンヨウ',
                    'NETWORK_OPERATOR') RETURNING id""", Long.class);
            String firstCard = RegionalId.append("123456789012345");
            String secondCard = RegionalId.append("223456789012345");
            long survivor = person(jdbc, firstCard, "ヤマダ");
            long merged = person(jdbc, secondCard, "ヤマダ");
            jdbc.update("UPDATE person SET status = 'MERGED', merged_into = ? WHERE id = ?", survivor, merged);
            long sourcePatient = jdbc.queryForObject("""
                    INSERT INTO source_patient (facility_id, local_id) VALUES (?, 'L1') RETURNING id""", Long.class, facility);
            jdbc.update("INSERT INTO person_link (source_patient_id, person_id, method) VALUES (?, ?, 'CARD')", sourcePatient, survivor);
            jdbc.update("""
                    INSERT INTO identity_event (kind, person_id, other_person_id, user_id, reason, survivor_before)
                    VALUES ('MERGE', ?, ?, ?, 'same person', (SELECT to_jsonb(p) FROM person p WHERE p.id = ?))""",
                    survivor, merged, user, survivor);
            jdbc.update("INSERT INTO consent (person_id, scope, purposes) VALUES (?, 'ALL_FACILITIES', '{TREATMENT}')", survivor);
            jdbc.update("INSERT INTO patient_link (person_id, facility_id) VALUES (?, ?)", survivor, facility);
            jdbc.update("INSERT INTO facility_block (person_id, facility_id) VALUES (?, ?)", merged, facility);
            jdbc.update("""
                    INSERT INTO emergency_access (person_id, user_id, reason, expires_at)
                    VALUES (?, ?, '救急搬送の患者', now())""", survivor, user);
            jdbc.update("INSERT INTO card (number, issue_no, kind, person_id) VALUES (?, 1, 'REGIONAL', ?)", firstCard, survivor);
            jdbc.update("INSERT INTO person_match_key (key, person_id) VALUES ('D19400101ヤ', ?)", survivor);
            long review = jdbc.queryForObject("""
                    INSERT INTO match_review (source_patient_id, decided_person_id) VALUES (?, ?) RETURNING id""",
                    Long.class, sourcePatient, survivor);
            jdbc.update("INSERT INTO match_review_candidate (review_id, person_id, score, breakdown) VALUES (?, ?, 30, '')",
                    review, merged);
            List<String> foreignKeys = foreignKeysToPerson(jdbc);

            SchemaAt.migrate(source, "latest");

            Map<String, Object> first = jdbc.queryForMap("SELECT * FROM person WHERE former_id = ?", survivor);
            Map<String, Object> second = jdbc.queryForMap("SELECT * FROM person WHERE former_id = ?", merged);
            for (Map<String, Object> p : List.of(first, second)) {
                String regional = (String) p.get("regional_id");
                assertThat(RegionalId.valid(regional)).isTrue();
                assertThat((Long) p.get("id")).isEqualTo(Long.parseLong(regional)).isGreaterThanOrEqualTo(1_000_000_000_000_000L);
                assertThat(regional).isNotIn(firstCard, secondCard);
            }
            assertThat(first.get("former_regional_id")).isEqualTo(firstCard);
            assertThat(second.get("former_regional_id")).isEqualTo(secondCard);
            long newSurvivor = (Long) first.get("id");
            long newMerged = (Long) second.get("id");
            assertThat(second.get("merged_into")).isEqualTo(newSurvivor);
            assertThat(one(jdbc, "SELECT person_id FROM person_link")).isEqualTo(newSurvivor);
            assertThat(one(jdbc, "SELECT person_id FROM identity_event")).isEqualTo(newSurvivor);
            assertThat(one(jdbc, "SELECT other_person_id FROM identity_event")).isEqualTo(newMerged);
            assertThat(one(jdbc, "SELECT person_id FROM consent")).isEqualTo(newSurvivor);
            assertThat(one(jdbc, "SELECT person_id FROM patient_link")).isEqualTo(newSurvivor);
            assertThat(one(jdbc, "SELECT person_id FROM facility_block")).isEqualTo(newMerged);
            assertThat(one(jdbc, "SELECT person_id FROM emergency_access")).isEqualTo(newSurvivor);
            assertThat(one(jdbc, "SELECT person_id FROM card")).isEqualTo(newSurvivor);
            assertThat(one(jdbc, "SELECT person_id FROM person_match_key WHERE key = 'D19400101ヤ'")).isEqualTo(newSurvivor);
            assertThat(jdbc.queryForList("SELECT DISTINCT person_id FROM person_match_key", Long.class))
                    .as("every key, also those later migrations add (V38's B key)").containsExactly(newSurvivor);
            assertThat(one(jdbc, "SELECT decided_person_id FROM match_review")).isEqualTo(newSurvivor);
            assertThat(one(jdbc, "SELECT person_id FROM match_review_candidate")).isEqualTo(newMerged);
            assertThat(jdbc.queryForMap("SELECT number, check_hash FROM card")).as("the card keeps its number, has no code")
                    .containsEntry("number", firstCard).containsEntry("check_hash", null);
            assertThat(foreignKeysToPerson(jdbc)).as("every foreign key to person back (later migrations add more)")
                    .containsAll(foreignKeys);
            JdbcIdentityStore store = new JdbcIdentityStore(JdbcClient.create(source), jdbc);
            assertThat(store.namesInAudit((String) first.get("regional_id")))
                    .as("the audit rows written before name the survivor and the person merged into it by their former IDs")
                    .containsExactlyInAnyOrder((String) first.get("regional_id"), firstCard,
                            (String) second.get("regional_id"), secondCard);
            assertThat(store.namesInAudit("1234")).containsExactly("1234");
            assertThatThrownBy(() -> jdbc.update("UPDATE identity_event SET reason = 'changed'"))
                    .as("identity events are append-only again").rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("UPDATE person SET id = id + 1 WHERE id = ?", newSurvivor))
                    .as("id and regional ID stay one").rootCause().hasMessageContaining("person_id_is_regional_id");
        }
    }

    private static long person(JdbcTemplate jdbc, String regionalId, String familyKana) {
        return jdbc.queryForObject("""
                INSERT INTO person (regional_id, family_kanji, given_kanji, family_kana, given_kana, sex, birth_date)
                VALUES (?, '山田', '花子', ?, 'ハナコ', 'FEMALE', '1940-01-01') RETURNING id""", Long.class, regionalId,
                familyKana);
    }

    private static long one(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Each foreign key to person as "table(columns)". */
    private static List<String> foreignKeysToPerson(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT c.conrelid::regclass::text || '(' || string_agg(a.attname, ',' ORDER BY a.attname) || ')'
                  FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
                 WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass GROUP BY c.oid, c.conrelid""", String.class);
    }
}

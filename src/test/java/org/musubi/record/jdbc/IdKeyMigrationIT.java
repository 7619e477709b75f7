package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.musubi.record.IdKey;
import org.musubi.testing.SchemaAt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V22 makes the installation's id key: 32 random bytes, readable (only) by the application's role, and
 * the id scheme: legacy when the database already holds imported data (records sent again must keep their ids),
 * keyed when it holds none.
 */
class IdKeyMigrationIT {

    /** The last schema version before V22 in this branch (V20 and V21 come with other changes). */
    private static final String BEFORE = "19";

    @Test
    void keepsLegacyIdsWhereDataWasImportedAndKeysThemOnANewInstallation() throws Exception {
        try (EmbeddedPostgres held = EmbeddedPostgres.builder().start(); EmbeddedPostgres empty = EmbeddedPostgres.builder().start()) {
            DataSource withData = held.getPostgresDatabase();
            SchemaAt.migrate(withData, BEFORE);
            JdbcTemplate jdbc = new JdbcTemplate(withData);
            jdbc.update("""
                    INSERT INTO facility (name_kanji, name_kana, kind, prefecture, disclosing, viewing)
                    VALUES ('結び病院', 'ムスビビョウイン', 'HOSPITAL', 34, true, true)""");
            long facility = jdbc.queryForObject("SELECT max(id) FROM facility", Long.class);
            jdbc.update("""
                    INSERT INTO resource (patient_key, id, type, version, source_facility, source_key, category, last_updated,
                      content_hash, content)
                    VALUES (11, '955d8fa3-cdb9-322f-acd9-21ddd090d553', 'Observation', 1, ?, 'r1/A', 'LAB_RESULTS', now(),
                      '\\x00', '{}')""", facility);
            DataSource withoutData = empty.getPostgresDatabase();
            SchemaAt.migrate(withoutData, BEFORE);

            SchemaAt.migrate(withData, "latest");
            SchemaAt.migrate(withoutData, "latest");

            IdKey legacy = new JdbcIdKeys(JdbcClient.create(withData)).current();
            IdKey keyed = new JdbcIdKeys(JdbcClient.create(withoutData)).current();
            assertThat(legacy.scheme()).isEqualTo(IdKey.Scheme.LEGACY);
            assertThat(keyed.scheme()).isEqualTo(IdKey.Scheme.KEYED);
            assertThat(keyed.uuid("a name")).isNotEqualTo(legacy.keyedUuid("a name")).as("each installation its own secret");
            for (DataSource database : List.of(withData, withoutData)) {
                assertThat(SchemaAt.single(database, "SELECT length(secret) || ' ' || count(*) OVER () FROM id_key"))
                        .isEqualTo("32 1");
                assertThat(SchemaAt.single(database, "SELECT has_table_privilege('musubi_app', 'id_key', 'SELECT')"))
                        .isEqualTo("t");
                assertThat(SchemaAt.single(database, "SELECT has_table_privilege('musubi_app', 'id_key', 'UPDATE')"
                        + " OR has_table_privilege('musubi_app', 'id_key', 'DELETE')")).as("never changed").isEqualTo("f");
            }
        }
    }
}

package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.musubi.record.SearchIndex;
import org.musubi.testing.SchemaAt;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V18 turns the token and date rows of a store into each resource's search keys and date arrays: the
 * keys PostgreSQL makes are the ones the application makes ({@link SearchKeys}), byte for byte, so what was
 * found before the upgrade is found after it; dates keep their pairs and open ends; the old tables are gone.
 */
class SearchKeysMigrationIT {

    private static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";

    @Test
    void tokensAndDatesBecomeTheKeysAndArraysTheApplicationWrites() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "17");
            JdbcTemplate jdbc = new JdbcTemplate(source);
            jdbc.update("""
                    INSERT INTO facility (name_kanji, name_kana, kind, prefecture, disclosing, viewing)
                    VALUES ('結び病院', 'ムスビビョウイン', 'HOSPITAL', 34, true, true)""");
            long facility = jdbc.queryForObject("SELECT max(id) FROM facility", Long.class);
            for (String id : List.of("o-1", "o-2", "p-1")) {
                jdbc.update("""
                        INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated, content_hash, content)
                        VALUES (?, ?, ?, 1, ?, 'LAB_RESULTS', now(), '\\x00', '{}')""",
                        id.equals("o-2") ? 12 : 11, id, id.startsWith("o") ? "Observation" : "Patient", facility);
            }
            List<Object[]> tokens = List.of(
                    new Object[] {11, "o-1", "Observation", "code", JLAC10, "3D045000001906202"},
                    new Object[] {11, "o-1", "Observation", "status", null, "final"},
                    new Object[] {11, "o-1", "Observation", "identifier", "urn:musubi:placer-order-number:1", "血糖-1"},
                    new Object[] {11, "o-1", "Observation", "category", null, "laboratory"},
                    new Object[] {11, "p-1", "Patient", "identifier", "urn:oid:1.2.392.100495.20.3.51.11", "0001"});
            for (Object[] t : tokens) {
                jdbc.update("INSERT INTO resource_token (patient_key, id, type, param, system, code) VALUES (?, ?, ?, ?, ?, ?)", t);
            }
            jdbc.update("""
                    INSERT INTO resource_date (patient_key, id, type, param, low, high) VALUES
                      (11, 'o-1', 'Observation', 'date', '2024-04-01T15:00:00Z', '2024-04-02T15:00:00Z'),
                      (11, 'o-1', 'Observation', 'date', '2023-01-01T00:00:00Z', NULL)""");

            SchemaAt.migrate(source, "latest");

            assertThat(keys(jdbc, "o-1")).containsExactlyInAnyOrder(box(SearchKeys.of(11, facility, "Observation", List.of(
                    new SearchIndex.Token("code", JLAC10, "3D045000001906202"), new SearchIndex.Token("status", null, "final"),
                    new SearchIndex.Token("identifier", "urn:musubi:placer-order-number:1", "血糖-1"),
                    new SearchIndex.Token("category", null, "laboratory")))));
            assertThat(keys(jdbc, "p-1")).containsExactlyInAnyOrder(box(SearchKeys.of(11, facility, "Patient", List.of(
                    new SearchIndex.Token("identifier", "urn:oid:1.2.392.100495.20.3.51.11", "0001")))));
            assertThat(keys(jdbc, "o-2")).as("a resource without tokens").isEmpty();
            assertThat(jdbc.queryForList("SELECT coalesce(extract(epoch FROM low)::bigint::text, 'open') || '-'"
                    + " || coalesce(extract(epoch FROM high)::bigint::text, 'open') FROM resource, unnest(date_low, date_high)"
                    + " AS d(low, high) WHERE id = 'o-1'", String.class)).as("pairs in order, an open end kept")
                    .containsExactly(Instant.parse("2023-01-01T00:00:00Z").getEpochSecond() + "-open",
                            Instant.parse("2024-04-01T15:00:00Z").getEpochSecond() + "-"
                                    + Instant.parse("2024-04-02T15:00:00Z").getEpochSecond());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE tablename IN ('resource_token', 'resource_date')",
                    Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'resource_id'", String.class))
                    .contains("USING hash (id)");
        }
    }

    private static List<Long> keys(JdbcTemplate jdbc, String id) {
        return jdbc.queryForList("SELECT unnest(search_keys) FROM resource WHERE id = ?", Long.class, id);
    }

    private static Long[] box(long[] keys) {
        return Arrays.stream(keys).boxed().toArray(Long[]::new);
    }
}

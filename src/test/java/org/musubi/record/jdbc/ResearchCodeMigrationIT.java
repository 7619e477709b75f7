package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.musubi.testing.SchemaAt;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V81 (issue 48): the cohort count's codes of the resources stored before — every prefix of each live
 * Condition's and medication's code (V77's {@code research_codes}), with the row's source patient and clinical date —
 * none for a deleted resource or another type; V77's GIN index, which nothing reads any more, is gone.
 */
class ResearchCodeMigrationIT {

    @Test
    void theCodesOfLiveConditionsAndMedicationsStoredBeforeAreFilledIn() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "80");
            JdbcTemplate jdbc = new JdbcTemplate(source);
            insert(jdbc, 7, "c1", "Condition", false, "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":"
                    + "\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"E11.9\"}]}}");
            insert(jdbc, 7, "c2", "Condition", true, "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":"
                    + "\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"I10\"}]}}");
            insert(jdbc, 8, "m1", "MedicationStatement", false, "{\"resourceType\":\"MedicationStatement\","
                    + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"urn:oid:1.2.392.200119.4.403.1\"},"
                    + "{\"system\":\"http://medis.or.jp/CodeSystem/master-HOT9\",\"code\":\"1034\"}]}}");
            insert(jdbc, 8, "o1", "Observation", false, "{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{"
                    + "\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"E11.9\"}]}}");

            SchemaAt.migrate(source, "latest");

            assertThat(jdbc.queryForList("""
                    SELECT patient_key || ' ' || resource_id || ' ' || code_prefix || ' ' || to_char(clinical_date
                      AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM research_code ORDER BY 1""", String.class))
                    .containsExactlyInAnyOrder("7 c1 icd:E 2025-05-01", "7 c1 icd:E1 2025-05-01", "7 c1 icd:E11 2025-05-01",
                            "7 c1 icd:E119 2025-05-01", "8 m1 hot:1 2025-05-01", "8 m1 hot:10 2025-05-01",
                            "8 m1 hot:103 2025-05-01", "8 m1 hot:1034 2025-05-01");
            assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename IN ('resource', 'research_code')"
                    + " ORDER BY 1", String.class)).doesNotContain("resource_research_codes")
                    .contains("research_code_pkey", "research_code_prefix");
        }
    }

    private static void insert(JdbcTemplate jdbc, long patientKey, String id, String type, boolean deleted, String json) {
        jdbc.update("INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated,"
                + " clinical_date, deleted, content_hash, content) VALUES (?, ?, ?, 1, 1, 'DIAGNOSES', now(),"
                + " '2025-05-01T03:00:00Z', ?, '\\x00', ?)", patientKey, id, type, deleted, json);
    }
}

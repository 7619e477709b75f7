package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.musubi.testing.SchemaAt;

/**
 * Migration V17 turns the stored documents from jsonb into text: a store written before it keeps every
 * current and earlier version, each still the same FHIR resource, and the columns are text afterwards.
 */
class ContentAsTextMigrationIT {

    private static final String OBSERVATION = """
            {"resourceType":"Observation","status":"final","code":{"text":"HbA1c \\"{}\\" 血糖","coding":[{"system":\
            "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationLabResultCode_CS","code":"3D045000001906202"}]},\
            "valueQuantity":{"value":6.80,"unit":"%"}}""";

    @Test
    void aStoreWrittenAsJsonbKeepsEveryVersionAsTheSameResource() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "16");
            String current = OBSERVATION.replace("6.80", "7.10");
            SchemaAt.execute(source, """
                    INSERT INTO facility (name_kanji, name_kana, kind, prefecture, disclosing, viewing)
                    VALUES ('結び病院', 'ムスビビョウイン', 'HOSPITAL', 34, true, true)""");
            try (Connection connection = source.getConnection(); var insert = connection.prepareStatement("""
                    INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated, content_hash, content)
                    VALUES (7, 'o-1', 'Observation', 2, 1, 'LAB', now(), '\\x00', ?::jsonb)""");
                 var earlier = connection.prepareStatement("""
                    INSERT INTO resource_version (patient_key, id, version, type, last_updated, deleted, content)
                    VALUES (7, 'o-1', 1, 'Observation', now(), false, ?::jsonb)""")) {
                insert.setString(1, current);
                insert.executeUpdate();
                earlier.setString(1, OBSERVATION);
                earlier.executeUpdate();
            }

            SchemaAt.migrate(source, "latest");

            assertThat(SchemaAt.single(source, "SELECT data_type FROM information_schema.columns WHERE table_name = 'resource'"
                    + " AND column_name = 'content'")).isEqualTo("text");
            assertThat(SchemaAt.single(source, "SELECT data_type FROM information_schema.columns WHERE table_name = 'resource_version'"
                    + " AND column_name = 'content'")).isEqualTo("text");
            FhirContext fhir = FhirContext.forR4Cached();
            Observation now = fhir.newJsonParser().parseResource(Observation.class,
                    SchemaAt.single(source, "SELECT content FROM resource WHERE id = 'o-1'"));
            Observation before = fhir.newJsonParser().parseResource(Observation.class,
                    SchemaAt.single(source, "SELECT content FROM resource_version WHERE id = 'o-1' AND version = 1"));
            assertThat(now.getValueQuantity().getValue()).isEqualByComparingTo("7.10");
            assertThat(before.getValueQuantity().getValue()).isEqualByComparingTo("6.80");
            assertThat(before.getCode().getText()).isEqualTo("HbA1c \"{}\" 血糖");
            assertThat(before.getCode().getCodingFirstRep().getCode()).isEqualTo("3D045000001906202");
        }
    }
}

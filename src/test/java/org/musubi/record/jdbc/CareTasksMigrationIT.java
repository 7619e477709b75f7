package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.testing.SchemaAt;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V51 (issue 44): the Tasks stored before, all REFERRALS, become care tasks (CARE_RECORDS) unless their code
 * is a letter type; a container holding a care task inline holds CARE_RECORDS; and every Task gets the search keys of
 * its owner, requester, focus and part-of, the same keys the application gives a Task it stores ({@link SearchKeys}).
 */
class CareTasksMigrationIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FhirIndexer INDEXER = new FhirIndexer(FHIR);

    @Test
    void tasksStoredBeforeAreCareTasksUnlessALettersAndAreFoundByTheirReferences() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "50");
            JdbcTemplate jdbc = new JdbcTemplate(source);
            Task care = new Task().setStatus(Task.TaskStatus.REQUESTED).setFor(new Reference("Patient/p"))
                    .setOwner(new Reference("https://ehr.example.jp/fhir/Practitioner/n1/_history/2"))
                    .setRequester(new Reference("PractitionerRole/r1"));
            care.addPartOf(new Reference("Task/t0"));
            Task letter = new Task().setStatus(Task.TaskStatus.REQUESTED).setFocus(new Reference("Bundle/b1"));
            letter.getCode().addCoding().setSystem(FhirSystems.LETTER_TYPE).setCode("referral");
            Bundle holding = new Bundle().setType(Bundle.BundleType.COLLECTION);
            holding.addEntry().setResource(new Task().setStatus(Task.TaskStatus.REQUESTED));
            insert(jdbc, "care", care, "REFERRALS", null);
            insert(jdbc, "letter", letter, "REFERRALS", null);
            insert(jdbc, "holding", holding, "DOCUMENTS", "{REFERRALS}");

            SchemaAt.migrate(source, "latest");

            assertThat(category(jdbc, "care")).isEqualTo("CARE_RECORDS");
            assertThat(category(jdbc, "letter")).as("a letter's Task").isEqualTo("REFERRALS");
            for (String id : new String[] {"care", "letter"}) {
                Task task = id.equals("care") ? care : letter;
                long[] expected = SearchKeys.of(1, 1, "Task",
                        INDEXER.index(task, ResourceKind.of("Task").orElseThrow()).tokens().stream()
                                .filter(t -> !Set.of("status", "identifier", "code", "category").contains(t.param()))
                                .toList());
                assertThat(expected).as(id).isNotEmpty();
                assertThat(keys(jdbc, id)).as(id + ": the application's keys of its references")
                        .containsAll(Arrays.stream(expected).boxed().toList());
            }
            assertThat(held(jdbc, "holding")).isEqualTo(new ContentCategories(FHIR).held("Bundle", json(holding),
                    DataCategory.DOCUMENTS, (type, id) -> Set.of()));
        }
    }

    private static void insert(JdbcTemplate jdbc, String id, Resource resource, String category, String held) {
        jdbc.update("INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated,"
                + " content_hash, content, content_categories) VALUES (1, ?, ?, 1, 1, ?, now(), '\\x00', ?, ?::text[])",
                id, resource.fhirType(), category, json(resource), held);
    }

    private static String category(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT category FROM resource WHERE id = ?", String.class, id);
    }

    private static java.util.List<Long> keys(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT search_keys FROM resource WHERE id = ?",
                (rs, n) -> Arrays.asList((Long[]) rs.getArray(1).getArray()), id);
    }

    private static Set<DataCategory> held(JdbcTemplate jdbc, String id) {
        String[] names = jdbc.queryForObject("SELECT content_categories FROM resource WHERE id = ?",
                (rs, n) -> (String[]) rs.getArray(1).getArray(), id);
        Set<DataCategory> held = EnumSet.noneOf(DataCategory.class);
        Arrays.stream(names).map(DataCategory::valueOf).forEach(held::add);
        return held;
    }

    private static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }
}

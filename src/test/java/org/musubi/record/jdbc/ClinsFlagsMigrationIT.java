package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.testing.SchemaAt;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V45 gives the rows stored before it the JP-CLINS flags their content carries (issue 42), the same ones the
 * application gives what it stores ({@link ContentCategories}): a flagged resource, a Bundle holding one (added to
 * what the container already held), earlier versions; a flag without a system counts, one of another system, LTS or
 * the word in a text does not. A container holding or naming a Task (stored from then on, as REFERRALS) holds
 * REFERRALS.
 */
class ClinsFlagsMigrationIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ContentCategories CONTENTS = new ContentCategories(FHIR);

    @Test
    void rowsStoredBeforeGetTheFlagsTheApplicationGivesThem() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "42");
            JdbcTemplate jdbc = new JdbcTemplate(source);
            Map<String, Resource> rows = rows();
            rows.forEach((id, resource) -> insert(jdbc, id, resource));
            jdbc.update("INSERT INTO resource_version (patient_key, id, version, type, last_updated, deleted, content)"
                    + " VALUES (1, 'untold', 0, 'Condition', now(), false, ?)",
                    json(flagged(new Condition(), null, "UNDELIVERED")));

            SchemaAt.migrate(source, "latest");

            for (Map.Entry<String, Resource> row : rows.entrySet()) {
                Resource resource = row.getValue();
                DataCategory own = ResourceKind.of(resource.fhirType()).orElseThrow().category();
                assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", row.getKey()))
                        .as(row.getKey()).isEqualTo(CONTENTS.held(resource.fhirType(), json(resource), own,
                                (type, id) -> Set.of()));
            }
            assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", "untold"))
                    .containsExactly(DataCategory.UNINFORMED);
            assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", "bundle"))
                    .containsExactly(DataCategory.DEMOGRAPHICS, DataCategory.DIAGNOSES, DataCategory.LAB_RESULTS,
                            DataCategory.UNINFORMED, DataCategory.UNDELIVERED);
            assertThat(held(jdbc, "SELECT content_categories FROM resource_version WHERE id = ?", "untold"))
                    .as("an earlier version, by what it carried").containsExactly(DataCategory.UNDELIVERED);
            for (String untouched : new String[] {"kept", "other-system", "in-text", "plain"}) {
                assertThat(jdbc.queryForObject("SELECT content_categories IS NULL FROM resource WHERE id = ?",
                        Boolean.class, untouched)).as(untouched).isTrue();
            }
        }
    }

    @Test
    void lettersStoredBeforeBecomeReferralsStillAskingForDocuments() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "42");
            JdbcTemplate jdbc = new JdbcTemplate(source);
            Composition referral = letter("http://loinc.org", "57133-1");
            Bundle clins = new Bundle().setType(Bundle.BundleType.DOCUMENT);
            clins.addEntry().setResource(letter(FhirSystems.CLINS_DOC_TYPE, "57133-1"));
            Bundle document = new Bundle().setType(Bundle.BundleType.DOCUMENT);
            document.addEntry().setResource(letter(FhirSystems.LETTER_TYPE, "reply"));
            Observation lab = new Observation();
            lab.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
                    .setCode("laboratory");
            document.addEntry().setResource(lab);
            Bundle summary = new Bundle().setType(Bundle.BundleType.DOCUMENT);
            summary.addEntry().setResource(letter("http://loinc.org", "18842-5"));
            Bundle collection = new Bundle().setType(Bundle.BundleType.COLLECTION);
            collection.addEntry().setResource(letter("http://loinc.org", "57133-1"));
            insert(jdbc, "referral", referral);
            insert(jdbc, "reply-document", document);
            insert(jdbc, "summary", summary);
            insert(jdbc, "collection", collection);
            insert(jdbc, "clins-referral", clins);

            SchemaAt.migrate(source, "latest");

            assertThat(category(jdbc, "referral")).isEqualTo("REFERRALS");
            assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", "referral"))
                    .containsExactly(DataCategory.DOCUMENTS);
            assertThat(category(jdbc, "reply-document")).isEqualTo("REFERRALS");
            assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", "reply-document"))
                    .containsExactlyInAnyOrder(DataCategory.DOCUMENTS, DataCategory.LAB_RESULTS)
                    .containsAll(CONTENTS.held("Bundle", json(document), DataCategory.REFERRALS, (type, id) -> Set.of()));
            assertThat(category(jdbc, "clins-referral")).as("JP-CLINS's doc-typecodes").isEqualTo("REFERRALS");
            assertThat(category(jdbc, "summary")).as("a discharge summary alone is a document").isEqualTo("DOCUMENTS");
            assertThat(category(jdbc, "collection")).as("only a document Bundle is a letter").isEqualTo("DOCUMENTS");
        }
    }

    private static String category(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT category FROM resource WHERE id = ?", String.class, id);
    }

    private static Composition letter(String system, String code) {
        Composition composition = new Composition().setStatus(Composition.CompositionStatus.FINAL).setTitle("紹介状");
        composition.getType().addCoding().setSystem(system).setCode(code);
        return composition;
    }

    private static Map<String, Resource> rows() {
        Map<String, Resource> rows = new LinkedHashMap<>();
        rows.put("untold", flagged(new Condition(), ContentCategories.INDICATION, "UNINFORMED"));
        rows.put("unshared-bare", flagged(new Condition(), null, "UNDELIVERED"));
        rows.put("kept", flagged(new Condition(), ContentCategories.INDICATION, "LTS"));
        rows.put("other-system", flagged(new Condition(), "http://example.org/tags", "UNINFORMED"));
        Condition inText = new Condition();
        inText.getCode().setText("UNINFORMED / UNDELIVERED");
        rows.put("in-text", inText);
        rows.put("plain", new Condition());
        Observation lab = flagged(new Observation(), ContentCategories.INDICATION, "UNDELIVERED");
        Bundle inner = new Bundle().setType(Bundle.BundleType.COLLECTION);
        inner.addEntry().setResource(lab);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Patient patient = new Patient();
        patient.addName().setFamily("フラグ");
        bundle.addEntry().setResource(patient);
        bundle.addEntry().setResource(flagged(new Condition(), ContentCategories.INDICATION, "UNINFORMED"));
        bundle.addEntry().setResource(inner);
        rows.put("bundle", bundle);
        Bundle withTask = new Bundle().setType(Bundle.BundleType.COLLECTION);
        withTask.addEntry().setResource(new org.hl7.fhir.r4.model.Task().setFor(new org.hl7.fhir.r4.model.Reference(
                "Patient/p")).setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED));
        rows.put("bundle-with-task", withTask);
        org.hl7.fhir.r4.model.Provenance aboutTask = new org.hl7.fhir.r4.model.Provenance();
        aboutTask.addTarget(new org.hl7.fhir.r4.model.Reference("Task/t1"));
        rows.put("provenance-of-task", aboutTask);
        return rows;
    }

    /** As stored before V45: a container with the categories V21 gave it, anything else with none. */
    private static void insert(JdbcTemplate jdbc, String id, Resource resource) {
        DataCategory own = ResourceKind.of(resource.fhirType()).orElseThrow().category();
        String held = switch (id) {
            case "bundle" -> "{DEMOGRAPHICS,DIAGNOSES,LAB_RESULTS}";
            case "reply-document" -> "{LAB_RESULTS}";
            default -> null;
        };
        jdbc.update("INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated,"
                + " content_hash, content, content_categories) VALUES (1, ?, ?, 1, 1, ?, now(), '\\x00', ?, ?::text[])",
                id, resource.fhirType(), own.name(), json(resource), held);
    }

    private static Set<DataCategory> held(JdbcTemplate jdbc, String sql, String id) {
        String[] names = jdbc.queryForObject(sql, (rs, n) -> rs.getArray(1) == null ? new String[0]
                : (String[]) rs.getArray(1).getArray(), id);
        Set<DataCategory> held = EnumSet.noneOf(DataCategory.class);
        for (String name : names) {
            held.add(DataCategory.valueOf(name));
        }
        return held.isEmpty() ? Set.of() : held;
    }

    private static <T extends Resource> T flagged(T resource, String system, String code) {
        resource.getMeta().addTag().setSystem(system).setCode(code);
        return resource;
    }

    private static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }
}

package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.ContentCategories;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.testing.SchemaAt;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V21 gives the containers stored before it the categories their content holds, the same ones the
 * application computes for what it stores ({@link ContentCategories}): Bundles (the official JP-CLINS examples too,
 * when present), Compositions, DocumentReferences with inline content or a url naming a stored Bundle, Binaries with
 * inline content, and earlier versions. Where SQL cannot tell the content (a Binary whose FHIR content is in the blob
 * store, inline FHIR XML), the row is taken to hold every category. Other rows stay NULL.
 */
class ContentCategoriesMigrationIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ContentCategories CONTENTS = new ContentCategories(FHIR);
    private static final Path EXAMPLES = Path.of("../shared/samples/jp-clins-examples/ExampleJson");

    @Test
    void containersStoredBeforeGetTheCategoriesTheApplicationGivesThem() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            DataSource source = database.getPostgresDatabase();
            SchemaAt.migrate(source, "19");
            JdbcTemplate jdbc = new JdbcTemplate(source);
            Map<String, Resource> rows = rows();
            rows.forEach((id, resource) -> insert(jdbc, id, resource));
            Bundle older = collection(lab(), new Specimen().setStatus(Specimen.SpecimenStatus.AVAILABLE));
            jdbc.update("INSERT INTO resource_version (patient_key, id, version, type, last_updated, deleted, content)"
                    + " VALUES (1, 'bundle-1', 0, 'Bundle', now(), false, ?)", json(older));

            SchemaAt.migrate(source, "latest");

            ContentCategories.Stored stored = (type, id) -> categories(jdbc, type, id);
            for (Map.Entry<String, Resource> row : rows.entrySet()) {
                Resource resource = row.getValue();
                DataCategory own = DataCategory.valueOf(jdbc.queryForObject("SELECT category FROM resource WHERE id = ?",
                        String.class, row.getKey()));
                Set<DataCategory> expected = switch (row.getKey()) {
                    case "binary-blob", "document-xml" -> every(own);
                    default -> CONTENTS.held(resource.fhirType(), json(resource), own, stored);
                };
                if (own == DataCategory.REFERRALS) {
                    // a letter stored as DOCUMENTS before V46 holds DOCUMENTS besides, whatever it holds (V46's comment)
                    expected = EnumSet.copyOf(expected.isEmpty() ? EnumSet.of(DataCategory.DOCUMENTS) : expected);
                    expected.add(DataCategory.DOCUMENTS);
                }
                assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", row.getKey())).as(row.getKey())
                        .isEqualTo(expected);
            }
            assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", "composition"))
                    .containsExactlyInAnyOrder(DataCategory.ALLERGIES, DataCategory.LAB_RESULTS, DataCategory.PROCEDURES);
            assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", "document-url"))
                    .containsExactlyInAnyOrder(DataCategory.DEMOGRAPHICS, DataCategory.LAB_RESULTS, DataCategory.VITALS);
            assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", "kind-ImagingStudy"))
                    .containsExactly(DataCategory.IMAGING);
            assertThat(held(jdbc, "SELECT content_categories FROM resource_version WHERE id = ?", "bundle-1"))
                    .as("an earlier version, by what it held").containsExactly(DataCategory.LAB_RESULTS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM resource WHERE content_categories = '{}'", Long.class))
                    .as("nothing held is NULL, never an empty array").isZero();
            assertThat(held(jdbc, "SELECT content_categories FROM resource WHERE id = ?", "lab"))
                    .as("an ordinary resource").isEmpty();
        }
    }

    /** Containers of every shape, and one of each type Musubi stores inside a Bundle (its category in SQL). */
    private static Map<String, Resource> rows() throws Exception {
        Map<String, Resource> rows = new LinkedHashMap<>();
        rows.put("lab", lab());
        rows.put("bundle-1", collection(patient()));
        Observation vital = lab();
        vital.getCategoryFirstRep().getCodingFirstRep().setCode("vital-signs");
        Observation withContained = lab();
        withContained.addContained(patient().setId("p"));
        rows.put("bundle-nested", collection(collection(vital), withContained));
        Composition composition = new Composition().setTitle("紹介状");
        composition.addSection().addEntry(new Reference("Observation/1"))
                .addEntry(new Reference("urn:uuid:0f6c0000-0000-0000-0000-000000000001").setType("AllergyIntolerance"))
                .addSection().addEntry(new Reference("https://ehr.example.jp/fhir/Procedure/7/_history/2"))
                .addEntry(new Reference("urn:uuid:0f6c0000-0000-0000-0000-000000000002"));
        rows.put("composition", composition);
        rows.put("document-inline", document("application/fhir+json", json(collection(patient(), composition, lab()))));
        rows.put("document-xml", document("application/fhir+xml",
                FHIR.newXmlParser().encodeResourceToString(collection(lab()))));
        rows.put("document-pdf", document("application/pdf", "%PDF-1.4"));
        rows.put("binary-inline", new Binary().setContentType("application/fhir+json")
                .setData(json(collection(vital)).getBytes(StandardCharsets.UTF_8)));
        rows.put("binary-blob", new Binary().setContentType("application/fhir+json; charset=utf-8"));
        rows.put("binary-pdf", new Binary().setContentType("application/pdf"));
        DocumentReference toBundle = new DocumentReference();
        toBundle.addContent().getAttachment().setContentType("application/fhir+json")
                .setUrl("https://musubi.example.jp/fhir/Bundle/bundle-nested");
        rows.put("document-url", toBundle);
        DocumentReference toBlob = new DocumentReference();
        toBlob.addContent().getAttachment().setContentType("application/fhir+json").setUrl("Binary/binary-blob");
        rows.put("document-url-blob", toBlob);
        for (String type : ResourceKind.types()) {
            Resource one = (Resource) FHIR.getResourceDefinition(type).newInstance();
            one.setId("x");
            rows.put("kind-" + type, collection(one));
        }
        if (Files.isDirectory(EXAMPLES)) {
            try (Stream<Path> files = Files.list(EXAMPLES)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("Bundle")).sorted().toList()) {
                    rows.put("example-" + rows.size(), (Resource) FHIR.newJsonParser().parseResource(Files.readString(file)));
                }
            }
        }
        return rows;
    }

    private static void insert(JdbcTemplate jdbc, String id, Resource resource) {
        DataCategory own = ResourceKind.of(resource.fhirType()).orElseThrow().category();
        jdbc.update("INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated,"
                + " content_hash, content) VALUES (1, ?, ?, 1, 1, ?, now(), '\\x00', ?)", id, resource.fhirType(), own.name(),
                json(resource));
    }

    private static Set<DataCategory> categories(JdbcTemplate jdbc, String type, String id) {
        List<String> names = jdbc.queryForList("SELECT c FROM resource r, unnest(r.category || coalesce(r.content_categories,"
                + " '{}')) AS c WHERE r.type = ? AND r.id = ?", String.class, type, id);
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        names.forEach(n -> categories.add(DataCategory.valueOf(n)));
        return categories;
    }

    private static Set<DataCategory> held(JdbcTemplate jdbc, String sql, String id) {
        String[] names = jdbc.queryForObject(sql, (rs, n) -> rs.getArray(1) == null ? new String[0]
                : (String[]) rs.getArray(1).getArray(), id);
        List<DataCategory> held = new ArrayList<>();
        for (String name : names) {
            held.add(DataCategory.valueOf(name));
        }
        assertThat(held).as("in DataCategory's order").isSorted();
        return held.isEmpty() ? Set.of() : EnumSet.copyOf(held);
    }

    private static Set<DataCategory> every(DataCategory own) {
        Set<DataCategory> every = EnumSet.complementOf(EnumSet.copyOf(DataCategory.FLAGS));
        every.remove(own);
        return every;
    }

    private static Bundle collection(Resource... resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource resource : resources) {
            bundle.addEntry().setResource(resource);
        }
        return bundle;
    }

    private static Patient patient() {
        Patient patient = new Patient();
        patient.addName().setFamily("イコウ");
        return patient;
    }

    private static Observation lab() {
        Observation lab = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        lab.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("laboratory");
        return lab;
    }

    private static DocumentReference document(String contentType, String content) {
        DocumentReference reference = new DocumentReference();
        reference.addContent().getAttachment().setContentType(contentType).setData(content.getBytes(StandardCharsets.UTF_8));
        return reference;
    }

    private static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }
}

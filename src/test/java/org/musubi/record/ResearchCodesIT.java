package org.musubi.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.imports.ImportRecords;
import org.musubi.record.store.ResourceStore;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cohort count's codes ({@code research_code}, V81) follow the import's batch door ({@link ImportRecords}) and the
 * store's batched writes as they follow the write door ({@code research.CohortFollowsWritesIT}): a chunk that creates a
 * Condition and a medication, writes one of them twice (the first version replaced within the batch), and stores an
 * Observation carrying an ICD-10 code; a chunk that changes a code and a date; a chunk that deletes. After each, every
 * resource's rows are exactly what {@code research_codes(content)} extracts from its stored row, with its clinical date
 * — none for a deleted resource, none for a type that is not counted.
 */
@MusubiIntegrationTest
class ResearchCodesIT {

    private static final Instant MAY = Instant.parse("2025-05-01T03:00:00Z");
    private static final Instant JUNE = Instant.parse("2025-06-01T03:00:00Z");

    @Autowired
    ImportRecords imports;
    @Autowired
    ResourceStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anImportsCreatesChangesAndDeletionsKeepTheCodesOfEachResource() {
        long patientKey = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        long facility = jdbc.sql("SELECT min(id) FROM facility").query(Long.class).single();
        String condition = UUID.randomUUID().toString();
        String medication = UUID.randomUUID().toString();
        String observation = UUID.randomUUID().toString();

        importAll(facility, List.of(condition(patientKey, facility, condition, "E11.9", MAY),
                medication(patientKey, facility, medication, "2189015F1021"),
                condition(patientKey, facility, condition, "E10.1", MAY),
                observation(patientKey, facility, observation)), List.of());
        assertThat(codes(condition)).containsExactlyInAnyOrder("icd:E", "icd:E1", "icd:E10", "icd:E101 2025-05-01T03:00:00Z")
                .isEqualTo(extracted(condition));
        assertThat(codes(medication)).hasSize(12).contains("yj:2189015F1021 -").isEqualTo(extracted(medication));
        assertThat(codes(observation)).as("an Observation is not counted, whatever its code").isEmpty();

        importAll(facility, List.of(condition(patientKey, facility, condition, "I10", JUNE),
                medication(patientKey, facility, medication, "3969007F1026")), List.of());
        assertThat(codes(condition)).containsExactlyInAnyOrder("icd:I", "icd:I1", "icd:I10 2025-06-01T03:00:00Z")
                .isEqualTo(extracted(condition));
        assertThat(codes(medication)).contains("yj:3969007F1026 -").doesNotContain("yj:2189015F1021 -")
                .isEqualTo(extracted(medication));

        importAll(facility, List.of(), List.of(new ResourceRef(patientKey, "Condition", condition)));
        assertThat(codes(condition)).as("deleted by the import").isEmpty();
        assertThat(codes(medication)).isNotEmpty().isEqualTo(extracted(medication));

        store.write(List.of(condition(patientKey, facility, condition, "C16.9", JUNE)), null);
        assertThat(codes(condition)).as("written again after its deletion").contains("icd:C169 2025-06-01T03:00:00Z")
                .isEqualTo(extracted(condition));
        store.deleteAll(List.of(new ResourceRef(patientKey, "Condition", condition),
                new ResourceRef(patientKey, "MedicationRequest", medication)), null);
        assertThat(codes(condition)).isEmpty();
        assertThat(codes(medication)).isEmpty();
    }

    private void importAll(long facility, List<ResourceWrite> writes, List<ResourceRef> deletions) {
        transactions.executeWithoutResult(status -> imports.importAll(facility, null, writes, deletions));
    }

    /** The resource's rows as "prefix date", the date given on the full code's row only ("-" when none). */
    private List<String> codes(String id) {
        return jdbc.sql("""
                SELECT c.code_prefix || CASE WHEN c.code_prefix = max(c.code_prefix) OVER () THEN ' '
                  || coalesce(to_char(c.clinical_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '-') ELSE '' END
                FROM research_code c WHERE c.resource_id = ? ORDER BY length(c.code_prefix), c.code_prefix""")
                .param(id).query(String.class).list();
    }

    /** What V77's function extracts from the live stored row, with the row's clinical date, as {@link #codes}. */
    private List<String> extracted(String id) {
        return jdbc.sql("""
                SELECT u.c || CASE WHEN u.c = max(u.c) OVER () THEN ' '
                  || coalesce(to_char(r.clinical_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '-') ELSE '' END
                FROM resource r CROSS JOIN LATERAL unnest(research_codes(r.content)) AS u(c)
                WHERE r.id = ? AND NOT r.deleted ORDER BY length(u.c), u.c""").param(id).query(String.class).list();
    }

    private static ResourceWrite condition(long patientKey, long facility, String id, String icd10, Instant onset) {
        String json = "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"" + icd10 + "\"}]},\"onsetDateTime\":\"" + onset + "\"}";
        return new ResourceWrite(patientKey, "Condition", id, null, facility, DataCategory.DIAGNOSES, json,
                new SearchIndex(List.of(), List.of(new SearchIndex.DateRange("date", onset, onset))));
    }

    private static ResourceWrite medication(long patientKey, long facility, String id, String yj) {
        String json = "{\"resourceType\":\"MedicationRequest\",\"id\":\"" + id + "\",\"status\":\"active\","
                + "\"intent\":\"order\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
                + "\"urn:oid:1.2.392.100495.20.2.73\",\"code\":\"" + yj + "\"}]}}";
        return new ResourceWrite(patientKey, "MedicationRequest", id, null, facility, DataCategory.MEDICATIONS, json,
                new SearchIndex(List.of(), List.of()));
    }

    private static ResourceWrite observation(long patientKey, long facility, String id) {
        String json = "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":"
                + "[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"E11.9\"}]},\"valueString\":\"x\"}";
        return new ResourceWrite(patientKey, "Observation", id, null, facility, DataCategory.LAB_RESULTS, json,
                new SearchIndex(List.of(), List.of()));
    }
}

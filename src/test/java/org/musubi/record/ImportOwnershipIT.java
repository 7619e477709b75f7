package org.musubi.record;

import org.musubi.record.imports.ImportRecords;
import org.musubi.record.store.ResourceStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import writes only its own facility's resources: the store's look-up of the rows written tells whose each
 * one is, and a chunk naming another facility's resource stores nothing of itself, while one naming its own
 * resources updates them. Neither leaves an audit row of its own: the import audits each source record once, naming
 * what it stored ({@code ImportAudits}), so a row here would be a second one. The same refused writes by the audited
 * use case ({@link WriteRecords#writeAll}) leave exactly one row: the DENY, with its reason {@code record.notOwner}.
 */
@MusubiIntegrationTest
class ImportOwnershipIT {

    @Autowired
    WriteRecords records;
    @Autowired
    ImportRecords imports;
    @Autowired
    ResourceStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditRows audit;

    @Test
    void aChunkNamingAnotherFacilitysResourceStoresNothing() {
        long patientKey = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        List<Long> facilities = jdbc.sql("SELECT id FROM facility ORDER BY id LIMIT 2").query(Long.class).list();
        long hospital = facilities.get(0);
        long pharmacy = facilities.get(1);
        String hospitals = UUID.randomUUID().toString();
        String pharmacys = UUID.randomUUID().toString();
        long mark = audit.max();
        store.write(List.of(observation(patientKey, hospital, hospitals, "1")), null);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> imports.importAll(pharmacy, null,
                List.of(observation(patientKey, pharmacy, pharmacys, "1"), observation(patientKey, pharmacy, hospitals, "2")),
                List.of()))).isInstanceOf(NotOwner.class).hasMessageContaining("Observation/" + hospitals);

        assertThat(store.find("Observation", pharmacys)).as("nothing of the chunk").isEmpty();
        assertThat(store.find("Observation", hospitals)).get().extracting(StoredResource::version, StoredResource::sourceFacilityId)
                .containsExactly(1, hospital);
        assertThat(audit.naming(mark, hospitals)).as("the store and the refused import audit nothing themselves").isEmpty();
        assertThat(audit.naming(mark, pharmacys)).isEmpty();

        long writer = jdbc.sql("SELECT min(id) FROM app_user").query(Long.class).single();
        long beforeUseCase = audit.max();
        assertThatThrownBy(() -> records.writeAll(new Reader(writer, pharmacy),
                List.of(observation(patientKey, pharmacy, pharmacys, "1"), observation(patientKey, pharmacy, hospitals, "2"))))
                .isInstanceOf(NotOwner.class);
        assertThat(audit.naming(beforeUseCase, hospitals)).as("the audited use case's refusal: one DENY row")
                .singleElement().satisfies(r -> {
                    assertThat(r.action() + " " + r.outcome() + " " + r.reason()).isEqualTo("UPDATE DENY record.notOwner");
                    assertThat(r.resourceType()).isEqualTo("Observation");
                    assertThat(r.resourceIds()).containsExactly(hospitals);
                    assertThat(r.purpose()).isEqualTo("TREATMENT");
                });
        assertThat(audit.naming(beforeUseCase, pharmacys)).as("the write refused with it is not audited apart").isEmpty();
        assertThat(store.find("Observation", pharmacys)).as("nothing of the refused writes").isEmpty();

        ImportRecords.Imported own = transactions.execute(status -> imports.importAll(hospital, null,
                List.of(observation(patientKey, hospital, hospitals, "2")), List.of()));
        assertThat(own.written()).extracting(Written::change).containsExactly(Written.Change.UPDATED);
        assertThat(audit.naming(beforeUseCase, hospitals)).as("the accepted import's own write audits nothing itself either")
                .hasSize(1);
    }

    private static ResourceWrite observation(long patientKey, long facility, String id, String value) {
        String json = "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"text\":\"ownership\"},\"valueString\":\"" + value + "\"}";
        return new ResourceWrite(patientKey, "Observation", id, null, facility, DataCategory.LAB_RESULTS, json,
                new SearchIndex(List.of(), List.of()));
    }
}

package org.musubi.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import writes only its own facility's resources: the store's look-up of the rows written tells whose each
 * one is, and a chunk naming another facility's resource stores nothing of itself, while one naming its own
 * resources updates them.
 */
@MusubiIntegrationTest
class ImportOwnershipIT {

    @Autowired
    WriteRecords records;
    @Autowired
    ResourceStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aChunkNamingAnotherFacilitysResourceStoresNothing() {
        long patientKey = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        List<Long> facilities = jdbc.sql("SELECT id FROM facility ORDER BY id LIMIT 2").query(Long.class).list();
        long hospital = facilities.get(0);
        long pharmacy = facilities.get(1);
        String hospitals = UUID.randomUUID().toString();
        String pharmacys = UUID.randomUUID().toString();
        store.write(List.of(observation(patientKey, hospital, hospitals, "1")), null);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> records.importAll(pharmacy, null,
                List.of(observation(patientKey, pharmacy, pharmacys, "1"), observation(patientKey, pharmacy, hospitals, "2")),
                List.of()))).isInstanceOf(WriteRecords.NotOwner.class).hasMessageContaining("Observation/" + hospitals);

        assertThat(store.find("Observation", pharmacys)).as("nothing of the chunk").isEmpty();
        assertThat(store.find("Observation", hospitals)).get().extracting(StoredResource::version, StoredResource::sourceFacilityId)
                .containsExactly(1, hospital);

        WriteRecords.Imported own = transactions.execute(status -> records.importAll(hospital, null,
                List.of(observation(patientKey, hospital, hospitals, "2")), List.of()));
        assertThat(own.written()).extracting(Written::change).containsExactly(Written.Change.UPDATED);
    }

    private static ResourceWrite observation(long patientKey, long facility, String id, String value) {
        String json = "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"text\":\"ownership\"},\"valueString\":\"" + value + "\"}";
        return new ResourceWrite(patientKey, "Observation", id, null, facility, DataCategory.LAB_RESULTS, json,
                new SearchIndex(List.of(), List.of()));
    }
}

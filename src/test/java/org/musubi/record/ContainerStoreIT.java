package org.musubi.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.policy.DataCategory.ALLERGIES;
import static org.musubi.policy.DataCategory.DOCUMENTS;
import static org.musubi.policy.DataCategory.IMAGING;
import static org.musubi.policy.DataCategory.LAB_RESULTS;
import static org.musubi.policy.DataCategory.VITALS;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.record.store.ResourceStore;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The record store keeps what each version of a container holds, whichever way the version was written (a new
 * row, a changed row, a version replaced within its batch), reads it back with the version, and shows a container
 * in searches, outlines and contents only when every category it holds is allowed for its source facility.
 */
@MusubiIntegrationTest
class ContainerStoreIT {

    @Autowired
    ResourceStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachVersionKeepsWhatItHeld() {
        long patientKey = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        long facility = jdbc.sql("SELECT min(id) FROM facility").query(Long.class).single();
        String id = UUID.randomUUID().toString();

        store.write(List.of(bundle(patientKey, facility, id, "1", Set.of(LAB_RESULTS))), null);
        store.write(List.of(bundle(patientKey, facility, id, "2", Set.of())), null);
        store.write(List.of(bundle(patientKey, facility, id, "3", Set.of(VITALS)),
                bundle(patientKey, facility, id, "4", Set.of(IMAGING))), null);
        List<Written> again = store.write(List.of(bundle(patientKey, facility, id, "4", Set.of(ALLERGIES, DOCUMENTS))), null);

        assertThat(again).extracting(Written::change).as("the same content holding other categories")
                .containsExactly(Written.Change.UPDATED);
        assertThat(store.history("Bundle", id)).extracting(StoredResource::version, StoredResource::held).containsExactly(
                Tuple.tuple(5, Set.of(ALLERGIES)), Tuple.tuple(4, Set.of(IMAGING)),
                Tuple.tuple(3, Set.of(VITALS)), Tuple.tuple(2, Set.of()),
                Tuple.tuple(1, Set.of(LAB_RESULTS)));
        assertThat(store.find("Bundle", id)).get().extracting(StoredResource::categories).isEqualTo(Set.of(DOCUMENTS, ALLERGIES));
        assertThat(jdbc.sql("SELECT content_categories IS NULL FROM resource_version WHERE id = ? AND version = 2")
                .param(id).query(Boolean.class).single()).as("nothing held is NULL").isTrue();
    }

    @Test
    void aContainerIsFoundOnlyWhenEveryCategoryItHoldsIsAllowedForItsFacility() {
        long patientKey = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        List<Long> facilities = jdbc.sql("SELECT id FROM facility ORDER BY id LIMIT 2").query(Long.class).list();
        long facility = facilities.get(0);
        long other = facilities.get(1);
        String id = UUID.randomUUID().toString();
        store.write(List.of(bundle(patientKey, facility, id, "1", Set.of(LAB_RESULTS, VITALS))), null);

        Set<DataItem> all = Set.of(item(facility, DOCUMENTS), item(facility, LAB_RESULTS), item(facility, VITALS));
        Set<DataItem> lacksOne = Set.of(item(facility, DOCUMENTS), item(facility, LAB_RESULTS));
        Set<DataItem> elsewhere = Set.of(item(facility, DOCUMENTS), item(facility, LAB_RESULTS), item(other, VITALS));

        assertThat(found(patientKey, all)).containsExactly(id);
        assertThat(found(patientKey, lacksOne)).isEmpty();
        assertThat(found(patientKey, elsewhere)).as("allowed for another facility's data only").isEmpty();
        assertThat(store.outline(Set.of(patientKey), all)).singleElement()
                .satisfies(o -> assertThat(o.held()).isEqualTo(Set.of(LAB_RESULTS, VITALS)));
        assertThat(store.outline(Set.of(patientKey), lacksOne)).isEmpty();
        assertThat(store.contents(Set.of(patientKey), all, List.of(id))).hasSize(1);
        assertThat(store.contents(Set.of(patientKey), elsewhere, List.of(id))).isEmpty();
    }

    private List<String> found(long patientKey, Set<DataItem> allowed) {
        return store.search(Set.of(patientKey), allowed, new RecordQuery("Bundle", List.of(), null, null, null, true, 10, 0))
                .resources().stream().map(StoredResource::id).toList();
    }

    private static DataItem item(long facility, DataCategory category) {
        return new DataItem(facility, category);
    }

    private static ResourceWrite bundle(long patientKey, long facility, String id, String value, Set<DataCategory> held) {
        String json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"identifier\":{\"value\":\"" + value + "\"}}";
        return new ResourceWrite(patientKey, "Bundle", id, null, facility, DOCUMENTS, json,
                new SearchIndex(List.of(), List.of()), held);
    }
}

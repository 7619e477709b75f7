package org.musubi.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.record.store.ResourceStore;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each version's content is stored once: the current version in {@code resource}, the earlier ones in
 * {@code resource_version}, moved there when replaced. The history reads back every version with its
 * content, whether it was replaced by a later batch, within the same batch, or by a deletion. The store asks no policy
 * and audits nothing, neither its writes nor its reads: the use cases over it ({@link ReadRecords}, {@link WriteRecords})
 * and the import write the one row each read or write leaves, so a row of the store's own would be a second one.
 */
@MusubiIntegrationTest
class ResourceHistoryIT {

    @Autowired
    ResourceStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditRows audit;

    @Test
    void everyVersionIsKeptOnceAndReadBackInOrder() {
        long patientKey = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        long facility = jdbc.sql("SELECT min(id) FROM facility").query(Long.class).single();
        long writer = jdbc.sql("SELECT min(id) FROM app_user").query(Long.class).single();
        String id = UUID.randomUUID().toString();
        long mark = audit.max();

        assertThat(store.write(List.of(write(patientKey, facility, id, "1")), null)).extracting(Written::change)
                .containsExactly(Written.Change.CREATED);
        assertThat(earlierVersions(patientKey)).as("a new resource has no earlier version").isZero();

        store.write(List.of(write(patientKey, facility, id, "2")), writer);
        assertThat(earlierVersions(patientKey)).isEqualTo(1);

        List<Written> twice = store.write(List.of(write(patientKey, facility, id, "3"), write(patientKey, facility, id, "4")), null);
        assertThat(twice).extracting(Written::version).containsExactly(3, 4);
        assertThat(store.write(List.of(write(patientKey, facility, id, "4")), null)).extracting(Written::change)
                .containsExactly(Written.Change.UNCHANGED);

        assertThat(store.delete("Observation", id, writer)).isTrue();
        assertThat(store.delete("Observation", id, writer)).as("already deleted").isFalse();

        List<StoredResource> history = store.history("Observation", id);
        assertThat(history).extracting(StoredResource::version).containsExactly(5, 4, 3, 2, 1);
        assertThat(history).extracting(StoredResource::deleted).containsExactly(true, false, false, false, false);
        assertThat(history).extracting(r -> value(r.json())).containsExactly("4", "4", "3", "2", "1");
        assertThat(store.version("Observation", id, 2)).map(r -> value(r.json())).contains("2");
        assertThat(store.find("Observation", id)).get().extracting(StoredResource::deleted, StoredResource::version)
                .containsExactly(true, 5);
        assertThat(earlierVersions(patientKey)).as("versions 1-4 in the history, 5 in resource").isEqualTo(4);
        assertThat(jdbc.sql("SELECT written_by FROM resource_version WHERE patient_key = ? AND version = 2")
                .param(patientKey).query(Long.class).single()).as("who wrote version 2").isEqualTo(writer);
        assertThat(jdbc.sql("SELECT written_by FROM resource WHERE patient_key = ?").param(patientKey)
                .query(Long.class).single()).as("who deleted it").isEqualTo(writer);
        assertThat(finals(patientKey, facility)).as("a deleted resource is not found by search").isZero();
        assertThat(jdbc.sql("SELECT cardinality(search_keys) FROM resource WHERE patient_key = ?").param(patientKey)
                .query(Integer.class).single()).as("nor kept in the search index").isZero();

        store.write(List.of(write(patientKey, facility, id, "6")), null);
        assertThat(finals(patientKey, facility)).as("written again, found again").isEqualTo(1);
        assertThat(store.history("Observation", id)).extracting(StoredResource::version).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(store.version("Observation", id, 5)).get().extracting(StoredResource::deleted).isEqualTo(true);
        assertThat(audit.naming(mark, id)).as("the store's writes, deletions, history and version reads audit nothing").isEmpty();
    }

    @Test
    void deletingManyAtOnceMovesEachLiveVersionOnceEvenWhenNamedTwice() {
        long patientKey = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        long facility = jdbc.sql("SELECT min(id) FROM facility").query(Long.class).single();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        long mark = audit.max();
        store.write(List.of(write(patientKey, facility, a, "1"), write(patientKey, facility, b, "1")), null);

        int deleted = store.deleteAll(List.of(new ResourceRef(patientKey, "Observation", a),
                new ResourceRef(patientKey, "Observation", a), new ResourceRef(patientKey, "Observation", b)), null);

        assertThat(deleted).isEqualTo(2);
        assertThat(earlierVersions(patientKey)).isEqualTo(2);
        assertThat(store.history("Observation", a)).extracting(r -> value(r.json())).containsExactly("1", "1");
        assertThat(audit.naming(mark, a)).as("the store's deletions audit nothing").isEmpty();
        assertThat(audit.naming(mark, b)).isEmpty();
    }

    private long earlierVersions(long patientKey) {
        return jdbc.sql("SELECT count(*) FROM resource_version WHERE patient_key = ?").param(patientKey).query(Long.class).single();
    }

    /** How many of the patient's Observations a search for status {@code final} finds. */
    private long finals(long patientKey, long facility) {
        var condition = new RecordQuery.TokenCondition("status",
                List.of(new RecordQuery.Value(null, "final")));
        return store.search(Set.of(patientKey), Set.of(new DataItem(facility,
                DataCategory.LAB_RESULTS)), new RecordQuery("Observation", List.of(condition), null, null,
                null, true, 10, 0)).total();
    }

    private static ResourceWrite write(long patientKey, long facility, String id, String value) {
        String json = "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"text\":\"history\"},\"valueString\":\"" + value + "\"}";
        return new ResourceWrite(patientKey, "Observation", id, null, facility, DataCategory.LAB_RESULTS, json,
                new SearchIndex(List.of(new SearchIndex.Token("status", null, "final")), List.of()));
    }

    private static String value(String json) {
        return json.replaceAll(".*\"valueString\":\\s*\"([^\"]*)\".*", "$1");
    }
}

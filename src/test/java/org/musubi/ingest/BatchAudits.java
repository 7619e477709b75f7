package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.chunk.ImportAudits;
import org.musubi.testing.AuditRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an import batch promises the audit trail (docs/import.md, "Audit"; {@link ImportAudits}): one row per source
 * record that changed something, created, updated or deleted, naming the resources it wrote ({@code Type/id}), the
 * patient's regional ID and the file; one row per chunk naming the directory resources it created (no patient); all
 * by the actor who ran the batch, permitted, for treatment. A record that changed nothing, or was rejected, leaves none.
 */
final class BatchAudits {

    /** The login id of {@code Actor.system("test")}, the actor the import tests run their batches as. */
    static final String ACTOR = "system:test";

    private BatchAudits() {
    }

    /** The rows of a batch: those naming a directory, and those of its records (in order). */
    record Rows(List<AuditRows.Row> directory, List<AuditRows.Row> records) {

        /** Every resource the record rows name. */
        Set<String> recordResources() {
            Set<String> named = new HashSet<>();
            records.forEach(r -> named.addAll(r.resourceIds()));
            return named;
        }
    }

    /**
     * Asserts the rows {@link #ACTOR} left after {@code mark} are exactly those of the first batch of a fresh facility,
     * {@code batch}, of {@code format} (the source kind's name), and returns them: one per record stored or deleted,
     * each naming its own source patient's regional ID; and, together, naming every resource the facility now has,
     * its patients' under the records' rows and its directory's under the directory rows.
     */
    static Rows assertFirstBatch(AuditRows audit, JdbcClient jdbc, IdentityBatches identities, long mark, ImportBatch batch,
                                 long facilityId, String format) {
        Rows rows = assertBatch(audit, jdbc, identities, mark, batch, facilityId, format);
        assertThat(rows.recordResources()).as("the records' rows name every resource of the facility's patients, each stored")
                .isEqualTo(Set.copyOf(jdbc.sql("SELECT type || '/' || id FROM resource WHERE source_facility = ? AND patient_key <> 0")
                        .param(facilityId).query(String.class).list()));
        Set<String> directory = new HashSet<>();
        rows.directory().forEach(r -> directory.addAll(r.resourceIds()));
        assertThat(directory).as("the directory rows name every directory resource of the facility")
                .isEqualTo(Set.copyOf(jdbc.sql("SELECT type || '/' || id FROM resource WHERE source_facility = ? AND patient_key = 0")
                        .param(facilityId).query(String.class).list()));
        return rows;
    }

    /**
     * Asserts the rows {@link #ACTOR} left after {@code mark} are those {@code batch} promises, and returns them: all
     * permitted, for treatment, with the import's reason; exactly one per record stored or deleted (each record once),
     * and the patient of each the regional ID of the source patient whose resources it names (none while that source
     * patient is linked to no person).
     */
    static Rows assertBatch(AuditRows audit, JdbcClient jdbc, IdentityBatches identities, long mark, ImportBatch batch,
                            long facilityId, String format) {
        List<AuditRows.Row> all = audit.rows(mark, ACTOR);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo("PERMIT");
            assertThat(r.purpose()).isEqualTo("TREATMENT");
            assertThat(r.reason()).startsWith("import " + format + " ");
        });
        List<AuditRows.Row> directory = all.stream().filter(r -> r.reason().equals("import " + format + " directory")).toList();
        List<AuditRows.Row> records = all.stream().filter(r -> !directory.contains(r)).toList();
        assertThat(directory).as("directory rows").allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("CREATE");
            assertThat(r.patientId()).as("no patient's").isNull();
            assertThat(r.resourceIds()).isNotEmpty();
        });
        assertThat(records).as("one row per record stored or deleted")
                .hasSize(batch.counts().recordsStored() + batch.counts().recordsDeleted());
        assertThat(records).extracting(AuditRows.Row::reason).as("each record once").doesNotHaveDuplicates();
        assertThat(records).filteredOn(r -> r.action().equals("DELETE")).as("one DELETE row per record deleted")
                .hasSize(batch.counts().recordsDeleted());
        assertThat(records).extracting(AuditRows.Row::action).allMatch(a -> List.of("CREATE", "UPDATE", "DELETE").contains(a));
        Map<String, Long> owners = owners(jdbc, facilityId);
        List<Long> keys = new ArrayList<>(new HashSet<>(owners.values()));
        Map<Long, String> regional = identities.regionalIdsOf(keys);
        for (AuditRows.Row r : records) {
            Set<Long> patients = new HashSet<>();
            r.resourceIds().forEach(id -> patients.add(owners.get(id)));
            if (r.resourceIds().isEmpty()) {
                continue; // a deletion of a record whose resources were never stored names none
            }
            assertThat(patients).as("the resources of %s: stored, of the facility, one patient's", r.reason()).hasSize(1)
                    .doesNotContainNull();
            assertThat(r.patientId()).as("the regional ID of the patient of %s", r.reason())
                    .isEqualTo(regional.get(patients.iterator().next()));
        }
        return new Rows(directory, records);
    }

    /** The source patient each of the facility's patient resources ({@code Type/id}) is stored under. */
    private static Map<String, Long> owners(JdbcClient jdbc, long facilityId) {
        Map<String, Long> owners = new HashMap<>();
        jdbc.sql("SELECT type || '/' || id, patient_key FROM resource WHERE source_facility = ? AND patient_key <> 0")
                .param(facilityId).query((rs, row) -> owners.put(rs.getString(1), rs.getLong(2))).list();
        return owners;
    }
}

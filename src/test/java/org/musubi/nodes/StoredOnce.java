package org.musubi.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import org.musubi.record.WriteRecords;
import org.musubi.registry.Facility;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the drills of several nodes assert of a pharmacy's imported notebooks: every dispensing stored once, audited once. */
final class StoredOnce {

    private StoredOnce() {
    }

    /**
     * Exactly {@code dispensings} dispensings of {@code pharmacy}, none twice, none in a second version, one audit row
     * each (found by the dispensings they name: an upload's rows carry the facility, a watched folder's the watcher).
     */
    static void dispensings(JdbcClient jdbc, Facility pharmacy, long dispensings, long auditBefore) {
        assertThat(count(jdbc, "SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'MedicationDispense'",
                pharmacy)).as("every dispensing stored").isEqualTo(dispensings);
        assertThat(count(jdbc, "SELECT count(DISTINCT (patient_key, source_key)) FROM resource WHERE source_facility = ?"
                + " AND type = 'MedicationDispense'", pharmacy)).as("no duplicates").isEqualTo(dispensings);
        assertThat(count(jdbc, "SELECT count(*) FROM resource WHERE source_facility = ? AND version > 1", pharmacy))
                .as("nothing written twice").isZero();
        assertThat(count(jdbc, "SELECT count(*) FROM resource_version v JOIN resource r USING (patient_key, id)"
                + " WHERE r.source_facility = ?", pharmacy)).as("no earlier versions").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE seq > ? AND reason LIKE 'import JAHIS jahis:dispense%'
                AND resource_ids && ARRAY(SELECT 'MedicationDispense/' || id FROM resource
                                          WHERE source_facility = ? AND type = 'MedicationDispense')""")
                .params(auditBefore, pharmacy.id()).query(Long.class).single())
                .as("one audit row per dispensing, none lost, none twice").isEqualTo(dispensings);
    }

    /**
     * One audit row for each of the {@code stored} observations {@code hospital} created, none lost, none twice; and a
     * request sent again after a node fell silent that the silent node had stored (its conditional create finds the
     * observation, changes nothing and is audited as its own request, reason {@link WriteRecords#CONDITION_MATCHED}):
     * at most {@code sentAgain} such rows, each naming an observation that is stored (such a row names the observation
     * by its id, its type being the row's resource type: {@code WriteRecords.matched}).
     */
    static void observationsAuditedOnce(JdbcClient jdbc, Facility hospital, long stored, int sentAgain, long auditBefore) {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE seq > ? AND facility_id = ? AND action = 'CREATE'
                AND resource_type = 'Observation' AND reason IS DISTINCT FROM ?""")
                .params(auditBefore, hospital.id(), WriteRecords.CONDITION_MATCHED).query(Long.class).single())
                .as("one audit row per observation stored, none lost with a kill, none twice").isEqualTo(stored);
        long matched = jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE seq > ? AND facility_id = ? AND action = 'CREATE'
                AND resource_type = 'Observation' AND reason = ?""")
                .params(auditBefore, hospital.id(), WriteRecords.CONDITION_MATCHED).query(Long.class).single();
        assertThat(matched).as("requests sent again that found what the silent node had stored").isLessThanOrEqualTo(sentAgain);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event a WHERE seq > ? AND facility_id = ? AND action = 'CREATE'
                AND resource_type = 'Observation' AND reason = ? AND NOT EXISTS (SELECT 1 FROM resource r
                    WHERE r.type = 'Observation' AND r.source_facility = ?
                    AND (r.id = ANY (a.resource_ids) OR 'Observation/' || r.id = ANY (a.resource_ids)))""")
                .params(auditBefore, hospital.id(), WriteRecords.CONDITION_MATCHED, hospital.id()).query(Long.class).single())
                .as("a request sent again names an observation that is stored").isZero();
    }

    static long count(JdbcClient jdbc, String sql, Facility facility) {
        return jdbc.sql(sql).param(facility.id()).query(Long.class).single();
    }
}

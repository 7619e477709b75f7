package org.musubi.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Prints the query plans (EXPLAIN ANALYZE) of searches and of {@code $everything}, written the way
 * {@code RecordSearchSql} builds them (by hand, so keep them in step), for the first measured person
 * of a store kept by {@link RecordStoreBenchmark}: {@code bench/run.sh org.musubi.bench.RecordPlans
 * /tmp/musubi-store}; a second argument stops after the searches.
 */
public final class RecordPlans {

    public static void main(String[] args) throws Exception {
        try (RecordBenchServer server = RecordBenchServer.start(Path.of(args[0]));
             Connection connection = server.owner().getConnection(); Statement sql = connection.createStatement()) {
            long person = RecordBenchNetwork.read(server).targetPersons()[0];
            String keys = "ARRAY(SELECT source_patient_id FROM person_link WHERE person_id = " + person + ")";
            String allowed = "(r.source_facility, r.category) IN (SELECT f, c FROM unnest(ARRAY(SELECT facility_id FROM"
                    + " source_patient s JOIN person_link l ON l.source_patient_id = s.id WHERE l.person_id = " + person
                    + " ORDER BY 1), ARRAY['LAB_RESULTS','LAB_RESULTS','LAB_RESULTS','LAB_RESULTS','LAB_RESULTS']) AS a(f, c)"
                    + " UNION SELECT f, c FROM unnest(ARRAY(SELECT facility_id FROM source_patient s JOIN person_link l"
                    + " ON l.source_patient_id = s.id WHERE l.person_id = " + person + "), ARRAY['MEDICATIONS','MEDICATIONS',"
                    + "'MEDICATIONS','MEDICATIONS','MEDICATIONS']) AS b(f, c))";
            String obs = "r.patient_key = ANY(" + keys + ") AND r.type = 'Observation' AND NOT r.deleted AND " + allowed
                    + " AND EXISTS (SELECT 1 FROM resource_token t WHERE t.patient_key = r.patient_key AND t.id = r.id"
                    + " AND t.patient_key = ANY(" + keys + ") AND t.type = 'Observation'"
                    + " AND t.param = 'code' AND (t.code = '8A065000002391901' AND t.system = 'urn:oid:1.2.392.200119.4.504'))";
            String dated = obs + " AND EXISTS (SELECT 1 FROM resource_date d WHERE d.patient_key = r.patient_key AND d.id = r.id"
                    + " AND d.param = 'date'"
                    + " AND coalesce(d.high, d.low, 'infinity') >= '2023-01-01' AND coalesce(d.low, d.high, '-infinity') < '9999-12-31')";
            explain(sql, "SELECT count(*) FROM resource r WHERE " + obs);
            explain(sql, "SELECT count(*) FROM resource r WHERE " + dated);
            explain(sql, "SELECT count(*) FROM resource r WHERE " + dated.replace("t.param = 'code' AND (t.code ="
                    + " '8A065000002391901' AND t.system = 'urn:oid:1.2.392.200119.4.504')",
                    "t.param = 'category' AND (t.code = 'laboratory')"));
            if (args.length > 1) {
                return;
            }
            String all = "r.patient_key = ANY(" + keys + ") AND NOT r.deleted";
            explain(sql, "SELECT count(*) FROM resource r WHERE " + all);
            String order = " ORDER BY r.clinical_date DESC NULLS LAST, r.id";
            explain(sql, "SELECT r.id, r.content::text FROM resource r JOIN (SELECT r.patient_key, r.id FROM resource r"
                    + " WHERE " + all + order + " LIMIT 1000) p ON p.patient_key = r.patient_key AND p.id = r.id" + order);
        }
    }

    private static void explain(Statement sql, String query) throws Exception {
        System.out.println("\n== " + query.substring(0, Math.min(120, query.length())));
        try (ResultSet plan = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
            while (plan.next()) {
                System.out.println(plan.getString(1));
            }
        }
    }

    private RecordPlans() {
    }
}

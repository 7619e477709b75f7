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
                    + " AND r.search_keys && ARRAY(SELECT " + key("code", "=urn:oid:1.2.392.200119.4.504", "8A065000002391901")
                    + " FROM unnest(" + keys + ") AS k)";
            String dated = obs + " AND EXISTS (SELECT 1 FROM unnest(r.date_low, r.date_high) AS d(low, high)"
                    + " WHERE coalesce(d.high, d.low, 'infinity') >= '2023-01-01' AND coalesce(d.low, d.high, '-infinity') < '9999-12-31')";
            explain(sql, "SELECT count(*) FROM resource r WHERE " + obs);
            explain(sql, "SELECT count(*) FROM resource r WHERE " + dated);
            explain(sql, "SELECT count(*) FROM resource r WHERE " + dated.replace(
                    key("code", "=urn:oid:1.2.392.200119.4.504", "8A065000002391901"), key("category", "*", "laboratory")));
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

    /** The search key of an Observation token of patient {@code k}, made in SQL as migration V18 makes it. */
    private static String key(String param, String system, String code) {
        return "('x' || encode(substr(sha256(convert_to('p' || k || chr(31) || 'Observation' || chr(31) || '" + param
                + "' || chr(31) || '" + system + "' || chr(31) || '" + code + "', 'UTF8')), 1, 8), 'hex'))::bit(64)::bigint";
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

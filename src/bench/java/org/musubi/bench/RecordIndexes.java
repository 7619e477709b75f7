package org.musubi.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Around a bulk load: the secondary indexes of the record tables are dropped before and built
 * again after (far faster than keeping them up to date row by row), then the loaded tables are
 * vacuumed and analysed, as autovacuum would do in time. Primary keys stay.
 */
final class RecordIndexes {

    static final String TABLES = "'resource', 'resource_version'";
    private final DataSource owner;
    private final Map<String, String> definitions = new LinkedHashMap<>();

    RecordIndexes(DataSource owner) {
        this.owner = owner;
    }

    void drop() throws Exception {
        try (Connection connection = owner.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename IN ("
                     + TABLES + ") AND i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                     + " WHERE c.conname = i.indexname)")) {
            while (rows.next()) {
                definitions.put(rows.getString(1), rows.getString(2));
            }
        }
        try (Connection connection = owner.getConnection(); Statement sql = connection.createStatement()) {
            for (String name : definitions.keySet()) {
                sql.execute("DROP INDEX " + name);
            }
        }
    }

    void rebuildAndAnalyse(String... otherTables) throws Exception {
        try (Connection connection = owner.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET maintenance_work_mem = '1GB'");
            sql.execute("SET max_parallel_maintenance_workers = 1");
            for (var index : definitions.entrySet()) {
                long start = System.nanoTime();
                sql.execute(index.getValue());
                System.out.printf(Locale.ROOT, "  index %s built in %.0f s%n", index.getKey(), (System.nanoTime() - start) / 1e9);
            }
            for (String table : new String[] {"resource", "resource_version"}) {
                sql.execute("VACUUM (ANALYZE) " + table);
            }
            for (String table : otherTables) {
                sql.execute("VACUUM (ANALYZE) " + table);
            }
        }
    }
}

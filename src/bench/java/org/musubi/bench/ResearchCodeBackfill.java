package org.musubi.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The research codes ({@code research_code}) of resources a benchmark wrote straight into the resource table, filled
 * by V81's own backfill statement (read from the migration, so that the benchmark fills the table exactly as an upgrade
 * does; the record store's writes give the same rows, {@code record.jdbc.ResearchCodeRows}), then vacuumed so that
 * counts read it by index-only scans, as they do once autovacuum has passed.
 */
final class ResearchCodeBackfill {

    private static final String MIGRATION = "db/migration/V81__research_code.sql";

    private ResearchCodeBackfill() {
    }

    /**
     * Fills the table from every live Condition and medication; run on an empty {@code research_code}. Its primary key
     * and index are dropped for the fill and built again after it, as they were (millions of rows: one sort each
     * instead of an insertion per row; the same rows and the same indexes).
     */
    static void run(Statement sql) throws Exception {
        List<String> rebuild = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("""
                SELECT 'ALTER TABLE research_code ADD CONSTRAINT ' || quote_ident(conname) || ' '
                       || pg_get_constraintdef(oid), 'ALTER TABLE research_code DROP CONSTRAINT ' || quote_ident(conname)
                  FROM pg_constraint WHERE conrelid = 'research_code'::regclass AND contype = 'p'
                UNION ALL
                SELECT pg_get_indexdef(indexrelid), 'DROP INDEX ' || indexrelid::regclass
                  FROM pg_index WHERE indrelid = 'research_code'::regclass AND NOT indisprimary""")) {
            while (rs.next()) {
                rebuild.add(rs.getString(1));
                drop.add(rs.getString(2));
            }
        }
        for (String statement : drop) {
            sql.execute(statement);
        }
        sql.execute(statement());
        sql.execute("SET maintenance_work_mem = '1GB'");
        for (String statement : rebuild) {
            sql.execute(statement);
        }
        sql.execute("RESET maintenance_work_mem");
        sql.execute("VACUUM ANALYZE research_code");
    }

    /** V81's {@code INSERT INTO research_code ... ;} statement. */
    static String statement() throws Exception {
        String migration;
        try (InputStream in = ResearchCodeBackfill.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the class path");
            }
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = migration.indexOf("INSERT INTO research_code");
        return migration.substring(start, migration.indexOf(';', start));
    }
}

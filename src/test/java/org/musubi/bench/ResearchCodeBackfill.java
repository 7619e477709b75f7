package org.musubi.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

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

    /** Fills the table from every live Condition and medication; run on an empty {@code research_code}. */
    static void run(Statement sql) throws Exception {
        sql.execute(statement());
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

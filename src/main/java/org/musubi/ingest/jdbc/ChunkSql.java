package org.musubi.ingest.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.musubi.database.ArraySlices;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.ledger.ChunkPlan;
import org.musubi.ingest.ledger.FileDone;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.ledger.ProblemRow;
import org.musubi.ingest.ledger.RecordState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of a chunk's bookkeeping: one per table and slice of rows ({@link ArraySlices}), the rows
 * passed as arrays and unnested.
 */
final class ChunkSql {

    private static final String SEPARATOR = "\u001e";
    private final JdbcClient jdbc;

    ChunkSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void records(ChunkPlan plan) {
        for (List<RecordState> rows : ArraySlices.of(plan.records(), ChunkSql::size)) {
            records(plan, rows);
        }
    }

    private void records(ChunkPlan plan, List<RecordState> rows) {
        jdbc.sql("""
                INSERT INTO import_record (patient_key, facility_id, record_key, version, deleted, resources, batch_id, applied_at)
                SELECT k, ?, rk, v, d, CASE WHEN r = '' THEN '{}'::text[] ELSE string_to_array(r, chr(30)) END, ?, now()
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[]) AS u(k, rk, v, d, r)
                ON CONFLICT (patient_key, facility_id, record_key) DO UPDATE SET version = excluded.version,
                  deleted = excluded.deleted, resources = excluded.resources, batch_id = excluded.batch_id,
                  applied_at = excluded.applied_at""")
                .params(plan.facilityId(), plan.batchId(), array(rows, RecordState::patientKey, Long[]::new),
                        array(rows, RecordState::recordKey, String[]::new), array(rows, RecordState::version, String[]::new),
                        array(rows, RecordState::deleted, Boolean[]::new),
                        array(rows, r -> String.join(SEPARATOR, r.resources()), String[]::new))
                .update();
    }

    void files(ChunkPlan plan) {
        for (List<FileDone> rows : ArraySlices.of(plan.files(), f -> 120 + ArraySlices.text(f.path()))) {
            files(plan, rows);
        }
    }

    private void files(ChunkPlan plan, List<FileDone> rows) {
        jdbc.sql("""
                INSERT INTO import_file (source_id, path, size, modified, content_hash, batch_id, records, rejected, done_at)
                SELECT ?, p, s, m::timestamptz, decode(h, 'hex'), ?, r, x, now()
                FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[]) AS u(p, s, m, h, r, x)
                ON CONFLICT (source_id, path) DO UPDATE SET size = excluded.size, modified = excluded.modified,
                  content_hash = excluded.content_hash, batch_id = excluded.batch_id, records = excluded.records,
                  rejected = excluded.rejected, done_at = excluded.done_at""")
                .params(plan.sourceId(), plan.batchId(), array(rows, FileDone::path, String[]::new),
                        array(rows, FileDone::size, Long[]::new),
                        array(rows, f -> f.modified() == null ? null : f.modified().toString(), String[]::new),
                        array(rows, f -> HexFormat.of().formatHex(f.hash()), String[]::new),
                        array(rows, FileDone::records, Integer[]::new), array(rows, FileDone::rejected, Integer[]::new))
                .update();
    }

    void problems(ChunkPlan plan) {
        for (List<ProblemRow> rows : ArraySlices.of(plan.problems(), ChunkSql::size)) {
            problems(plan, rows);
        }
    }

    /** One statement for the rows, in their order: a batch's problems are listed in the order they were found. */
    private void problems(ChunkPlan plan, List<ProblemRow> rows) {
        jdbc.sql("""
                INSERT INTO import_problem (batch_id, severity, file, line, record, field, code, message_ja, message_en, raw)
                SELECT ?, s, f, l, r, fd, c, ja, en, raw
                FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                  WITH ORDINALITY AS u(s, f, l, r, fd, c, ja, en, raw, n) ORDER BY n""")
                .params(plan.batchId(), array(rows, p -> p.severity().name(), String[]::new),
                        array(rows, p -> p.problem().where().file(), String[]::new),
                        array(rows, p -> p.problem().where().line(), Integer[]::new),
                        array(rows, p -> p.problem().where().record(), String[]::new),
                        array(rows, p -> p.problem().where().field(), String[]::new),
                        array(rows, p -> p.problem().code(), String[]::new),
                        array(rows, p -> clean(p.problem().japanese()), String[]::new),
                        array(rows, p -> clean(p.problem().english()), String[]::new),
                        array(rows, p -> clean(p.raw()), String[]::new))
                .update();
    }

    void count(long batchId, BatchCounts d) {
        jdbc.sql("""
                UPDATE import_batch SET files_seen = files_seen + ?, files_skipped = files_skipped + ?, files_done = files_done + ?,
                  records_seen = records_seen + ?, records_stored = records_stored + ?, records_unchanged = records_unchanged + ?,
                  records_deleted = records_deleted + ?, records_rejected = records_rejected + ?,
                  resources_written = resources_written + ?, warnings = warnings + ?, heartbeat_at = now()
                WHERE id = ?""")
                .params(d.filesSeen(), d.filesSkipped(), d.filesDone(), d.recordsSeen(), d.recordsStored(),
                        d.recordsUnchanged(), d.recordsDeleted(), d.recordsRejected(), d.resourcesWritten(), d.warnings(),
                        batchId)
                .update();
    }

    static ImportLedger.StoredProblem problem(ResultSet rs, int row) throws SQLException {
        Location where = new Location(rs.getString("file"), rs.getInt("line"), rs.getString("record"), rs.getString("field"));
        Problem problem = new Problem(where, rs.getString("code"), rs.getString("message_ja"), rs.getString("message_en"));
        return new ImportLedger.StoredProblem(rs.getLong("id"), rs.getLong("batch_id"),
                new ProblemRow(ProblemRow.Severity.valueOf(rs.getString("severity")), problem, rs.getString("raw")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static int size(RecordState row) {
        return 40 + ArraySlices.texts(row.recordKey(), row.version()) + ArraySlices.joined(row.resources());
    }

    private static int size(ProblemRow row) {
        Problem problem = row.problem();
        return 40 + ArraySlices.texts(problem.where().file(), problem.where().record(), problem.where().field(), problem.code(),
                problem.japanese(), problem.english(), row.raw());
    }

    /** PostgreSQL text cannot hold NUL characters (a binary file read as text may have them). */
    private static String clean(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private static <T, V> V[] array(List<T> rows, Function<T, V> value, IntFunction<V[]> make) {
        return rows.stream().map(value).toArray(make);
    }
}

package org.musubi.ingest.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.adapter.ReplacedScope;
import org.musubi.ingest.ledger.ChunkPlan;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.ledger.KnownFile;
import org.musubi.ingest.ledger.RecordState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The import ledger in PostgreSQL; a chunk's rows are written with one statement per table. */
@Repository
class JdbcImportLedger implements ImportLedger {

    private static final String COUNTERS = "files_seen, files_skipped, files_done, records_seen, records_stored,"
            + " records_unchanged, records_deleted, records_rejected, resources_written, warnings";
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ChunkSql chunks;

    JdbcImportLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.chunks = new ChunkSql(jdbc);
    }

    @Override
    public long startBatch(long sourceId, BatchOrigin origin, Long userId) {
        return jdbc.sql("INSERT INTO import_batch (source_id, origin, started_by, status) VALUES (?, ?, ?, 'RUNNING') RETURNING id")
                .params(sourceId, origin.name(), userId).query(Long.class).single();
    }

    @Override
    public void finishBatch(long batchId, BatchStatus status, String failure) {
        jdbc.sql("UPDATE import_batch SET status = ?, finished_at = now(), heartbeat_at = now(), failure = ? WHERE id = ?")
                .params(status.name(), failure == null ? null : failure.substring(0, Math.min(failure.length(), 2000)), batchId)
                .update();
    }

    @Override
    public void count(long batchId, BatchCounts d) {
        chunks.count(batchId, d);
    }

    @Override
    public Optional<ImportBatch> batch(long batchId) {
        return jdbc.sql("SELECT * FROM import_batch WHERE id = ?").param(batchId).query(JdbcImportLedger::batch).optional();
    }

    @Override
    public List<ImportBatch> batches(Long sourceId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM import_batch WHERE (?::bigint IS NULL OR source_id = ?) ORDER BY id DESC OFFSET ? LIMIT ?")
                .params(sourceId, sourceId, offset, limit).query(JdbcImportLedger::batch).list();
    }

    @Override
    public List<StoredProblem> problems(long batchId, boolean errorsOnly, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM import_problem WHERE batch_id = ? AND (NOT ? OR severity = 'ERROR')
                ORDER BY id OFFSET ? LIMIT ?""").params(batchId, errorsOnly, offset, limit)
                .query(ChunkSql::problem).list();
    }

    @Override
    public List<WarningKind> warningKinds(long batchId) {
        return jdbc.sql("""
                SELECT code, count(*)::int, (array_agg(message_ja ORDER BY id))[1], (array_agg(message_en ORDER BY id))[1]
                FROM import_problem WHERE batch_id = ? AND severity = 'WARNING'
                GROUP BY code ORDER BY count(*) DESC, code""").param(batchId)
                .query((rs, n) -> new WarningKind(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
    }

    @Override
    public List<Long> patientKeys(long batchId) {
        return jdbc.sql("SELECT DISTINCT patient_key FROM import_record WHERE batch_id = ? AND patient_key <> 0")
                .param(batchId).query(Long.class).list();
    }

    @Override
    public Map<String, KnownFile> knownFiles(long sourceId, Collection<String> paths) {
        Map<String, KnownFile> known = new HashMap<>();
        jdbc.sql("SELECT path, size, modified, content_hash, batch_id FROM import_file WHERE source_id = ? AND path = ANY(?)")
                .params(sourceId, paths.toArray(String[]::new))
                .query(rs -> {
                    Timestamp modified = rs.getTimestamp(3);
                    known.put(rs.getString(1), new KnownFile(rs.getString(1), rs.getLong(2),
                            modified == null ? null : modified.toInstant(), rs.getBytes(4), rs.getLong(5)));
                });
        return known;
    }

    @Override
    public boolean knownContent(long sourceId, byte[] hash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_file WHERE source_id = ? AND content_hash = ?)")
                .params(sourceId, hash).query(Boolean.class).single();
    }

    @Override
    public Map<RecordId, RecordState> records(long facilityId, Collection<RecordId> ids) {
        Map<RecordId, RecordState> states = new HashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        jdbc.sql("""
                SELECT r.patient_key, r.record_key, r.version, r.deleted, r.resources FROM import_record r
                JOIN unnest(?::bigint[], ?::text[]) AS u(k, rk) ON r.patient_key = u.k AND r.record_key = u.rk
                WHERE r.facility_id = ?""")
                .params(ids.stream().map(RecordId::patientKey).toArray(Long[]::new),
                        ids.stream().map(RecordId::recordKey).toArray(String[]::new), facilityId)
                .query(rs -> {
                    RecordState state = new RecordState(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            List.of((String[]) rs.getArray(5).getArray()));
                    states.put(new RecordId(state.patientKey(), state.recordKey()), state);
                });
        return states;
    }

    /**
     * By the partial index of V75 ({@code record_key LIKE '<prefix>%'}, written into the statement: the record key prefix
     * is letters, digits, ':' and '-' only) and a range on the version, compared byte-wise.
     */
    @Override
    public List<RecordState> liveInScope(long facilityId, ReplacedScope scope) {
        String prefix = scope.recordKeyPrefix();
        if (!prefix.matches("[A-Za-z0-9:-]{1,40}")) {
            throw new IllegalArgumentException("record key prefix");
        }
        return jdbc.sql("SELECT patient_key, record_key, version, deleted, resources FROM import_record "
                        + "WHERE facility_id = ? AND NOT deleted AND record_key LIKE '" + prefix + "%' "
                        + "AND version COLLATE \"C\" >= ? AND version COLLATE \"C\" < ? ORDER BY patient_key, record_key")
                .params(facilityId, scope.versionPrefix(), after(scope.versionPrefix()))
                .query((rs, n) -> new RecordState(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        List.of((String[]) rs.getArray(5).getArray())))
                .list();
    }

    /** The first text after every text that starts with {@code prefix}, byte-wise (its last character's successor). */
    static String after(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (DuplicateKeyException e) {
            throw new CreatedMeanwhile(e);
        }
    }

    @Override
    public void save(ChunkPlan plan, BatchCounts counts) {
        chunks.records(plan);
        chunks.files(plan);
        chunks.problems(plan);
        chunks.count(plan.batchId(), counts);
    }

    private static ImportBatch batch(ResultSet rs, int row) throws SQLException {
        BatchCounts counts = new BatchCounts(rs.getInt("files_seen"), rs.getInt("files_skipped"), rs.getInt("files_done"),
                rs.getInt("records_seen"), rs.getInt("records_stored"), rs.getInt("records_unchanged"),
                rs.getInt("records_deleted"), rs.getInt("records_rejected"), rs.getInt("resources_written"),
                rs.getInt("warnings"));
        Timestamp finished = rs.getTimestamp("finished_at");
        Long startedBy = rs.getObject("started_by", Long.class);
        return new ImportBatch(rs.getLong("id"), rs.getLong("source_id"), BatchOrigin.valueOf(rs.getString("origin")),
                startedBy, rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("heartbeat_at").toInstant(), finished == null ? null : finished.toInstant(),
                BatchStatus.valueOf(rs.getString("status")), counts, rs.getString("failure"));
    }

    static String counters() {
        return COUNTERS;
    }
}

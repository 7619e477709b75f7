package org.musubi.ingest.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportBatch;

/** The import's own bookkeeping: batches, files delivered, record versions applied, problems. */
public interface ImportLedger {

    long startBatch(long sourceId, BatchOrigin origin, Long userId);

    void finishBatch(long batchId, BatchStatus status, String failure);

    /** Adds to a batch's counters without a chunk (files skipped). */
    void count(long batchId, BatchCounts delta);

    Optional<ImportBatch> batch(long batchId);

    /** The newest batches first; of one source when {@code sourceId} is given. */
    List<ImportBatch> batches(Long sourceId, int offset, int limit);

    /** Problems of a batch in the order found; errors only when {@code errorsOnly}. */
    List<StoredProblem> problems(long batchId, boolean errorsOnly, int offset, int limit);

    /** The batch's warnings by code, most frequent first, each with the text of its first occurrence. */
    List<WarningKind> warningKinds(long batchId);

    /** The source patients (patient keys) of the records this batch stored last. */
    List<Long> patientKeys(long batchId);

    /** A kind of warning of a batch: its code, how many records got it, and the text of the first. */
    record WarningKind(String code, int count, String japanese, String english) {
    }

    Map<String, KnownFile> knownFiles(long sourceId, Collection<String> paths);

    /** Whether the source delivered a file with this content before. */
    boolean knownContent(long sourceId, byte[] hash);

    /** The state of each of these records of the facility that has one, by (patient key, record key). */
    Map<RecordId, RecordState> records(long facilityId, Collection<RecordId> ids);

    /**
     * The facility's live records (not deleted) in {@code scope}: key and version starting with its prefixes
     * ({@link org.musubi.ingest.adapter.ReplacedScope}), in the caller's transaction.
     */
    List<RecordState> liveInScope(long facilityId, org.musubi.ingest.adapter.ReplacedScope scope);

    /**
     * Runs {@code work} in one database transaction (the record store's writes join it): all or nothing. Throws
     * {@link CreatedMeanwhile} when it failed because another writer created one of the same unique rows first.
     */
    <T> T inTransaction(Supplier<T> work);

    /** A transaction rolled back because another writer created one of its unique rows first: worth one retry. */
    final class CreatedMeanwhile extends RuntimeException {

        public CreatedMeanwhile(Throwable cause) {
            super("created by another writer meanwhile", cause);
        }
    }

    /** Saves a chunk's record states, files and problems and adds {@code counts} to its batch (in the caller's transaction). */
    void save(ChunkPlan plan, BatchCounts counts);

    /** A source record of a patient. */
    record RecordId(long patientKey, String recordKey) {
    }

    /** A problem as stored, with its id and batch. */
    record StoredProblem(long id, long batchId, ProblemRow row, Instant createdAt) {
    }
}

package org.musubi.ingest;

import java.util.List;
import org.musubi.audit.Actor;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;

/**
 * Stores one chunk: its patients first (identity matching, in their own transactions, one chunk of a
 * facility at a time), then the directory resources its records name that are not stored yet (in a
 * transaction of their own), then in one transaction its resources, the import's bookkeeping (record
 * versions, files done, problems, counters) and one audit row per record that changed something. A crash
 * before the commit leaves nothing of the chunk; after it, all of it.
 */
final class ImportChunks {

    /** Patients of a facility's chunks are resolved under one of these locks, chosen by facility. */
    private static final Object[] RESOLVING = java.util.stream.IntStream.range(0, 16).mapToObj(i -> new Object()).toArray();
    /** Directory resources are created under this lock (see {@link #storeDirectory}). */
    private static final Object DIRECTORY = new Object();
    private final ImportPatients patients;
    private final ChunkPlanner planner = new ChunkPlanner();
    private final Preparation preparation;
    private final ImportLedger ledger;
    private final WriteRecords records;
    private final ImportAudits audits;

    ImportChunks(ImportPatients patients, Preparation preparation, ImportLedger ledger, WriteRecords records,
                 ImportAudits audits) {
        this.patients = patients;
        this.preparation = preparation;
        this.ledger = ledger;
        this.records = records;
        this.audits = audits;
    }

    /** The preparation of records' resources, done by the threads that read files. */
    Preparation preparation() {
        return preparation;
    }

    BatchCounts store(Chunk chunk, Actor actor, String format) {
        List<ParseResult.Parsed> parsed = chunk.parsed();
        ImportPatients.Resolved resolved;
        // A batch stores chunks of different patients at once, but matches their patients one chunk after
        // another: two source patients who are the same person go to one person, not to two new ones.
        synchronized (RESOLVING[Math.floorMod(Long.hashCode(chunk.facilityId()), RESOLVING.length)]) {
            resolved = patients.resolve(chunk.facilityId(), chunk.userId() == null ? 0 : chunk.userId(), parsed);
        }
        var states = ledger.records(chunk.facilityId(), parsed.stream()
                .map(p -> new ImportLedger.RecordId(resolved.keys().get(p.patient().localId()), p.recordKey())).toList());
        ChunkPlanner.Planned planned = planner.plan(chunk, resolved, states, preparation);
        ChunkPlan plan = planned.plan();
        storeDirectory(chunk, planned.directory(), actor, format);
        record Result(WriteRecords.Imported imported, BatchCounts counts) {
        }
        Result result = ledger.inTransaction(() -> {
            WriteRecords.Imported imported = records.importAll(plan.facilityId(), plan.userId(), plan.writes(), plan.deletions());
            BatchCounts counts = counted(plan.counts(), planned.records(), imported);
            ledger.save(plan, counts);
            audits.record(planned.records(), imported, resolved.regionalIds(), actor, format);
            return new Result(imported, counts);
        });
        return result.counts();
    }

    /**
     * Stores the directory resources the chunk's records refer to that are not stored yet, before the
     * chunk and in a transaction of their own: chunks stored at once (and other imports) name the same
     * pharmacies and doctors, so they are created under one lock, and once created they are never changed
     * by an import. A crash after this commit and before the chunk's leaves resources no record refers
     * to yet, which the chunk's retry finds stored. Another process's import may create one between the
     * look-up and the insert: the insert then fails on the key and is tried once more.
     */
    private void storeDirectory(Chunk chunk, List<ResourceWrite> directory, Actor actor, String format) {
        if (directory.isEmpty()) {
            return;
        }
        synchronized (DIRECTORY) {
            for (int attempt = 1; ; attempt++) {
                try {
                    ledger.inTransaction(() -> {
                        audits.directory(records.importDirectory(chunk.facilityId(), chunk.userId(), directory), actor, format);
                        return null;
                    });
                    break;
                } catch (org.springframework.dao.DuplicateKeyException e) {
                    if (attempt == 2) {
                        throw e;
                    }
                }
            }
        }
        directory.forEach(d -> chunk.directoryStored().add(d.id()));
    }

    /** The plan's counters with what the store did: resources written, and records that changed nothing counted as unchanged. */
    private static BatchCounts counted(BatchCounts planned, List<PlannedRecord> applied, WriteRecords.Imported imported) {
        int written = (int) imported.written().stream().filter(w -> w.change() != Written.Change.UNCHANGED).count();
        int idle = 0;
        for (PlannedRecord r : applied) {
            if (r.action() == ParseResult.Action.STORE && r.known() && r.deletions().isEmpty() && imported.written()
                    .subList(r.firstWrite(), r.firstWrite() + r.writeCount()).stream()
                    .allMatch(w -> w.change() == Written.Change.UNCHANGED)) {
                idle++;
            }
        }
        return new BatchCounts(planned.filesSeen(), planned.filesSkipped(), planned.filesDone(), planned.recordsSeen(),
                planned.recordsStored() - idle, planned.recordsUnchanged() + idle, planned.recordsDeleted(),
                planned.recordsRejected(), written, planned.warnings());
    }
}

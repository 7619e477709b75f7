package org.musubi.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.audit.Actor;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;

/**
 * Stores one chunk: its patients first (identity matching, in their own transactions, one chunk of a
 * facility at a time), then the directory resources its records name that are not stored yet ({@link ChunkDirectory},
 * in a transaction of their own), then in one transaction its resources, the import's bookkeeping (record
 * versions, files done, problems, counters) and one audit row per record that changed something. A crash
 * before the commit leaves nothing of the chunk's resources; after it, all of them.
 *
 * <p>An import never fails because of another facility's rows: when a resource the chunk writes has an id another
 * facility's resource holds (an id taken before ids were keyed, or a row put there by other means), the transaction is
 * rolled back and the chunk stored again without the records that need those ids, each rejected with a problem
 * naming it ({@link ChunkPlanner}).
 */
final class ImportChunks {

    /** Attempts at a chunk: the first names every taken id at once, so the second stores it unless ids are taken meanwhile. */
    private static final int ATTEMPTS = 3;
    /** Patients of a facility's chunks are resolved under one of these locks, chosen by facility. */
    private static final Object[] RESOLVING = java.util.stream.IntStream.range(0, 16).mapToObj(i -> new Object()).toArray();
    private final ImportPatients patients;
    private final ChunkPlanner planner = new ChunkPlanner();
    private final Preparation preparation;
    private final ImportLedger ledger;
    private final WriteRecords records;
    private final ImportAudits audits;
    private final ChunkDirectory directory;

    ImportChunks(ImportPatients patients, Preparation preparation, ImportLedger ledger, WriteRecords records,
                 ImportAudits audits) {
        this.patients = patients;
        this.preparation = preparation;
        this.ledger = ledger;
        this.records = records;
        this.audits = audits;
        this.directory = new ChunkDirectory(ledger, records, audits);
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
        directory.store(chunk, actor, format);
        Set<String> taken = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return store(chunk, resolved, states, actor, format, Set.copyOf(taken));
            } catch (WriteRecords.NotOwner e) {
                if (attempt == ATTEMPTS || !taken.addAll(e.refs())) {
                    throw e;
                }
            }
        }
    }

    /** One attempt, in one transaction; each starts from the Patient ids stored (the planner notes those it gives). */
    private BatchCounts store(Chunk chunk, ImportPatients.Resolved resolved, Map<ImportLedger.RecordId, RecordState> states,
                              Actor actor, String format, Set<String> taken) {
        ImportPatients.Resolved patientsNow = new ImportPatients.Resolved(resolved.keys(),
                new HashMap<>(resolved.patientResources()), resolved.regionalIds());
        ChunkPlanner.Planned planned = planner.plan(chunk, patientsNow, states, preparation, taken);
        ChunkPlan plan = planned.plan();
        return ledger.inTransaction(() -> {
            WriteRecords.Imported imported = records.importAll(plan.facilityId(), plan.userId(), plan.writes(), plan.deletions());
            BatchCounts counts = counted(plan.counts(), planned.records(), imported);
            ledger.save(plan, counts);
            audits.record(planned.records(), imported, resolved.regionalIds(), actor, format);
            return counts;
        });
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

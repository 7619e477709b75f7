package org.musubi.ingest.chunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.musubi.audit.Actor;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.ledger.ChunkPlan;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.ledger.RecordState;
import org.musubi.record.NotOwner;
import org.musubi.record.Written;
import org.musubi.record.imports.ImportRecords;

/**
 * Stores one chunk: first the directory resources its records name that are not stored yet ({@link ChunkDirectory},
 * a transaction of their own), then in one transaction its patients (stored), its resources, the import's
 * bookkeeping (record versions, files done, problems, counters), the matching of its new patients (名寄せ: persons,
 * links, reviews) and one audit row per record that changed something. A crash or failure before the commit leaves
 * nothing of the chunk, no person nor link included; after it, all of it.
 *
 * <p>An import never fails because of another facility's rows: when a resource the chunk writes has an id another
 * facility's resource holds (an id taken before ids were keyed, or a row put there by other means), the transaction is
 * rolled back and the chunk stored again without the records that need those ids, each rejected with a problem
 * naming it ({@link ChunkPlanner}).
 */
public final class ImportChunks {

    /** Attempts at a chunk: the first names every taken id at once, so the second stores it unless ids are taken meanwhile. */
    private static final int ATTEMPTS = 3;
    /** A facility's chunks match their patients under one of these locks, chosen by facility, held until they commit. */
    private static final ReentrantLock[] MATCHING = IntStream.range(0, 16)
            .mapToObj(i -> new ReentrantLock()).toArray(ReentrantLock[]::new);
    private final ImportPatients patients;
    private final ChunkPlanner planner = new ChunkPlanner();
    private final Preparation preparation;
    private final ImportLedger ledger;
    private final ImportRecords records;
    private final ImportAudits audits;
    private final ChunkDirectory directory;

    public ImportChunks(ImportPatients patients, Preparation preparation, ImportLedger ledger, ImportRecords records,
                 ImportAudits audits) {
        this.patients = patients;
        this.preparation = preparation;
        this.ledger = ledger;
        this.records = records;
        this.audits = audits;
        this.directory = new ChunkDirectory(ledger, records, audits);
    }

    /** The preparation of records' resources, done by the threads that read files. */
    public Preparation preparation() {
        return preparation;
    }

    public BatchCounts store(Chunk chunk, Actor actor, String format) {
        directory.store(chunk, actor, format);
        Set<String> taken = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return store(chunk, actor, format, Set.copyOf(taken));
            } catch (NotOwner e) {
                if (attempt == ATTEMPTS || !taken.addAll(e.refs())) {
                    throw e;
                }
            }
        }
    }

    /**
     * One attempt, in one transaction. The chunks of a batch stored at once end one after the other (the batch's
     * counters are one row); a facility's chunks match their patients one after another, each after the one before
     * committed, so that two source patients who are the same person go to one person, not to two new ones.
     */
    private BatchCounts store(Chunk chunk, Actor actor, String format, Set<String> taken) {
        ReentrantLock matching = MATCHING[Math.floorMod(Long.hashCode(chunk.facilityId()), MATCHING.length)];
        try {
            return ledger.inTransaction(() -> {
                List<ParseResult.Parsed> parsed = chunk.parsed();
                ImportPatients.Resolved resolved = patients.receive(chunk.facilityId(), parsed);
                List<ChunkPlanner.Orphan> orphans = orphans(chunk, resolved);
                var states = ledger.records(chunk.facilityId(), parsed.stream()
                        .map(p -> new ImportLedger.RecordId(resolved.keys().get(p.patient().localId()), p.recordKey())).toList());
                ChunkPlanner.Planned planned = planner.plan(chunk, resolved, states, preparation, taken, orphans);
                ChunkPlan plan = planned.plan();
                ImportRecords.Imported imported = records.importAll(plan.facilityId(), plan.userId(), plan.writes(), plan.deletions());
                BatchCounts counts = counted(plan.counts(), planned.records(), imported);
                ledger.save(plan, counts);
                matching.lock();
                Map<Long, String> regionalIds = new HashMap<>(patients.match(chunk.userId() == null ? 0 : chunk.userId(),
                        resolved));
                regionalIds.putAll(patients.regionalIdsOf(orphans.stream().map(o -> o.state().patientKey())
                        .filter(k -> !regionalIds.containsKey(k)).collect(Collectors.toSet())));
                audits.record(planned.records(), imported, regionalIds, actor, format);
                return counts;
            });
        } finally {
            if (matching.isHeldByCurrentThread()) {
                matching.unlock();
            }
        }
    }

    /**
     * The records each file that replaces a scope ({@link ReadFile#scope}) takes back: the facility's live records in
     * the scope the file does not carry (a receipt sent for the claim month before and not any more), read in the
     * chunk's transaction, so that they are deleted with the file done or not at all.
     */
    private List<ChunkPlanner.Orphan> orphans(Chunk chunk, ImportPatients.Resolved resolved) {
        List<ChunkPlanner.Orphan> orphans = new ArrayList<>();
        for (ReadFile file : chunk.files()) {
            if (file.scope() == null) {
                continue;
            }
            Set<ImportLedger.RecordId> carried = new HashSet<>();
            for (ParseResult result : file.results()) {
                if (result instanceof ParseResult.Parsed p) {
                    carried.add(new ImportLedger.RecordId(resolved.keys().get(p.patient().localId()), p.recordKey()));
                }
            }
            List<RecordState> left = ledger.liveInScope(chunk.facilityId(), file.scope()).stream()
                    .filter(s -> !carried.contains(new ImportLedger.RecordId(s.patientKey(), s.recordKey()))).toList();
            Map<Long, String> locals = patients.localIdsOf(chunk.facilityId(),
                    left.stream().map(RecordState::patientKey).collect(Collectors.toSet()));
            for (RecordState state : left) {
                String local = locals.get(state.patientKey());
                if (local != null) {
                    orphans.add(new ChunkPlanner.Orphan(file.file().name(), local, state));
                }
            }
        }
        return orphans;
    }

    /** The plan's counters with what the store did: resources written, and records that changed nothing counted as unchanged. */
    private static BatchCounts counted(BatchCounts planned, List<PlannedRecord> applied, ImportRecords.Imported imported) {
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

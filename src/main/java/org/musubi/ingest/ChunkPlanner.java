package org.musubi.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.record.ResourceRef;
import org.musubi.record.ResourceWrite;

/**
 * Decides what a chunk stores, in the order its records came: a record older than or as old as the
 * version applied is skipped; a deletion marks the record's resources deleted; otherwise its prepared
 * resources are written (ids from {@link ImportIds}, placeholders resolved) and those the record left
 * before but not now are deleted. The Patient is written when the record is the source's patient
 * information, or when the patient has none yet.
 */
final class ChunkPlanner {

    /**
     * A chunk's plan, the records it applies (for their audit), and the directory resources its records
     * refer to that the batch has not stored yet (each once).
     */
    record Planned(ChunkPlan plan, List<PlannedRecord> records, List<ResourceWrite> directory) {
    }

    Planned plan(Chunk chunk, ImportPatients.Resolved patients, Map<ImportLedger.RecordId, RecordState> states,
                 Preparation preparation) {
        Draft draft = new Draft(chunk, patients, new HashMap<>(states), preparation);
        for (ReadFile file : chunk.files()) {
            int rejected = 0;
            for (int i = 0; i < file.results().size(); i++) {
                if (!draft.take(file, file.results().get(i), file.prepared().get(i))) {
                    rejected++;
                }
            }
            draft.files.add(new FileDone(file.file().name(), file.file().file().size(), file.file().modified(),
                    file.hash(), file.results().size(), rejected));
        }
        return draft.finish();
    }

    /** The plan being built. */
    private static final class Draft {
        final Chunk chunk;
        final ImportPatients.Resolved patients;
        final Map<ImportLedger.RecordId, RecordState> states;
        final List<ResourceWrite> writes = new ArrayList<>();
        final List<ResourceRef> deletions = new ArrayList<>();
        final List<FileDone> files = new ArrayList<>();
        final List<ProblemRow> problems = new ArrayList<>();
        final List<PlannedRecord> records = new ArrayList<>();
        final Map<ImportLedger.RecordId, RecordState> changed = new java.util.LinkedHashMap<>();
        final Map<String, ResourceWrite> directory = new java.util.LinkedHashMap<>();
        /** Source patients with a Patient resource, stored before or written by this chunk. */
        final Set<Long> withPatient = new java.util.HashSet<>();
        int seen;
        int stored;
        int unchanged;
        int deleted;
        int rejected;
        int warnings;

        final Preparation preparation;

        Draft(Chunk chunk, ImportPatients.Resolved patients, Map<ImportLedger.RecordId, RecordState> states,
              Preparation preparation) {
            this.preparation = preparation;
            this.chunk = chunk;
            this.patients = patients;
            this.states = states;
            withPatient.addAll(patients.patientResources().keySet());
        }

        /** Plans one result; false when it is a rejection. */
        boolean take(ReadFile file, ParseResult result, Preparation.PreparedRecord prepared) {
            seen++;
            if (result instanceof ParseResult.Rejected r) {
                problems.add(new ProblemRow(ProblemRow.Severity.ERROR, r.problem(), r.raw()));
                rejected++;
                return false;
            }
            ParseResult.Parsed parsed = (ParseResult.Parsed) result;
            parsed.warnings().forEach(w -> problems.add(new ProblemRow(ProblemRow.Severity.WARNING, w, null)));
            warnings += parsed.warnings().size();
            if (prepared.unstorable() != null) {
                problems.add(new ProblemRow(ProblemRow.Severity.ERROR, prepared.unstorable(), null));
                rejected++;
                return false;
            }
            apply(file, parsed, prepared);
            return true;
        }

        private void apply(ReadFile file, ParseResult.Parsed parsed, Preparation.PreparedRecord prepared) {
            long patientKey = patients.keys().get(parsed.patient().localId());
            ImportLedger.RecordId id = new ImportLedger.RecordId(patientKey, parsed.recordKey());
            RecordState state = states.get(id);
            if (state != null && state.supersedes(parsed.version())) {
                unchanged++;
                return;
            }
            String local = parsed.patient().localId();
            List<String> before = state == null ? List.of() : state.resources();
            int first = writes.size();
            List<ResourceWrite> own = new ArrayList<>(prepared.resources().size());
            prepared.resources().forEach(r -> own.add(write(patientKey, local, r,
                    chunk.ids().resource(local, r.type(), r.sourceKey()))));
            Set<String> now = new LinkedHashSet<>();
            own.forEach(w -> now.add(w.type() + "/" + w.sourceKey()));
            if (parsed.action() == ParseResult.Action.STORE && (withPatient.add(patientKey) || parsed.authoritative())) {
                String patientId = patients.patientResources().computeIfAbsent(patientKey,
                        k -> chunk.ids().resource(local, "Patient", local));
                Preparation.PreparedResource patient = prepared.patient() != null ? prepared.patient()
                        : preparation.patient(parsed);
                writes.add(write(patientKey, local, patient, patientId));
            }
            int patientWrites = writes.size() - first;
            writes.addAll(own);
            for (Preparation.PreparedDirectory d : prepared.directory()) {
                if (!chunk.directoryStored().contains(d.id())) {
                    directory.putIfAbsent(d.id(), new ResourceWrite(0, d.type(), d.id(), null, chunk.facilityId(),
                            d.category(), d.json(), d.index()));
                }
            }
            List<ResourceRef> gone = before.stream().filter(r -> !now.contains(r)).map(r -> ref(patientKey, local, r)).toList();
            deletions.addAll(gone);
            RecordState next = new RecordState(patientKey, parsed.recordKey(), parsed.version(),
                    parsed.action() == ParseResult.Action.DELETE, List.copyOf(now));
            states.put(id, next);
            changed.put(id, next);
            records.add(new PlannedRecord(patientKey, parsed.recordKey(), file.file().name(), parsed.action(),
                    state != null, first, patientWrites + own.size(), gone));
            if (parsed.action() == ParseResult.Action.DELETE) {
                deleted++;
            } else {
                stored++;
            }
        }

        private ResourceWrite write(long patientKey, String local, Preparation.PreparedResource r, String id) {
            String json = PlaceholderReferences.resolve(r.json(), ref -> reference(patientKey, local, ref));
            return new ResourceWrite(patientKey, r.type(), id, r.sourceKey(), chunk.facilityId(), r.category(), json, r.index());
        }

        private String reference(long patientKey, String local, String placeholder) {
            if (placeholder.equals("Patient")) {
                return "Patient/" + patients.patientResources().computeIfAbsent(patientKey,
                        k -> chunk.ids().resource(local, "Patient", local));
            }
            int slash = placeholder.indexOf('/');
            String type = slash < 0 ? placeholder : placeholder.substring(0, slash);
            return type + "/" + chunk.ids().resource(local, type, slash < 0 ? "" : placeholder.substring(slash + 1));
        }

        private ResourceRef ref(long patientKey, String local, String typeAndKey) {
            int slash = typeAndKey.indexOf('/');
            String type = typeAndKey.substring(0, slash);
            return new ResourceRef(patientKey, type, chunk.ids().resource(local, type, typeAndKey.substring(slash + 1)));
        }

        Planned finish() {
            BatchCounts counts = new BatchCounts(files.size(), 0, files.size(), seen, stored, unchanged, deleted, rejected, 0, warnings);
            return new Planned(new ChunkPlan(chunk.batchId(), chunk.sourceId(), chunk.facilityId(), chunk.userId(), writes,
                    deletions, List.copyOf(changed.values()), files, problems, counts), records, List.copyOf(directory.values()));
        }
    }
}

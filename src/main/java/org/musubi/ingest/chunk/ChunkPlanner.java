package org.musubi.ingest.chunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.ledger.ChunkPlan;
import org.musubi.ingest.ledger.FileDone;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.ledger.ProblemRow;
import org.musubi.ingest.ledger.RecordState;
import org.musubi.record.ResourceRef;
import org.musubi.record.ResourceWrite;

/**
 * Decides what a chunk stores, in the order its records came: a record older than or as old as the
 * version applied is skipped; a deletion marks the record's resources deleted; otherwise its prepared
 * resources are written (ids from {@link ImportIds}, placeholders resolved, directory resources referred to by the
 * ids {@link ChunkDirectory} stored them under) and those the record left before but not now are deleted. The
 * Patient is written when the record is the source's patient information, or when the patient has none yet.
 *
 * <p>{@code taken} names resources ({@code Type/id}) whose ids another resource holds (another facility's, found by a
 * first attempt to store the chunk): a record that would write, delete or refer to one is rejected with a problem
 * naming it, and the others are stored. A Patient whose id is taken is written under a new random id instead (it is
 * found by its source patient, not by its id), so that the patient's records are not lost.
 */
final class ChunkPlanner {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");

    /** A chunk's plan and the records it applies (for their audit). */
    record Planned(ChunkPlan plan, List<PlannedRecord> records) {
    }

    /**
     * A record a file's scope takes back ({@link ReadFile#scope}): the file that replaces it, the record's patient's
     * local id, and its live state before the chunk.
     */
    record Orphan(String file, String localId, RecordState state) {
    }

    Planned plan(Chunk chunk, ImportPatients.Resolved patients, Map<ImportLedger.RecordId, RecordState> states,
                 Preparation preparation, Set<String> taken) {
        return plan(chunk, patients, states, preparation, taken, List.of());
    }

    /** {@link #plan} and then the deletion of each of {@code orphans}, after every record of the chunk's files. */
    Planned plan(Chunk chunk, ImportPatients.Resolved patients, Map<ImportLedger.RecordId, RecordState> states,
                 Preparation preparation, Set<String> taken, List<Orphan> orphans) {
        Draft draft = new Draft(chunk, patients, new HashMap<>(states), preparation, taken);
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
        orphans.forEach(draft::takeBack);
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
        final Map<ImportLedger.RecordId, RecordState> changed = new LinkedHashMap<>();
        final Set<String> taken;
        /** While {@code taken} is not empty: the resources the record being planned refers to. */
        final List<String> referred = new ArrayList<>();
        /** Source patients with a Patient resource, stored before or written by this chunk. */
        final Set<Long> withPatient = new HashSet<>();
        int seen;
        int stored;
        int unchanged;
        int deleted;
        int rejected;
        int warnings;

        final Preparation preparation;

        Draft(Chunk chunk, ImportPatients.Resolved patients, Map<ImportLedger.RecordId, RecordState> states,
              Preparation preparation, Set<String> taken) {
            this.preparation = preparation;
            this.taken = taken;
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
            Problem clash = apply(file, parsed, prepared);
            if (clash != null) {
                problems.add(new ProblemRow(ProblemRow.Severity.ERROR, clash, null));
                rejected++;
                return false;
            }
            return true;
        }

        /** Plans a record; the problem when one of its ids is another resource's, and nothing of it is planned. */
        private Problem apply(ReadFile file, ParseResult.Parsed parsed, Preparation.PreparedRecord prepared) {
            long patientKey = patients.keys().get(parsed.patient().localId());
            ImportLedger.RecordId id = new ImportLedger.RecordId(patientKey, parsed.recordKey());
            RecordState state = states.get(id);
            if (state != null && state.supersedes(parsed.version())) {
                unchanged++;
                return null;
            }
            String local = parsed.patient().localId();
            List<String> before = state == null ? List.of() : state.resources();
            for (Preparation.PreparedDirectory d : prepared.directory()) {
                if (chunk.directoryIds().getOrDefault(d.id(), d.id()).isEmpty()) {
                    return TEXTS.problem(parsed.where(), "ingest.idTaken", d.type() + "/" + d.id());
                }
            }
            Map<String, String> moved = moved(prepared.directory());
            referred.clear();
            List<ResourceWrite> own = new ArrayList<>(prepared.resources().size());
            prepared.resources().forEach(r -> own.add(write(patientKey, local, r,
                    chunk.ids().resource(local, r.type(), r.sourceKey()), moved)));
            Set<String> now = new LinkedHashSet<>();
            own.forEach(w -> now.add(w.type() + "/" + w.sourceKey()));
            List<ResourceRef> gone = before.stream().filter(r -> !now.contains(r)).map(r -> ref(patientKey, local, r)).toList();
            String clash = clash(own, gone);
            if (clash != null) {
                return TEXTS.problem(parsed.where(), "ingest.idTaken", clash);
            }
            int first = writes.size();
            if (parsed.action() == ParseResult.Action.STORE && (withPatient.add(patientKey) || parsed.authoritative())) {
                Preparation.PreparedResource patient = prepared.patient() != null ? prepared.patient()
                        : preparation.patient(parsed);
                writes.add(write(patientKey, local, patient, patientId(patientKey, local), Map.of()));
            }
            int patientWrites = writes.size() - first;
            writes.addAll(own);
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
            return null;
        }

        /**
         * Deletes what a record the file's scope takes back holds (as a deletion at the source would), unless this chunk
         * deleted it already. The state keeps the version's part before {@code #} only, so that the same receipt sent
         * again later (its version with a fingerprint) is applied, and one of an earlier claim month is not.
         */
        void takeBack(Orphan orphan) {
            RecordState before = orphan.state();
            ImportLedger.RecordId id = new ImportLedger.RecordId(before.patientKey(), before.recordKey());
            RecordState current = states.getOrDefault(id, before);
            if (current.deleted()) {
                return;
            }
            List<ResourceRef> gone = current.resources().stream()
                    .map(r -> ref(before.patientKey(), orphan.localId(), r)).toList();
            String clash = clash(List.of(), gone);
            if (clash != null) {
                problems.add(new ProblemRow(ProblemRow.Severity.ERROR,
                        TEXTS.problem(Location.file(orphan.file()), "ingest.idTaken", clash), null));
                rejected++;
                return;
            }
            String version = current.version() == null || current.version().indexOf('#') < 0 ? current.version()
                    : current.version().substring(0, current.version().indexOf('#') + 1);
            deletions.addAll(gone);
            RecordState next = new RecordState(before.patientKey(), before.recordKey(), version, true, List.of());
            states.put(id, next);
            changed.put(id, next);
            records.add(new PlannedRecord(before.patientKey(), before.recordKey(), orphan.file(),
                    ParseResult.Action.DELETE, true, writes.size(), 0, gone));
            deleted++;
        }

        /**
         * The references to rewrite, each as a JSON string with its quotes: those to directory resources stored under
         * the facility's own id ({@link Chunk#directoryIds()}). Almost always none.
         */
        private Map<String, String> moved(List<Preparation.PreparedDirectory> directory) {
            Map<String, String> moved = Map.of();
            for (Preparation.PreparedDirectory d : directory) {
                String target = chunk.directoryIds().getOrDefault(d.id(), d.id());
                if (!target.equals(d.id())) {
                    moved = moved.isEmpty() ? new HashMap<>() : moved;
                    moved.put("\"" + d.type() + "/" + d.id() + "\"", "\"" + d.type() + "/" + target + "\"");
                }
            }
            return moved;
        }

        /** The first resource the record would write, delete or refer to whose id is taken; null when none is. */
        private String clash(List<ResourceWrite> own, List<ResourceRef> gone) {
            if (taken.isEmpty()) {
                return null;
            }
            List<String> touched = new ArrayList<>(referred);
            own.forEach(w -> touched.add(w.type() + "/" + w.id()));
            gone.forEach(g -> touched.add(g.type() + "/" + g.id()));
            return touched.stream().filter(taken::contains).findFirst().orElse(null);
        }

        /** {@code moved}: references to rewrite ({@link #moved}). */
        private ResourceWrite write(long patientKey, String local, Preparation.PreparedResource r, String id,
                                    Map<String, String> moved) {
            String json = PlaceholderReferences.resolve(r.encoded().json(), ref -> reference(patientKey, local, ref));
            for (Map.Entry<String, String> m : moved.entrySet()) {
                json = json.replace(m.getKey(), m.getValue());
            }
            return r.encoded().withJson(json).under(patientKey, id, r.sourceKey(), chunk.facilityId());
        }

        private String reference(long patientKey, String local, String placeholder) {
            if (placeholder.equals("Patient")) {
                return "Patient/" + patientId(patientKey, local);
            }
            int slash = placeholder.indexOf('/');
            String type = slash < 0 ? placeholder : placeholder.substring(0, slash);
            String target = type + "/" + chunk.ids().resource(local, type, slash < 0 ? "" : placeholder.substring(slash + 1));
            if (!taken.isEmpty()) {
                referred.add(target);
            }
            return target;
        }

        /** The id of the patient's Patient: the one stored, else the import's, else (taken) a new one. */
        private String patientId(long patientKey, String local) {
            return patients.patientResources().computeIfAbsent(patientKey, k -> {
                String derived = chunk.ids().resource(local, "Patient", local);
                return taken.contains("Patient/" + derived) ? UUID.randomUUID().toString() : derived;
            });
        }

        private ResourceRef ref(long patientKey, String local, String typeAndKey) {
            int slash = typeAndKey.indexOf('/');
            String type = typeAndKey.substring(0, slash);
            return new ResourceRef(patientKey, type, chunk.ids().resource(local, type, typeAndKey.substring(slash + 1)));
        }

        Planned finish() {
            BatchCounts counts = new BatchCounts(files.size(), 0, files.size(), seen, stored, unchanged, deleted, rejected, 0, warnings);
            return new Planned(new ChunkPlan(chunk.batchId(), chunk.sourceId(), chunk.facilityId(), chunk.userId(), writes,
                    deletions, List.copyOf(changed.values()), files, problems, counts), records);
        }
    }
}

package org.musubi.ingest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.record.ResourceRef;
import org.musubi.record.ResourceWrite;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.record.fhir.ResourceKind;

/**
 * Decides what a chunk stores, in the order its records came: a record older than or as old as the
 * version applied is skipped; a deletion marks the record's resources deleted; otherwise its resources
 * are written (ids from {@link ImportIds}, placeholders resolved, search index extracted) and those the
 * record left before but not now are deleted. The Patient is written when the record is the source's
 * patient information, or when the patient has none yet.
 */
final class ChunkPlanner {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");
    private final FhirContext context;
    private final FhirIndexer indexer;

    ChunkPlanner(FhirContext context, FhirIndexer indexer) {
        this.context = context;
        this.indexer = indexer;
    }

    /** A chunk's plan and the records it applies (for their audit). */
    record Planned(ChunkPlan plan, List<PlannedRecord> records) {
    }

    Planned plan(Chunk chunk, ImportPatients.Resolved patients, Map<ImportLedger.RecordId, RecordState> states) {
        Draft draft = new Draft(chunk, patients, new HashMap<>(states), context.newJsonParser());
        for (ReadFile file : chunk.files()) {
            int rejected = 0;
            for (ParseResult result : file.results()) {
                if (!draft.take(file, result)) {
                    rejected++;
                }
            }
            draft.files.add(new FileDone(file.file().name(), file.file().file().size(), file.file().modified(),
                    file.hash(), file.results().size(), rejected));
        }
        return draft.finish();
    }

    /** The plan being built. */
    private final class Draft {
        final Chunk chunk;
        final ImportPatients.Resolved patients;
        final Map<ImportLedger.RecordId, RecordState> states;
        final IParser parser;
        final List<ResourceWrite> writes = new ArrayList<>();
        final List<ResourceRef> deletions = new ArrayList<>();
        final List<FileDone> files = new ArrayList<>();
        final List<ProblemRow> problems = new ArrayList<>();
        final List<PlannedRecord> records = new ArrayList<>();
        final Map<ImportLedger.RecordId, RecordState> changed = new java.util.LinkedHashMap<>();
        /** Source patients with a Patient resource, stored before or written by this chunk. */
        final Set<Long> withPatient = new java.util.HashSet<>();
        int seen;
        int stored;
        int unchanged;
        int deleted;
        int rejected;
        int warnings;

        Draft(Chunk chunk, ImportPatients.Resolved patients, Map<ImportLedger.RecordId, RecordState> states, IParser parser) {
            this.chunk = chunk;
            this.patients = patients;
            this.states = states;
            this.parser = parser;
            withPatient.addAll(patients.patientResources().keySet());
        }

        /** Plans one result; false when it is a rejection. */
        boolean take(ReadFile file, ParseResult result) {
            seen++;
            if (result instanceof ParseResult.Rejected r) {
                problems.add(new ProblemRow(ProblemRow.Severity.ERROR, r.problem(), r.raw()));
                rejected++;
                return false;
            }
            ParseResult.Parsed parsed = (ParseResult.Parsed) result;
            parsed.warnings().forEach(w -> problems.add(new ProblemRow(ProblemRow.Severity.WARNING, w, null)));
            warnings += parsed.warnings().size();
            try {
                apply(file, parsed);
                return true;
            } catch (Unstorable e) {
                problems.add(new ProblemRow(ProblemRow.Severity.ERROR, e.problem, null));
                rejected++;
                return false;
            }
        }

        private void apply(ReadFile file, ParseResult.Parsed parsed) throws Unstorable {
            long patientKey = patients.keys().get(parsed.patient().localId());
            ImportLedger.RecordId id = new ImportLedger.RecordId(patientKey, parsed.recordKey());
            RecordState state = states.get(id);
            if (state != null && state.supersedes(parsed.version())) {
                unchanged++;
                return;
            }
            List<String> before = state == null ? List.of() : state.resources();
            int first = writes.size();
            List<ResourceWrite> own = parsed.action() == ParseResult.Action.STORE ? writesOf(parsed, patientKey) : List.of();
            Set<String> now = new LinkedHashSet<>();
            own.forEach(w -> now.add(w.type() + "/" + w.sourceKey()));
            if (parsed.action() == ParseResult.Action.STORE) {
                patientWrite(parsed, patientKey).ifPresent(writes::add);
            }
            int patientWrites = writes.size() - first;
            writes.addAll(own);
            List<ResourceRef> gone = before.stream().filter(r -> !now.contains(r))
                    .map(r -> ref(patientKey, parsed.patient().localId(), r)).toList();
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

        private List<ResourceWrite> writesOf(ParseResult.Parsed parsed, long patientKey) throws Unstorable {
            List<ResourceWrite> own = new ArrayList<>(parsed.resources().size());
            for (MappedResource m : parsed.resources()) {
                own.add(write(parsed, patientKey, m.resource(), m.sourceKey()));
            }
            return own;
        }

        private java.util.Optional<ResourceWrite> patientWrite(ParseResult.Parsed parsed, long patientKey)
                throws Unstorable {
            if (!withPatient.add(patientKey) && !parsed.authoritative()) {
                return java.util.Optional.empty();
            }
            String local = parsed.patient().localId();
            patients.patientResources().putIfAbsent(patientKey, ImportIds.of(chunk.facilityId(), local, "Patient", local));
            return java.util.Optional.of(write(parsed, patientKey, parsed.patientResource(), local));
        }

        private ResourceWrite write(ParseResult.Parsed parsed, long patientKey, Resource resource, String sourceKey)
                throws Unstorable {
            String type = resource.fhirType();
            ResourceKind kind = ResourceKind.of(type).filter(ResourceKind::patientData).orElseThrow(() ->
                    new Unstorable(TEXTS.problem(parsed.where(), "ingest.unstorable", type)));
            if (sourceKey.isEmpty() || sourceKey.length() > 1000 || sourceKey.indexOf('"') >= 0 || sourceKey.indexOf('\\') >= 0) {
                throw new Unstorable(TEXTS.problem(parsed.where(), "ingest.sourceKey", type));
            }
            String local = parsed.patient().localId();
            String id = type.equals("Patient") ? patients.patientResources().get(patientKey)
                    : ImportIds.of(chunk.facilityId(), local, type, sourceKey);
            String json = PlaceholderReferences.resolve(parser.encodeResourceToString(resource),
                    ref -> reference(patientKey, local, ref));
            return new ResourceWrite(patientKey, type, id, sourceKey, chunk.facilityId(), indexer.category(resource, kind),
                    json, indexer.index(resource, kind));
        }

        private String reference(long patientKey, String local, String placeholder) {
            if (placeholder.equals("Patient")) {
                return "Patient/" + patients.patientResources().computeIfAbsent(patientKey,
                        k -> ImportIds.of(chunk.facilityId(), local, "Patient", local));
            }
            int slash = placeholder.indexOf('/');
            String type = slash < 0 ? placeholder : placeholder.substring(0, slash);
            return type + "/" + ImportIds.of(chunk.facilityId(), local, type, slash < 0 ? "" : placeholder.substring(slash + 1));
        }

        private ResourceRef ref(long patientKey, String local, String typeAndKey) {
            int slash = typeAndKey.indexOf('/');
            String type = typeAndKey.substring(0, slash);
            return new ResourceRef(patientKey, type, ImportIds.of(chunk.facilityId(), local, type, typeAndKey.substring(slash + 1)));
        }

        Planned finish() {
            BatchCounts counts = new BatchCounts(files.size(), 0, files.size(), seen, stored, unchanged, deleted, rejected, 0, warnings);
            return new Planned(new ChunkPlan(chunk.batchId(), chunk.sourceId(), chunk.facilityId(), chunk.userId(), writes,
                    deletions, List.copyOf(changed.values()), files, problems, counts), records);
        }
    }

    /** A record whose resources Musubi cannot store. */
    private static final class Unstorable extends Exception {
        final transient Problem problem;

        Unstorable(Problem problem) {
            super(problem.english());
            this.problem = problem;
        }
    }
}

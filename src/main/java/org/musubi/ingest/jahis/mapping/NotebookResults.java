package org.musubi.ingest.jahis.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.ingest.jahis.records.Dispensing;
import org.musubi.ingest.jahis.records.JahisProblems;
import org.musubi.ingest.jahis.records.JahisRecord;
import org.musubi.ingest.jahis.records.Notebook;
import org.musubi.ingest.jahis.records.OtcItem;
import org.musubi.ingest.jahis.records.Scope;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ParseResult.Parsed;
import org.musubi.ingest.adapter.ParseResult.Rejected;
import org.musubi.ingest.adapter.Problem;

/**
 * Turns a read notebook into the adapter's results, in file order: one Parsed for the patient record
 * (no resources; it carries the Patient and the file's warnings), one for its blood type and weight
 * ({@link PatientObservations}), one per note, OTC drug, memo and dispensing block (a block without drugs:
 * {@link NoteDocuments}), and one Rejected per rejected part. Every Parsed is authoritative for the
 * patient (record 1 is the notebook's own patient information) and has no version.
 */
public final class NotebookResults {

    private record Outcome(int line, ParseResult result) {
    }

    private final Notebook book;
    private final PatientMapping.Mapped patient;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Map<String, Integer> keysSeen = new HashMap<>();
    private final Parties.Known parties;

    private NotebookResults(Notebook book, PatientMapping.Mapped patient, MappingContext context) {
        this.book = book;
        this.patient = patient;
        this.parties = new Parties.Known(context.ids());
    }

    public static List<ParseResult> of(Notebook book, MappingContext context, LocalDate today) {
        NotebookResults results = new NotebookResults(book, PatientMapping.map(book.patient(), context), context);
        results.collect(today);
        return results.outcomes.stream().sorted(Comparator.comparingInt(Outcome::line)).map(Outcome::result).toList();
    }

    private void collect(LocalDate today) {
        parsed(book.file(), RecordKeys.patient(patient.identity().localId()), List::of);
        LocalDate dated = newestDate();
        int line = book.patient().line();
        PatientObservations.map(book.patient(), dated, book.fileName()).ifPresent(body -> outcomes.add(outcome(line,
                new Location(book.fileName(), line, "1", null), unique(PatientObservations.key(dated)), body, List.of())));
        for (Notebook.Item<JahisRecord.PatientNote> note : book.notes()) {
            parsed(note.scope(), RecordKeys.note(note.record()), () -> List.of(ItemMapping.note(note.record())));
        }
        for (OtcItem otc : book.otcs()) {
            parsed(otc.scope(), RecordKeys.otc(otc.otc()), () -> List.of(OtcMapping.map(otc, today)));
        }
        for (Notebook.Item<JahisRecord.Memo> memo : book.memos()) {
            parsed(memo.scope(), RecordKeys.memo(memo.record()), () -> List.of(ItemMapping.memo(memo.record())));
        }
        boolean fromPatient = "2".equals(book.header().direction());
        for (Dispensing block : book.dispensings()) {
            if (block.scope().rejected()) {
                rejected(block.scope());
            } else {
                String key = unique(RecordKeys.dispensing(block));
                mapped(block.scope(), key, () -> NoteDocuments.hasNoDrug(block)
                        ? NoteDocuments.map(block, key, parties, book.fileName())
                        : DispenseMapping.map(block, key, parties, fromPatient, book.fileName()));
            }
        }
        book.strays().forEach(this::rejected);
    }

    private void parsed(Scope scope, String key, Supplier<List<Resource>> resources) {
        if (scope.rejected()) {
            rejected(scope);
            return;
        }
        String unique = unique(key);
        mapped(scope, unique, () -> RecordMapping.of(
                resources.get().stream().map(r -> new MappedResource(unique, r)).toList()));
    }

    private void mapped(Scope scope, String key, Supplier<RecordMapping> resources) {
        int line = scope == book.file() ? book.patient().line() : scope.firstLine();
        Location where = new Location(book.fileName(), line, scope == book.file() ? "1" : scope.firstNumber(), null);
        try {
            outcomes.add(outcome(line, where, key, resources.get(), scope.warnings()));
        } catch (RuntimeException e) {
            outcomes.add(new Outcome(line, new Rejected(JahisProblems.of(where, "jahis.unexpected",
                    e.getClass().getSimpleName()), scope.raw())));
        }
    }

    /** The parsed record: the scope's warnings first, then the mapping's. */
    private Outcome outcome(int line, Location where, String key, RecordMapping mapping, List<Problem> read) {
        List<Problem> warnings = new ArrayList<>(read);
        warnings.addAll(mapping.warnings());
        return new Outcome(line, new Parsed(where, key, null, ParseResult.Action.STORE, patient.identity(),
                patient.patient().copy(), true, mapping.resources(), warnings, mapping.directory()));
    }

    /** The file's newest 調剤等年月日 (5), or null when it has no dispensing with a date. */
    private LocalDate newestDate() {
        return book.dispensings().stream().map(d -> d.date().date()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private void rejected(Scope scope) {
        scope.firstError().ifPresent(problem -> outcomes.add(new Outcome(scope.firstLine(), new Rejected(problem, scope.raw()))));
    }

    /** The key, or the key with {@code ~2}, {@code ~3} … when the same content comes again in this file. */
    private String unique(String key) {
        int seen = keysSeen.merge(key, 1, Integer::sum);
        return seen == 1 ? key : key + "~" + seen;
    }
}

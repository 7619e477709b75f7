package org.musubi.ingest.jahis.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Turns a read notebook into the adapter's results, in file order: one Parsed for the patient record
 * (no resources; it carries the Patient and the file's warnings), one per note, OTC drug, memo and
 * dispensing block, and one Rejected per rejected part. Every Parsed is authoritative for the
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
        for (Notebook.Item<JahisRecord.PatientNote> note : book.notes()) {
            parsed(note.scope(), RecordKeys.note(note.record()), () -> List.of(ItemMapping.note(note.record())));
        }
        for (OtcItem otc : book.otcs()) {
            parsed(otc.scope(), RecordKeys.otc(otc.otc()), () -> List.of(OtcMapping.map(otc, today)));
        }
        for (Notebook.Item<JahisRecord.Memo> memo : book.memos()) {
            parsed(memo.scope(), RecordKeys.memo(memo.record()), () -> List.of(ItemMapping.memo(memo.record())));
        }
        for (Dispensing block : book.dispensings()) {
            if (block.scope().rejected()) {
                rejected(block.scope());
            } else {
                String key = unique(RecordKeys.dispensing(block));
                mapped(block.scope(), key, () -> DispenseMapping.map(block, key, parties));
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
        mapped(scope, unique, () -> new DispenseMapping.Mapping(
                resources.get().stream().map(r -> new MappedResource(unique, r)).toList(), List.of()));
    }

    private void mapped(Scope scope, String key, Supplier<DispenseMapping.Mapping> resources) {
        int line = scope == book.file() ? book.patient().line() : scope.firstLine();
        Location where = new Location(book.fileName(), line, scope == book.file() ? "1" : scope.firstNumber(), null);
        try {
            DispenseMapping.Mapping mapping = resources.get();
            outcomes.add(new Outcome(line, new Parsed(where, key, null, ParseResult.Action.STORE, patient.identity(),
                    patient.patient().copy(), true, mapping.resources(), scope.warnings(), mapping.directory())));
        } catch (RuntimeException e) {
            outcomes.add(new Outcome(line, new Rejected(JahisProblems.of(where, "jahis.unexpected",
                    e.getClass().getSimpleName()), scope.raw())));
        }
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

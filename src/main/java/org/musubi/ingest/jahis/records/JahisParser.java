package org.musubi.ingest.jahis.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.ingest.jahis.records.JahisRecord.DispensingDate;
import org.musubi.ingest.jahis.records.JahisRecord.Memo;
import org.musubi.ingest.jahis.records.JahisRecord.Otc;
import org.musubi.ingest.jahis.records.JahisRecord.OtcIngredient;
import org.musubi.ingest.jahis.records.JahisRecord.PatientInfo;
import org.musubi.ingest.jahis.records.JahisRecord.PatientNote;
import org.musubi.ingest.jahis.records.JahisRecord.RegularPharmacist;
import org.musubi.ingest.jahis.records.JahisRecord.SplitControl;
import org.musubi.ingest.adapter.Location;
import org.musubi.medication.notebook.JahisFormat;

/**
 * Reads a JAHIS TC text into a {@link Notebook}: the header first, then each record by number into
 * the part it belongs to. Records that need a parent that is not there (a 201 before any 5, a 31
 * whose OTC sequence number no 3 carries) are rejected on their own; consecutive ones together.
 */
public final class JahisParser {

    private final Notebook book;
    private final Map<String, OtcItem> otcBySequence = new HashMap<>();
    private Dispensing current;
    private Scope orphans;
    private RawRecord patientLine;

    private JahisParser(String fileName) {
        this.book = new Notebook(fileName);
    }

    public static Notebook parse(String fileName, String text) {
        JahisParser parser = new JahisParser(fileName);
        parser.read(RawRecord.split(text));
        return parser.book;
    }

    private void read(List<RawRecord> records) {
        if (records.isEmpty()) {
            book.file.error(JahisProblems.of(Location.file(book.fileName), "jahis.empty"));
            return;
        }
        RawRecord first = records.getFirst();
        boolean hasHeader = Header.looksLikeHeader(first);
        if (hasHeader) {
            List<Finding> found = new ArrayList<>();
            book.header = Header.parse(first, book.fileName, found);
            book.file.add(first, found);
        } else {
            book.file.error(JahisProblems.of(at(first).field("バージョン情報"), "jahis.header.missing", JahisFormat.PREFIX));
        }
        records.subList(hasHeader ? 1 : 0, records.size()).forEach(this::accept);
    }

    private void accept(RawRecord raw) {
        List<Finding> found = new ArrayList<>();
        JahisRecord record = RecordDecoder.decode(raw, book.fileName, found);
        if (record instanceof JahisRecord.InBlock && current == null) {
            orphan(raw, found);
            return;
        }
        orphans = null;
        if (!RecordDecoder.KNOWN.contains(raw.number())) {
            book.file.warn(JahisProblems.of(at(raw), "jahis.record.unknown", at(raw).record()));
        } else if (record == null) {
            book.strays.add(Scope.of(raw, found));
        } else {
            place(record, raw, found);
        }
    }

    private void place(JahisRecord record, RawRecord raw, List<Finding> found) {
        switch (record) {
            case PatientInfo patient -> patient(patient, raw, found);
            case PatientNote note -> book.notes.add(new Notebook.Item<>(note, Scope.of(raw, found)));
            case Memo memo -> book.memos.add(new Notebook.Item<>(memo, Scope.of(raw, found)));
            case Otc otc -> otc(otc, raw, found);
            case OtcIngredient ingredient -> ingredient(ingredient, raw, found);
            case RegularPharmacist ignored -> {
                book.file.add(raw, found);
                book.file.warn(JahisProblems.of(at(raw), "jahis.record.notMapped", raw.number()));
            }
            case DispensingDate date -> {
                current = new Dispensing(book.fileName, date, raw, found);
                book.dispensings.add(current);
            }
            case JahisRecord.InBlock inBlock -> current.add(inBlock, raw, found);
            case SplitControl split -> split(split, raw, found);
        }
    }

    private void patient(PatientInfo patient, RawRecord raw, List<Finding> found) {
        if (patientLine == null) {
            patientLine = raw;
            book.patient = patient;
            book.file.add(raw, found);
        } else if (patientLine.fields().equals(raw.fields())) {
            book.file.warn(JahisProblems.of(at(raw), "jahis.record.repeated", raw.number()));
        } else {
            book.file.error(JahisProblems.of(at(raw), "jahis.patient.conflict", String.valueOf(patientLine.line())));
        }
    }

    private void otc(Otc otc, RawRecord raw, List<Finding> found) {
        OtcItem item = new OtcItem(otc, Scope.of(raw, found));
        book.otcs.add(item);
        if (!otc.sequence().isEmpty()) {
            otcBySequence.put(otc.sequence(), item);
        }
    }

    private void ingredient(OtcIngredient ingredient, RawRecord raw, List<Finding> found) {
        OtcItem parent = otcBySequence.get(ingredient.sequence());
        if (parent == null) {
            Scope stray = Scope.of(raw, found);
            stray.error(JahisProblems.of(at(raw).field("31.要指導医薬品・一般用医薬品レコード通番"), "jahis.record.orphan", "31",
                    "3 (通番 " + shorten(ingredient.sequence()) + ")"));
            book.strays.add(stray);
            return;
        }
        parent.scope.add(raw, found);
        parent.ingredients.add(ingredient);
    }

    private void split(SplitControl split, RawRecord raw, List<Finding> found) {
        if (book.split != null) {
            book.file.warn(JahisProblems.of(at(raw), "jahis.record.repeated", raw.number()));
        } else {
            book.split = split;
            book.file.add(raw, found);
            if (split.count() > 1) {
                book.file.warn(JahisProblems.of(at(raw), "jahis.split.part", String.valueOf(split.number()),
                        String.valueOf(split.count())));
            }
        }
    }

    private void orphan(RawRecord raw, List<Finding> found) {
        if (orphans == null) {
            orphans = new Scope();
            orphans.error(JahisProblems.of(at(raw), "jahis.record.orphan", raw.number(), "5"));
            book.strays.add(orphans);
        }
        orphans.add(raw, found);
    }

    private Location at(RawRecord raw) {
        return new Location(book.fileName, raw.line(), shorten(raw.number()), null);
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}

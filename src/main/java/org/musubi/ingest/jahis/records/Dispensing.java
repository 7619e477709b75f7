package org.musubi.ingest.jahis.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.ingest.jahis.records.JahisRecord.BlockNote;
import org.musubi.ingest.jahis.records.JahisRecord.DispensingDate;
import org.musubi.ingest.jahis.records.JahisRecord.Drug;
import org.musubi.ingest.jahis.records.JahisRecord.Pharmacist;
import org.musubi.ingest.jahis.records.JahisRecord.Pharmacy;
import org.musubi.ingest.jahis.records.JahisRecord.Prescriber;
import org.musubi.ingest.jahis.records.JahisRecord.PrescribingInstitution;
import org.musubi.ingest.jahis.records.JahisRecord.RpNote;
import org.musubi.ingest.jahis.records.JahisRecord.Usage;
import org.musubi.ingest.adapter.Location;

/**
 * One dispensing block: from a 5 to the next 5. A 55 starts a prescription that owns the RPs after
 * it (RPs before any 55 form a prescription without a doctor); 281/291 belong to the 201 just before
 * them, 301/311/391 to the RP of their number in the current prescription; 401 … 601 to the block.
 */
public final class Dispensing {

    /** The RPs written by one doctor (null when the block names none). */
    public record Prescription(Prescriber doctor, Map<Integer, Rp> rps) {
    }

    /** A drug and its 281/291 notes. */
    public record DispensedDrug(Drug drug, List<RpNote> notes) {
    }

    /** One RP: its drugs, its usage (301) and its 311/391 notes. */
    public static final class Rp {
        final int number;
        final List<DispensedDrug> drugs = new ArrayList<>();
        final List<RpNote> notes = new ArrayList<>();
        Usage usage;

        Rp(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }

        public List<DispensedDrug> drugs() {
            return drugs;
        }

        public List<RpNote> notes() {
            return notes;
        }

        public Usage usage() {
            return usage;
        }
    }

    private final String file;
    final Scope scope;
    final DispensingDate date;
    final List<Prescription> prescriptions = new ArrayList<>();
    final List<BlockNote> notes = new ArrayList<>();
    Pharmacy pharmacy;
    Pharmacist pharmacist;
    PrescribingInstitution institution;
    private DispensedDrug lastDrug;

    Dispensing(String file, DispensingDate date, RawRecord raw, List<Finding> found) {
        this.file = file;
        this.date = date;
        this.scope = Scope.of(raw, found);
    }

    public Scope scope() {
        return scope;
    }

    public DispensingDate date() {
        return date;
    }

    public List<Prescription> prescriptions() {
        return prescriptions;
    }

    public List<BlockNote> notes() {
        return notes;
    }

    public Pharmacy pharmacy() {
        return pharmacy;
    }

    public Pharmacist pharmacist() {
        return pharmacist;
    }

    public PrescribingInstitution institution() {
        return institution;
    }

    void add(JahisRecord.InBlock record, RawRecord raw, List<Finding> found) {
        scope.add(raw, found);
        switch (record) {
            case Pharmacy p -> pharmacy = once(pharmacy, p, raw);
            case Pharmacist p -> pharmacist = once(pharmacist, p, raw);
            case PrescribingInstitution i -> institution = once(institution, i, raw);
            case Prescriber doctor -> prescriptions.add(new Prescription(doctor, new LinkedHashMap<>()));
            case Drug drug -> addDrug(drug);
            case Usage usage -> addUsage(usage, raw);
            case RpNote note when note.number() == 281 || note.number() == 291 -> addDrugNote(note, raw);
            case RpNote note -> rpOf(note.rp(), raw, "201").ifPresent(rp -> rp.notes.add(note));
            case BlockNote note -> notes.add(note);
        }
    }

    private <T> T once(T present, T next, RawRecord raw) {
        if (present == null) {
            return next;
        }
        scope.warn(JahisProblems.of(at(raw), "jahis.record.repeated", raw.number()));
        return present;
    }

    private void addDrug(Drug drug) {
        if (prescriptions.isEmpty()) {
            prescriptions.add(new Prescription(null, new LinkedHashMap<>()));
        }
        lastDrug = new DispensedDrug(drug, new ArrayList<>());
        prescriptions.getLast().rps().computeIfAbsent(drug.rp(), Rp::new).drugs.add(lastDrug);
    }

    private void addUsage(Usage usage, RawRecord raw) {
        rpOf(usage.rp(), raw, "201").ifPresent(rp -> {
            if (rp.usage != null) {
                scope.error(JahisProblems.of(at(raw).field("301.RP番号"), "jahis.rp.usageRepeated", usage.rp()));
            } else {
                rp.usage = usage;
            }
        });
    }

    private void addDrugNote(RpNote note, RawRecord raw) {
        if (lastDrug == null || lastDrug.drug().rp() != note.rp()) {
            scope.error(JahisProblems.of(at(raw).field(raw.number() + ".RP番号"), "jahis.record.orphan", raw.number(),
                    "201 (RP " + note.rp() + ")"));
            return;
        }
        lastDrug.notes().add(note);
    }

    private Optional<Rp> rpOf(int number, RawRecord raw, String parent) {
        Rp rp = prescriptions.isEmpty() ? null : prescriptions.getLast().rps().get(number);
        if (rp == null) {
            scope.error(JahisProblems.of(at(raw).field(raw.number() + ".RP番号"), "jahis.record.orphan", raw.number(),
                    parent + " (RP " + number + ")"));
        }
        return Optional.ofNullable(rp);
    }

    private Location at(RawRecord raw) {
        return new Location(file, raw.line(), raw.number(), null);
    }
}

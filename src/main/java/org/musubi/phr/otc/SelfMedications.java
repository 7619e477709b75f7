package org.musubi.phr.otc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.medication.fhir.Medications;
import org.musubi.phr.MyMedicines;
import org.musubi.phr.vitals.PhrPatient;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.WriteRecords;
import org.musubi.record.write.Entry;
import org.musubi.registry.FieldFault;

/**
 * The resident's self-entered OTC drugs and supplements (市販薬・サプリメント): listed beside the medicines of the
 * dispensing record, added, changed and ended by the resident or their live proxy (代理人), each one interaction with
 * the person's record through the access policy's self access (one audit row; a write and its audit row in one
 * transaction). An entry that is not this person's, or not a self-entered one, answers like one that does not exist.
 * A form refused for its faults reads and writes nothing (no audit row); a change that changes nothing stores nothing.
 */
public final class SelfMedications {

    private final ReadRecords reads;
    private final WriteRecords writes;
    private final OtcRecords records;
    private final OtcWrites written;
    private final MyMedicines medicines;

    public SelfMedications(ReadRecords reads, WriteRecords writes, OtcRecords records, OtcWrites written,
                           MyMedicines medicines) {
        this.reads = reads;
        this.writes = writes;
        this.records = records;
        this.written = written;
        this.medicines = medicines;
    }

    /** わたしのお薬: the medicines of the dispensing record (checked) and the self-entered ones. */
    public record Page(Medications medications, List<OtcEntry> entries) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** What a save did: the entry as it now is and whether a version was stored; or the faults refusing the form. */
    public record Saved(OtcEntry entry, boolean stored, List<FieldFault> faults) {
        public Saved {
            faults = List.copyOf(faults);
        }

        static Saved refused(List<FieldFault> faults) {
            return new Saved(null, false, faults);
        }

        public boolean valid() {
            return faults.isEmpty();
        }
    }

    /** The page; empty when refused. */
    public Optional<Page> page(long userId, long personId) {
        Interaction<Page> read = reads.readPerson(reader(userId), PatientRef.person(personId),
                AuditAction.READ, "phr-medications", record -> new Page(medicines.of(record), records.entries(record)));
        return Optional.ofNullable(read.value());
    }

    /** One entry, for its form; empty when refused or not this person's. */
    public Optional<OtcEntry> open(long userId, long personId, String id) {
        Interaction<OtcEntry> read = reads.readPerson(reader(userId), PatientRef.person(personId),
                AuditAction.READ, OtcRecords.TYPE,
                view -> records.owned(view, id), record -> records.entry(record, id).orElse(null));
        return Optional.ofNullable(read.value());
    }

    /** Adds an entry from the form; empty when refused. */
    public Optional<Saved> add(long userId, EnteredBy by, long personId, Map<String, String> form) {
        OtcForm.Read read = OtcForm.read(form, records.today());
        if (!read.valid()) {
            return Optional.of(Saved.refused(read.faults()));
        }
        Interaction<Saved> saved = writes.enter(reader(userId), personId, AuditAction.CREATE, OtcRecords.TYPE,
                records::mayAdd, record -> {
                    PhrPatient patient = written.patient(userId, record.view());
                    return store(record, patient, OtcWrites.newId(patient), read.values(), by);
                });
        return Optional.ofNullable(saved.value());
    }

    /** Changes entry {@code id} to what the form holds; empty when refused or not this person's. */
    public Optional<Saved> change(long userId, EnteredBy by, long personId, String id, Map<String, String> form) {
        OtcForm.Read read = OtcForm.read(form, records.today());
        if (!read.valid()) {
            return Optional.of(Saved.refused(read.faults()));
        }
        return update(userId, by, personId, id, current -> read.values());
    }

    /** Ends entry {@code id} today (an end date later than today, or none, becomes today); empty when refused. */
    public Optional<Saved> end(long userId, EnteredBy by, long personId, String id) {
        return update(userId, by, personId, id, current -> {
            OtcEntry.Values v = current.values();
            boolean endsLater = v.until() == null || v.until().isAfter(records.today());
            return endsLater ? new OtcEntry.Values(v.kind(), v.name(), v.dose(), v.since(), records.today(), v.note()) : v;
        });
    }

    private Optional<Saved> update(long userId, EnteredBy by, long personId, String id,
                                   Function<OtcEntry, OtcEntry.Values> changed) {
        Interaction<Saved> saved = writes.enter(reader(userId), personId, AuditAction.UPDATE, OtcRecords.TYPE,
                view -> records.owned(view, id), record -> {
                    OtcEntry current = records.entry(record, id).orElseThrow();
                    OtcEntry.Values values = changed.apply(current);
                    if (values.equals(current.values())) {
                        return new Saved(current, false, List.of());
                    }
                    return store(record, written.patient(userId, record.view()), id, values, by);
                });
        return Optional.ofNullable(saved.value());
    }

    private Saved store(Entry record, PhrPatient patient, String id, OtcEntry.Values values, EnteredBy by) {
        record.store(written.statement(patient, id, values, by), versions -> written.provenance(patient,
                versions.stream().filter(w -> w.type().equals(OtcRecords.TYPE)).findFirst().orElseThrow(), by));
        boolean ended = values.until() != null && !values.until().isAfter(records.today());
        return new Saved(new OtcEntry(id, values.kind(), values.name(), values.dose(), values.since(), values.until(),
                values.note(), ended, by), true, List.of());
    }

    private static Reader reader(long userId) {
        return new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS);
    }
}

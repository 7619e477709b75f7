package org.musubi.phr.sheet;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.medication.fhir.Medications;
import org.musubi.phr.MyMedicines;
import org.musubi.phr.vitals.PhrPatient;
import org.musubi.policy.Interaction;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.ResourceWrite.VersionConflict;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.allergy.AllergyStatus;
import org.musubi.record.read.PersonRecord;
import org.musubi.record.write.Entry;
import org.musubi.registry.FieldFault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and entering a person's emergency sheet, each one interaction with their record through the access policy
 * (one audit row): the resident (self access), their proxy (代理人, the policy's proxy access), or a facility's
 * pharmacist, care worker … who sees the sheet through a consented link, entering it on the resident's behalf
 * ({@link org.musubi.policy.PersonView#entryOnBehalf}); break-the-glass readers read it but never enter it. A save
 * that changes nothing stores nothing; the resident saving a staff member's entry unchanged confirms it.
 */
public final class EmergencySheets {

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ReadRecords reads;
    private final WriteRecords writes;
    private final SheetRecords records;
    private final MyMedicines medicines;

    public EmergencySheets(ReadRecords reads, WriteRecords writes, SheetRecords records, MyMedicines medicines) {
        this.reads = reads;
        this.writes = writes;
        this.records = records;
        this.medicines = medicines;
    }

    /** Who reads or enters the sheet, and how their entries are marked. */
    public record Author(Reader reader, SheetEntry.By by, String name, String profession, String facility) {

        /** The resident, in their own notebook. */
        public static Author resident(long userId) {
            return new Author(new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS), SheetEntry.By.RESIDENT, null, null,
                    null);
        }

        /** A resident acting as the person's proxy (代理人), named as shown to the person. */
        public static Author proxy(long userId, String name) {
            return new Author(new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS), SheetEntry.By.PROXY, name, null,
                    null);
        }

        /** A facility's staff member ({@code purpose}: treatment, or emergency for reading only). */
        public static Author staff(long userId, Long facilityId, Purpose purpose, String name, String profession,
                                   String facility) {
            return new Author(new Reader(userId, facilityId, purpose), SheetEntry.By.STAFF, name, profession, facility);
        }

        SheetEntry entry(List<SheetEntry.Section> sections, boolean confirmation) {
            return new SheetEntry(by, name, profession, facility, sections, confirmation);
        }
    }

    /**
     * The sheet as a reader sees it: its current version (none yet), the medicines the person takes now by the
     * dispensing record and the allergies the facilities recorded that still hold (both for the entry form's prefill,
     * as far as this reader may see them; empty when only read), whether this reader may enter it, and the person (for
     * a printed sheet's name, birth date and QR code).
     */
    public record Opened(Optional<SheetVersion> current, List<EmergencySheet.Medicine> dispensed,
                         List<EmergencySheet.Allergy> recorded, boolean mayEnter, Person person) {
        public Opened {
            dispensed = List.copyOf(dispensed);
            recorded = List.copyOf(recorded);
        }
    }

    /**
     * What a save did: the version now current, and the sections it changed (none: nothing stored, or confirmed); or,
     * when what was entered is refused, its faults and the medicines of the dispensing record (for the form again);
     * and the person.
     */
    public record Saved(int version, List<SheetEntry.Section> changed, boolean stored, List<FieldFault> faults,
                        List<EmergencySheet.Medicine> dispensed, Person person) {
        public Saved {
            changed = List.copyOf(changed);
            faults = List.copyOf(faults);
            dispensed = List.copyOf(dispensed);
        }

        public boolean valid() {
            return faults.isEmpty();
        }

        /**
         * Whether the save was refused because someone else saved the sheet after the form was opened: nothing of
         * this save was stored; {@link #version} is the version now current.
         */
        public boolean conflict() {
            return faults.stream().anyMatch(f -> f.field().equals(SheetForm.BASE_VERSION));
        }
    }

    /** The sheet for reading; empty when refused. */
    public Optional<Opened> open(Author author, long personId) {
        Interaction<Opened> read = reads.readPerson(author.reader(), PatientRef.person(personId),
                AuditAction.READ, "emergency-sheet", record -> new Opened(records.current(record), List.of(), List.of(),
                        record.view().entryOnBehalf(records.item()).permitted(), person(record)));
        return Optional.ofNullable(read.value());
    }

    /** The sheet for the entry form: refused (empty) unless this reader may enter it on the person's behalf. */
    public Optional<Opened> openForEntry(Author author, long personId) {
        Interaction<Opened> read = reads.readPerson(author.reader(), PatientRef.person(personId),
                AuditAction.READ, "emergency-sheet-form", view -> view.entryOnBehalf(records.item()),
                record -> new Opened(records.current(record), dispensed(record), recorded(record), true,
                        person(record)));
        return Optional.ofNullable(read.value());
    }

    /**
     * Enters the new version, which {@code entered} reads from the current one (none yet: an empty sheet) — a form
     * keeping some of its photos, or the current sheet itself to confirm it; empty when refused (audited as any
     * refusal). Reading, checking and writing are one interaction.
     */
    public Optional<Saved> save(Author author, long personId, Function<EmergencySheet, SheetForm.Read> entered) {
        return save(author, personId, null, entered);
    }

    /**
     * As above, for a form opened on version {@code seen} of the sheet (0: none yet; null: not said): when the sheet
     * is at another version by now (someone else saved meanwhile, or saves at the same moment), nothing is stored and
     * the save says so ({@link Saved#conflict}), so the person is told and keeps what they entered.
     */
    public Optional<Saved> save(Author author, long personId, Integer seen,
                                Function<EmergencySheet, SheetForm.Read> entered) {
        try {
            return saveOnce(author, personId, seen, entered);
        } catch (VersionConflict raced) {
            // another save stored its version between this one's read and its write: this one is decided again, and told
            return saveOnce(author, personId, seen, entered);
        }
    }

    private Optional<Saved> saveOnce(Author author, long personId, Integer seen,
                                     Function<EmergencySheet, SheetForm.Read> entered) {
        Interaction<Saved> saved = writes.enter(author.reader(), personId, AuditAction.UPDATE, "QuestionnaireResponse",
                view -> view.entryOnBehalf(records.item()), record -> store(author, record, seen, entered));
        return Optional.ofNullable(saved.value());
    }

    /** Confirms the current version as it is (a staff member's entry): see {@link #save}. */
    public Optional<Saved> confirm(Author author, long personId) {
        return save(author, personId, current -> new SheetForm.Read(current, List.of()));
    }

    /**
     * Every version of the sheet, newest first (an empty list when there is none yet, which a reader not allowed to see
     * a sheet that does not exist is told alike); empty when refused. For the notebook's pages, whose person is the
     * signed-in resident's own or the one they are a live proxy for.
     */
    public Optional<List<SheetVersion>> history(Author author, long personId) {
        String id = records.existingSheetId(personId).orElse(SheetRecords.NO_SHEET);
        Interaction<List<StoredResource>> read = reads.history(author.reader(), "QuestionnaireResponse", id);
        if (!read.permitted()) {
            return read.decision().key().equals(ReadRecords.NOT_FOUND) ? Optional.of(List.of()) : Optional.empty();
        }
        return Optional.of(read.value().stream().filter(v -> !v.deleted()).map(records::version).toList());
    }

    private Saved store(Author author, Entry record, Integer seen,
                        Function<EmergencySheet, SheetForm.Read> entered) {
        Optional<SheetVersion> current = records.current(record);
        int now = current.map(SheetVersion::version).orElse(0);
        if (seen != null && seen != now) {
            String at = current.map(v -> SAVED_AT.format(v.at().atZone(ZoneId.of("Asia/Tokyo")))).orElse("");
            return new Saved(now, List.of(), false, List.of(FieldFault.of(SheetForm.BASE_VERSION, "sheet.conflict",
                    now, at)), dispensed(record), person(record));
        }
        EmergencySheet before = current.map(SheetVersion::sheet).orElse(EmergencySheet.empty());
        SheetForm.Read read = entered.apply(before);
        if (!read.valid()) {
            return new Saved(current.map(SheetVersion::version).orElse(0), List.of(), false, read.faults(),
                    dispensed(record), person(record));
        }
        EmergencySheet sheet = read.sheet();
        List<SheetEntry.Section> changed = SheetEntry.Section.changed(before, sheet);
        boolean confirms = changed.isEmpty() && author.by() != SheetEntry.By.STAFF
                && current.map(v -> v.entry().awaitsConfirmation()).orElse(false);
        if (changed.isEmpty() && !confirms) {
            return new Saved(current.map(SheetVersion::version).orElse(0), List.of(), false, List.of(), List.of(),
                    person(record));
        }
        SheetEntry entry = author.entry(changed, confirms);
        PhrPatient patient = records.patient(author.reader().userId(), record.view(), author.by() == SheetEntry.By.STAFF);
        List<ResourceWrite> toStore = records.sheet(patient, sheet, entry).stream()
                .map(w -> seen != null && w.type().equals("QuestionnaireResponse") ? w.expecting(seen) : w).toList();
        List<Written> written = record.store(toStore,
                stored -> records.provenance(patient, version(stored), entry));
        return new Saved(version(written).version(), changed, true, List.of(), List.of(), person(record));
    }

    /** The sheet's version among what a save wrote. */
    private static Written version(List<Written> written) {
        return written.stream().filter(w -> w.type().equals("QuestionnaireResponse")).findFirst().orElseThrow();
    }

    private static Person person(PersonRecord record) {
        return record.view().opened().map(RegisteredPerson::person).orElse(null);
    }

    /**
     * The allergies the facilities recorded that still hold ({@link FhirJson#allergyHolds}), as far as the reader may
     * see allergies (the record's read is the policy's): each substance once, with what it caused.
     */
    private static List<EmergencySheet.Allergy> recorded(PersonRecord record) {
        List<String> ids = record.outline().stream().filter(o -> o.type().equals("AllergyIntolerance"))
                .map(Outline::id).toList();
        Map<String, EmergencySheet.Allergy> known = new LinkedHashMap<>();
        for (StoredResource stored : ids.isEmpty() ? List.<StoredResource>of() : record.contents(ids)) {
            JsonNode allergy = JSON.readTree(stored.json());
            String substance = FhirJson.concept(allergy.path("code"));
            if (!stored.deleted() && substance != null && AllergyStatus.holds(allergy)) {
                String reaction = String.join("、", AllergyStatus.manifestations(allergy));
                known.putIfAbsent(substance.strip(), new EmergencySheet.Allergy(substance, reaction, true));
            }
        }
        return List.copyOf(known.values());
    }

    private List<EmergencySheet.Medicine> dispensed(PersonRecord record) {
        Medications read = medicines.of(record);
        return read.current().stream()
                .map(d -> new EmergencySheet.Medicine(d.newest().entry().name(), d.newest().dosage(), true)).toList();
    }
}

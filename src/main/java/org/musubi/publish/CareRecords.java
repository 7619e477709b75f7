package org.musubi.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.identity.Person;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Decision;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * A care office's records of care events (介護記録) for a person it is linked to: entered one at a time from the
 * phone form, or many from the care software's CSV export ({@link CareCsv}, the layout in docs).
 *
 * <p>Each event is one interaction through the record's one write door ({@link WriteRecords#enter}), one audit row
 * ({@link #TARGET}), gated by the access policy: the caller's facility must have standing for the person ({@link
 * PersonView#actAsHolder}) and the caller's profession must see CARE_RECORDS (VITALS for vital signs) under its
 * facility — care managers and care workers do, a clerk does not. Anything else answers as for a person who does not
 * exist. Stored under the facility's own source patient as CARE_RECORDS ({@link CareEvents}), with its Provenance.
 */
public final class CareRecords {

    /** What an event's entry is audited as. */
    public static final String TARGET = "care-record";
    /** What opening the form for a person is audited as. */
    public static final String FORM_TARGET = "care-record-form";

    private final WriteRecords writes;
    private final ReadRecords reads;
    private final CareEvents events;
    private final PublishRecords records;
    private final Parts parts;

    /** What the records are built with besides the doors. */
    record Parts(Users users, PublishSources sources) {
    }

    CareRecords(WriteRecords writes, ReadRecords reads, CareEvents events, PublishRecords records, Parts parts) {
        this.writes = writes;
        this.reads = reads;
        this.events = events;
        this.records = records;
        this.parts = parts;
    }

    /** An event whose fields are at fault: their names; nothing stored, nothing audited. */
    public static final class Invalid extends RuntimeException {
        private final transient List<String> fields;

        public Invalid(List<String> fields) {
            super("care record: " + fields);
            this.fields = List.copyOf(fields);
        }

        public List<String> fields() {
            return fields;
        }
    }

    /**
     * The person's name for the form's header, when the caller may record care events for them: one interaction (READ,
     * {@link #FORM_TARGET}); empty when refused, as for no such person.
     */
    public Optional<String> open(Reader by, long personId) {
        Interaction<String> read = reads.readPerson(by, PatientRef.person(personId), AuditAction.READ, FORM_TARGET,
                gate(by, DataCategory.CARE_RECORDS), record -> record.view().opened().map(p -> {
                    Person person = p.person();
                    return person.familyKanji() + " " + person.givenKanji();
                }).orElse(null));
        return read.permitted() ? Optional.ofNullable(read.value()) : Optional.empty();
    }

    /**
     * Records one care event: the ids of what was stored, or empty when refused.
     *
     * @throws Invalid when a field is at fault (nothing audited)
     */
    public Optional<List<String>> record(Reader by, long personId, CareEvent event) {
        List<String> faults = event.faults();
        if (!faults.isEmpty()) {
            throw new Invalid(faults);
        }
        if (by.facilityId() == null) {
            return Optional.empty();
        }
        DataCategory category = event instanceof CareEvent.Vitals ? DataCategory.VITALS : DataCategory.CARE_RECORDS;
        Interaction<List<String>> done = writes.enter(by, personId, AuditAction.CREATE, TARGET, gate(by, category),
                entry -> {
                    if (entry.view().opened().isEmpty()) {
                        return null;
                    }
                    SourcePatient own = parts.sources().of(by.userId(), by.facilityId(), entry.view().opened().get(),
                            entry.view().sources());
                    String author = name(by);
                    List<ResourceWrite> made = events.of(own, author, event);
                    entry.store(made, written -> records.provenance(own, author, "care-record", written));
                    return made.stream().map(ResourceWrite::id).toList();
                });
        return done.permitted() && done.value() != null ? Optional.of(done.value()) : Optional.empty();
    }

    /** What a CSV import did: how many events were stored, and every row not stored (line, column, why). */
    public record Imported(int stored, List<CareCsv.Problem> problems) {
    }

    /**
     * A CSV export of the care software ({@link CareCsv}): every row checked first (each fault named by line and
     * column); then each valid row entered as its own event ({@link #record}: one audit row each). A row for a person
     * the facility may not record for is a problem of its line, as for a person who does not exist.
     */
    public Imported importCsv(Reader by, String fileName, byte[] bytes) {
        CareCsv.Parsed parsed = CareCsv.parse(fileName, bytes);
        List<CareCsv.Problem> problems = new ArrayList<>(parsed.problems());
        int stored = 0;
        for (CareCsv.Row row : parsed.rows()) {
            long person = parts.sources().identities().personByRegionalId(row.regionalId()).map(p -> p.id()).orElse(0L);
            if (record(by, person, row.event()).isPresent()) {
                stored++;
            } else {
                problems.add(new CareCsv.Problem(parsed.file(), row.line(), "regional_id", "care.csv.notYours"));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(CareCsv.Problem::line));
        return new Imported(stored, problems);
    }

    private static Function<PersonView, Decision> gate(Reader by, DataCategory category) {
        return view -> {
            Decision holder = view.actAsHolder();
            if (!holder.permitted() || by.facilityId() == null) {
                return holder;
            }
            Decision seen = view.decide(new DataItem(by.facilityId(), category));
            return seen.permitted() ? holder : seen;
        };
    }

    private String name(Reader by) {
        return parts.users().find(by.userId()).map(User::nameKanji).orElse("#" + by.userId());
    }
}

package org.musubi.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Decision;
import org.musubi.policy.Disclosure;
import org.musubi.policy.DisclosureKind;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.store.ResourceStore;

/**
 * The one write door to a person's record (imports keep their own batch door, {@code imports.ImportRecords}). It
 * decides, stores and audits; the writes it takes are made by {@link ResourceEncoder}.
 * <ul>
 * <li>A facility's own data ({@link #write}, {@link #writeAll}, {@link #delete}: the FHIR API): a facility writes only
 * its own data (the writer's facility is the resource's source facility, and an existing resource of another facility
 * is never changed). Each write is audited once, with the patient's regional ID when the source patient is linked to
 * a person.</li>
 * <li>An entry into a person's record ({@link #enter}: the health notebook, a proxy, a facility's staff entering on
 * the person's behalf): one interaction with the person through the access policy, with the Provenance of what
 * changed, audited once, in one database transaction.</li>
 * <li>A device's findings about a facility's data ({@link #enterFindings}: an AI service's analysis of a study),
 * stored as that data's facility's under its source patient, with their Provenance, audited once.</li>
 * </ul>
 */
public final class WriteRecords {

    private final ResourceStore store;
    private final IdentityStore identities;
    private final Audit audit;
    private final ReadRecords reads;

    public WriteRecords(ResourceStore store, IdentityStore identities, Audit audit, ReadRecords reads) {
        this.store = store;
        this.identities = identities;
        this.audit = audit;
        this.reads = reads;
    }

    /**
     * A person's record being entered: read as {@link ReadRecords.PersonRecord} (what the entry depends on), and
     * written through {@link #store}.
     */
    public interface Entry extends ReadRecords.PersonRecord {

        /**
         * Stores {@code writes} (all of one source facility: the source the author enters under, which decided nothing;
         * the interaction's view did) as the author's; when any of them changed what is stored, also the Provenance
         * {@code provenance} makes of their outcomes. Names every resource changed in the interaction's one audit row.
         * A resource of the same id stored under another facility, patient or type refuses the whole entry ({@link
         * NotOwner}).
         *
         * @return one outcome per write, in order, then the Provenance's when it was written
         */
        List<Written> store(List<ResourceWrite> writes, Function<List<Written>, ResourceWrite> provenance);
    }

    /**
     * An entry into the record of person {@code personId} by {@code author}: one interaction with the person through
     * the access policy ({@link ReadRecords#readPerson}: the resident's self access, or their proxy's), in one database
     * transaction with everything {@code body} stores ({@link Audit#allOrNothing}), leaving one audit row ({@code
     * action}, {@code auditedAs}) naming what the body read and what it changed, recorded only once it commits. The
     * value is null when refused.
     */
    public <T> Interaction<T> enter(Reader author, long personId, AuditAction action, String auditedAs,
                                    Function<Entry, T> body) {
        return enter(author, personId, action, auditedAs, PersonView::decision, body);
    }

    /**
     * {@link #enter(Reader, long, AuditAction, String, java.util.function.Function)} for an entry that asks more than
     * seeing the record: {@code gate} decides from the opened view (a facility's staff entering on the person's behalf,
     * {@link PersonView#entryOnBehalf}; an entry of the person's own); when it refuses, the body does not run and the
     * one audit row is that refusal.
     */
    public <T> Interaction<T> enter(Reader author, long personId, AuditAction action, String auditedAs,
                                    Function<PersonView, Decision> gate,
                                    Function<Entry, T> body) {
        return audit.allOrNothing(() -> reads.readPerson(author, personId, action, auditedAs, gate,
                record -> body.apply(new Entering(record, author.userId()))));
    }

    /**
     * What the party a disclosure was made to read ({@code read}: the rows named, in order, as {@link
     * ReadRecords#readDisclosed} shows them) and what its answer stored ({@code written}, empty when nothing).
     */
    public record Answered(List<StoredResource> read, List<Written> written) {
    }

    /**
     * The party a disclosure ({@link Disclosure}: the one stored with id {@code disclosureId}) was made to reads what
     * it was sent and answers it — the letter's addressee changes the letter's Task, a consultation's specialist adds
     * messages and attachments, a reading centre adds its report — though what it answers is stored under the patient and facility the disclosure was made from:
     * decided by the read door ({@link ReadRecords#readDisclosed}), then {@code answer} asked for the writes given what
     * was read (empty: nothing to store), as the kind allows ({@link DisclosureKind.Answer}: asked only when a row read
     * is under that patient, or when everything asked is there and none of it deleted). Only the kind's types, under
     * that patient and facility, are taken — a change only of a resource read through the disclosure, anything else
     * new (an id already used refuses it) — else {@link NotOwner} and nothing is stored; in one database transaction
     * with the one audit row naming what was read and written (a change by its new version). The value is null when
     * refused; its {@code read} is empty when nothing asked is there for the reader.
     */
    public Interaction<Answered> answerDisclosed(Reader reader, long disclosureId, List<String> ids,
                                                 AuditAction action, String auditedAs,
                                                 Function<List<StoredResource>, List<ResourceWrite>> answer) {
        return audit.allOrNothing(() -> reads.disclosed(reader, disclosureId, ids, action, auditedAs,
                (disclosure, read, named) -> answered(reader, disclosure, read, named, answer)));
    }

    /** {@link #answerDisclosed} once read, as the disclosure as made ({@code disclosure}) lets the party answer. */
    private Answered answered(Reader reader, Disclosure disclosure, List<StoredResource> read, List<String> named,
                              Function<List<StoredResource>, List<ResourceWrite>> answer) {
        DisclosureKind kind = disclosure.kind();
        boolean asked = switch (kind.answer()) {
            case NOTHING -> false;
            case CHANGE_WHAT_WAS_READ -> true;
            case NEW_UNDER_WHAT_WAS_ASKED -> read.stream().anyMatch(r -> r.patientKey() == disclosure.fromPatientId());
            case NEW_WHEN_ALL_IS_THERE -> !read.isEmpty() && read.stream().noneMatch(StoredResource::deleted);
        };
        if (!asked) {
            boolean nothingThere = kind.answer() == DisclosureKind.Answer.NEW_WHEN_ALL_IS_THERE;
            return new Answered(nothingThere ? List.of() : read, List.of());
        }
        List<ResourceWrite> writes = answer.apply(read);
        if (writes.isEmpty()) {
            return new Answered(read, List.of());
        }
        long patient = disclosure.fromPatientId();
        long facility = identities.sourcePatient(patient).orElseThrow().facilityId();
        boolean change = kind.answer() == DisclosureKind.Answer.CHANGE_WHAT_WAS_READ;
        for (ResourceWrite write : writes) {
            boolean ours = write.sourceFacilityId() == facility && write.patientKey() == patient
                    && kind.answers().contains(write.type()) && write.id() != null;
            boolean allowed = change ? read.stream().anyMatch(r -> !r.deleted() && r.type().equals(write.type())
                    && r.id().equals(write.id())) : store.find(write.type(), write.id()).isEmpty();
            if (!ours || !allowed) {
                throw new NotOwner(write.type(), write.id());
            }
        }
        List<Written> written = store.writeOwn(facility, writes, reader.userId());
        written.forEach(w -> named.add(w.type() + "/" + w.id() + (change ? "/_history/" + w.version() : "")));
        return new Answered(read, written);
    }

    /** What a device's findings may store: the device, its observations and its report. */
    private static final Set<String> FINDINGS = Set.of("Device", "Observation", "DiagnosticReport");

    /**
     * Findings a device outside Musubi made about a facility's data (an AI service's analysis of a study, issue 47),
     * entered by Musubi itself on the device's behalf: no reader asks the access policy — the caller proved the
     * device's standing for that data (its work item's token) — and the findings become data of the analysed data's
     * own facility {@code facilityId} under its source patient {@code patientKey}, so that whoever may see the data
     * may see its findings, and nobody else. Only Devices, Observations and DiagnosticReports of that facility and
     * patient are taken, new or the same ids again ({@link NotOwner} otherwise, nothing stored), with the Provenance
     * {@code provenance} makes of what changed, then {@code after} (the caller's own step, e.g. its work item DONE), all
     * in one database transaction with the one audit row by {@code actor} ({@code action} on {@code auditedAs}, naming
     * every resource changed, with the patient's regional ID when linked).
     *
     * @return one outcome per write, in order, then the Provenance's when it was written
     */
    public List<Written> enterFindings(Actor actor, long patientKey, long facilityId, AuditAction action,
                                       String auditedAs, List<ResourceWrite> writes,
                                       Function<List<Written>, ResourceWrite> provenance, Runnable after) {
        if (writes.isEmpty()) {
            throw new IllegalArgumentException("nothing to store");
        }
        boolean ours = identities.sourcePatient(patientKey).filter(p -> p.facilityId() == facilityId).isPresent();
        for (ResourceWrite write : writes) {
            if (!ours || write.sourceFacilityId() != facilityId || write.patientKey() != patientKey
                    || !FINDINGS.contains(write.type()) || write.id() == null) {
                record(action, Outcome.DENY, write.type(), write.id(), patientOf(patientKey), "record.notOwner");
                throw new NotOwner(write.type(), write.id());
            }
        }
        return audit.allOrNothing(() -> {
            List<Written> written = new ArrayList<>(store.writeOwn(facilityId, writes, null));
            if (written.stream().anyMatch(WriteRecords::changed)) {
                ResourceWrite trail = provenance.apply(List.copyOf(written));
                if (trail.sourceFacilityId() != facilityId || trail.patientKey() != patientKey
                        || !"Provenance".equals(trail.type())) {
                    throw new NotOwner(trail.type(), trail.id());
                }
                written.addAll(store.writeOwn(facilityId, List.of(trail), null));
            }
            after.run();
            List<String> changed = written.stream().filter(WriteRecords::changed).map(w -> w.type() + "/" + w.id())
                    .toList();
            audit.record(AuditEntry.of(action, Outcome.PERMIT).on(auditedAs, changed.toArray())
                    .patient(patientOf(patientKey)).purpose(Purpose.TREATMENT)
                    .reason(changed.isEmpty() ? "unchanged" : "entered").by(actor));
            return written;
        });
    }

    /** The entry of one interaction: its reads are the record's, its writes the author's. */
    private final class Entering implements Entry, ReadRecords.PersonRecord.Forwarding {
        private final ReadRecords.PersonRecord record;
        private final long userId;

        Entering(ReadRecords.PersonRecord record, long userId) {
            this.record = record;
            this.userId = userId;
        }

        @Override
        public ReadRecords.PersonRecord delegate() {
            return record;
        }

        @Override
        public List<Written> store(List<ResourceWrite> writes,
                                   Function<List<Written>, ResourceWrite> provenance) {
            if (writes.isEmpty()) {
                throw new IllegalArgumentException("nothing to store");
            }
            long facility = writes.getFirst().sourceFacilityId();
            List<Written> written = new ArrayList<>(own(facility, writes));
            if (written.stream().anyMatch(WriteRecords::changed)) {
                written.addAll(own(facility, List.of(provenance.apply(List.copyOf(written)))));
            }
            wrote(written.stream().filter(WriteRecords::changed).map(w -> w.type() + "/" + w.id()).toList());
            return written;
        }

        private List<Written> own(long facility, List<ResourceWrite> writes) {
            for (ResourceWrite write : writes) {
                if (write.sourceFacilityId() != facility) {
                    throw new NotOwner(write.type(), write.id());
                }
            }
            return store.writeOwn(facility, writes, userId);
        }
    }

    private static boolean changed(Written written) {
        return written.change() != Written.Change.UNCHANGED;
    }

    /** The audit reason of a create refused because the client chose an id of the server's own form ({@link IdKey#serverShaped}). */
    public static final String ID_RESERVED = "record.idReserved";

    /**
     * The audit reason of a write refused because the resource was no longer at the version the writer named
     * ({@link ResourceWrite#ifMatch}).
     */
    public static final String VERSION_CONFLICT = "record.versionConflict";

    public Written write(Reader writer, ResourceWrite write) {
        Optional<StoredResource> existing = write.id() == null ? Optional.empty() : store.find(write.type(), write.id());
        boolean foreign = !writer.actsFor(write.sourceFacilityId())
                || existing.filter(r -> r.sourceFacilityId() != write.sourceFacilityId()).isPresent();
        AuditAction action = existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE;
        if (foreign) {
            record(action, Outcome.DENY, write.type(), write.id(), patientOf(write.patientKey()), "record.notOwner");
            throw new NotOwner(write.type(), write.id());
        }
        Written written;
        try {
            written = store.write(List.of(write), writer.userId()).getFirst();
        } catch (ResourceWrite.VersionConflict e) {
            record(action, Outcome.DENY, write.type(), write.id(), patientOf(write.patientKey()), VERSION_CONFLICT);
            throw e;
        }
        AuditAction done = written.change() == Written.Change.CREATED ? AuditAction.CREATE : AuditAction.UPDATE;
        record(done, Outcome.PERMIT, written.type(), written.id(), patientOf(write.patientKey()),
                written.change().name().toLowerCase(Locale.ROOT) + " v" + written.version());
        return written;
    }

    /**
     * Several writes in one database transaction (all or nothing), each audited once after they
     * are stored; refused as a whole when any touches another facility's resource.
     */
    public List<Written> writeAll(Reader writer, List<ResourceWrite> batch) {
        return writeAll(writer, batch, Set.of());
    }

    /**
     * As {@link #writeAll(Reader, List)}; {@code chosen} names the writes ({@code Type/id}) whose id the client chose
     * (a transaction's PUT entries): such a write may update the writer's own resource, but not create one under
     * an id of the server's form. Refused so, the batch is refused as when it touches another facility's resource,
     * audited once with its own reason.
     */
    public List<Written> writeAll(Reader writer, List<ResourceWrite> batch, Set<String> chosen) {
        Map<String, Long> owners = store.owners(batch.stream().filter(w -> w.id() != null)
                .map(w -> w.type() + "/" + w.id()).toList());
        Map<Long, String> patients = new HashMap<>();
        for (ResourceWrite write : batch) {
            String ref = write.type() + "/" + write.id();
            Long owner = write.id() == null ? null : owners.get(ref);
            if (!writer.actsFor(write.sourceFacilityId()) || owner != null && owner != write.sourceFacilityId()) {
                record(AuditAction.UPDATE, Outcome.DENY, write.type(), write.id(), patientOf(write.patientKey()),
                        "record.notOwner");
                throw new NotOwner(write.type(), write.id());
            }
            if (owner == null && chosen.contains(ref) && IdKey.serverShaped(write.id())) {
                record(AuditAction.UPDATE, Outcome.DENY, write.type(), write.id(), null, ID_RESERVED);
                throw new NotOwner(write.type(), write.id());
            }
        }
        List<Written> written;
        try {
            written = store.write(batch, writer.userId());
        } catch (ResourceWrite.VersionConflict e) {
            record(AuditAction.UPDATE, Outcome.DENY, e.type(), e.id(), null, VERSION_CONFLICT);
            throw e;
        }
        List<AuditEntry> entries = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            Written w = written.get(i);
            long key = batch.get(i).patientKey();
            if (!patients.containsKey(key)) {
                patients.put(key, patientOf(key));
            }
            String patient = patients.get(key);
            entries.add(entry(w.change() == Written.Change.CREATED ? AuditAction.CREATE : AuditAction.UPDATE, Outcome.PERMIT,
                    w.type(), w.id(), patient, w.change().name().toLowerCase(Locale.ROOT) + " v" + w.version()));
        }
        audit.recordAll(entries);
        return written;
    }

    /**
     * Before a write under an id the client chose (an update, or an update-as-create): refused, audited once, when
     * the resource exists and another facility owns it, or when it does not exist and the id has the server's own
     * form ({@link IdKey#serverShaped}: ids the server makes, an import's among them, are never the client's to
     * take). Both throw the same {@link NotOwner}; only the audit's reason tells them apart.
     */
    public void requireWritable(Reader writer, String type, String id) {
        Optional<StoredResource> existing = store.find(type, id);
        if (existing.isPresent() && !writer.actsFor(existing.get().sourceFacilityId())) {
            record(AuditAction.UPDATE, Outcome.DENY, type, id, patientOf(existing.get().patientKey()), "record.notOwner");
            throw new NotOwner(type, id);
        }
        if (existing.isEmpty() && IdKey.serverShaped(id)) {
            record(AuditAction.UPDATE, Outcome.DENY, type, id, null, ID_RESERVED);
            throw new NotOwner(type, id);
        }
    }

    /** The audit reason of a conditional create that found the writer's resource and so changed nothing. */
    public static final String CONDITION_MATCHED = "record.conditionMatched";

    /**
     * A conditional create that found {@code existing}, the writer's own resource ({@code If-None-Exist}): nothing is
     * written; audited once, as the create it answers.
     */
    public void matched(Reader writer, Located existing) {
        if (!writer.actsFor(existing.sourceFacilityId())) {
            throw new NotOwner(existing.type(), existing.id());
        }
        record(AuditAction.CREATE, Outcome.PERMIT, existing.type(), existing.id(), patientOf(existing.patientKey()),
                CONDITION_MATCHED);
    }

    /** A write refused before it reached the store (invalid content, unknown patient): audited once. */
    public void refused(String type, String id, String reason) {
        record(id == null ? AuditAction.CREATE : AuditAction.UPDATE, Outcome.DENY, type, id, null, reason);
    }

    public boolean delete(Reader writer, String type, String id) {
        Optional<StoredResource> existing = store.find(type, id).filter(r -> !r.deleted());
        if (existing.isEmpty()) {
            record(AuditAction.DELETE, Outcome.DENY, type, id, null, ReadRecords.NOT_FOUND);
            return false;
        }
        String patient = patientOf(existing.get().patientKey());
        if (!writer.actsFor(existing.get().sourceFacilityId())) {
            record(AuditAction.DELETE, Outcome.DENY, type, id, patient, "record.notOwner");
            throw new NotOwner(type, id);
        }
        store.delete(type, id, writer.userId());
        record(AuditAction.DELETE, Outcome.PERMIT, type, id, patient, "deleted");
        return true;
    }

    private String patientOf(long patientKey) {
        if (patientKey == 0) {
            return null;
        }
        return identities.personOf(patientKey).flatMap(identities::person).map(p -> p.person().regionalId()).orElse(null);
    }

    private void record(AuditAction action, Outcome outcome, String type, String id, String patient, String reason) {
        audit.record(entry(action, outcome, type, id, patient, reason));
    }

    private static AuditEntry entry(AuditAction action, Outcome outcome, String type, String id, String patient,
                                    String reason) {
        return AuditEntry.of(action, outcome).on(type, id == null ? "new" : id).patient(patient)
                .purpose(Purpose.TREATMENT).reason(reason);
    }
}

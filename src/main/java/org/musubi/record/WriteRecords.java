package org.musubi.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Decision;
import org.musubi.policy.Disclosure;
import org.musubi.policy.DisclosureKind;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.internal.Entering;
import org.musubi.record.internal.WriteAudits;
import org.musubi.record.store.ResourceStore;
import org.musubi.record.write.Answered;
import org.musubi.record.write.Entry;

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
 * <li>The party a disclosure was made to answering what it read ({@link #answerDisclosed}), under the patient and
 * facility the disclosure was made from, as its kind allows.</li>
 * </ul>
 * A device's findings about a facility's data (an AI service's analysis of a study), which no reader asks the policy
 * about, have their own door, {@link org.musubi.record.write.EnterFindings}.
 */
public final class WriteRecords {

    private final ResourceStore store;
    private final Audit audit;
    private final ReadRecords reads;
    private final WriteAudits audits;

    public WriteRecords(ResourceStore store, IdentityStore identities, Audit audit, ReadRecords reads) {
        this.store = store;
        this.audit = audit;
        this.reads = reads;
        this.audits = new WriteAudits(identities, audit);
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
        return audit.allOrNothing(() -> reads.readPerson(author, PatientRef.person(personId), action, auditedAs, gate,
                record -> body.apply(new Entering(store, record, author.userId()))));
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
        return audit.allOrNothing(() -> reads.disclosed().answer(reader, disclosureId, ids, action, auditedAs, answer));
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
            audits.record(action, Outcome.DENY, write.type(), write.id(), audits.patientOf(write.patientKey()),
                    "record.notOwner");
            throw new NotOwner(write.type(), write.id());
        }
        Written written;
        try {
            written = store.write(List.of(write), writer.userId()).getFirst();
        } catch (ResourceWrite.VersionConflict e) {
            audits.record(action, Outcome.DENY, write.type(), write.id(), audits.patientOf(write.patientKey()),
                    VERSION_CONFLICT);
            throw e;
        }
        AuditAction done = written.change() == Written.Change.CREATED ? AuditAction.CREATE : AuditAction.UPDATE;
        audits.record(done, Outcome.PERMIT, written.type(), written.id(), audits.patientOf(write.patientKey()),
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
                audits.record(AuditAction.UPDATE, Outcome.DENY, write.type(), write.id(),
                        audits.patientOf(write.patientKey()),
                        "record.notOwner");
                throw new NotOwner(write.type(), write.id());
            }
            if (owner == null && chosen.contains(ref) && IdKey.serverShaped(write.id())) {
                audits.record(AuditAction.UPDATE, Outcome.DENY, write.type(), write.id(), null, ID_RESERVED);
                throw new NotOwner(write.type(), write.id());
            }
        }
        List<Written> written;
        try {
            written = store.write(batch, writer.userId());
        } catch (ResourceWrite.VersionConflict e) {
            audits.record(AuditAction.UPDATE, Outcome.DENY, e.type(), e.id(), null, VERSION_CONFLICT);
            throw e;
        }
        List<AuditEntry> entries = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            Written w = written.get(i);
            long key = batch.get(i).patientKey();
            if (!patients.containsKey(key)) {
                patients.put(key, audits.patientOf(key));
            }
            String patient = patients.get(key);
            AuditAction done = w.change() == Written.Change.CREATED ? AuditAction.CREATE : AuditAction.UPDATE;
            entries.add(WriteAudits.entry(done, Outcome.PERMIT,
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
            audits.record(AuditAction.UPDATE, Outcome.DENY, type, id, audits.patientOf(existing.get().patientKey()),
                    "record.notOwner");
            throw new NotOwner(type, id);
        }
        if (existing.isEmpty() && IdKey.serverShaped(id)) {
            audits.record(AuditAction.UPDATE, Outcome.DENY, type, id, null, ID_RESERVED);
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
        audits.record(AuditAction.CREATE, Outcome.PERMIT, existing.type(), existing.id(),
                audits.patientOf(existing.patientKey()),
                CONDITION_MATCHED);
    }

    /** A write refused before it reached the store (invalid content, unknown patient): audited once. */
    public void refused(String type, String id, String reason) {
        audits.record(id == null ? AuditAction.CREATE : AuditAction.UPDATE, Outcome.DENY, type, id, null, reason);
    }

    public boolean delete(Reader writer, String type, String id) {
        Optional<StoredResource> existing = store.find(type, id).filter(r -> !r.deleted());
        if (existing.isEmpty()) {
            audits.record(AuditAction.DELETE, Outcome.DENY, type, id, null, ReadRecords.NOT_FOUND);
            return false;
        }
        String patient = audits.patientOf(existing.get().patientKey());
        if (!writer.actsFor(existing.get().sourceFacilityId())) {
            audits.record(AuditAction.DELETE, Outcome.DENY, type, id, patient, "record.notOwner");
            throw new NotOwner(type, id);
        }
        store.delete(type, id, writer.userId());
        audits.record(AuditAction.DELETE, Outcome.PERMIT, type, id, patient, "deleted");
        return true;
    }
}

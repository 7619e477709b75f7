package org.musubi.record;

import static org.musubi.record.internal.Shown.shown;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.Disclosure;
import org.musubi.policy.Interaction;
import org.musubi.policy.Permit;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.policy.PersonView;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.record.internal.Disclosed;
import org.musubi.record.internal.OpenedRecord;
import org.musubi.record.internal.Shown;
import org.musubi.record.internal.ViewScope;
import org.musubi.record.read.Everything;
import org.musubi.record.read.Includes;
import org.musubi.record.read.PersonRecord;
import org.musubi.record.read.PersonResource;
import org.musubi.record.store.ResourceStore;

/**
 * The only read path to clinical data: every read and search goes through the access policy and
 * leaves exactly one audit row. A search filters inside the query, so totals and pages count only
 * what the reader may see. Every resource it hands out goes through one step ({@link Shown}): a reader who does not
 * act for the facility that sent it gets it without the insured-person numbers it holds (docs/no-ehr.md).
 */
public final class ReadRecords {

    /** No such resource: nothing was decided, but the attempt is audited. */
    public static final String NOT_FOUND = "record.notFound";
    /** A directory resource (Organization, Practitioner …): no patient's data, readable by every caller. */
    public static final String DIRECTORY = "record.directory";
    /** Clinical data sent without a patient: only the facility that sent it may read it. */
    public static final String UNATTACHED = "record.unattached";
    /** A resident's connected app asked about another person than its resident ({@link Reader#onlyPerson}). */
    public static final String APP_OWN_PERSON_ONLY = "record.appOwnPersonOnly";
    private final ResourceStore store;
    private final PersonAccess access;
    private final IdentityStore identities;
    private final Audit audit;
    private final Disclosed disclosed;

    public ReadRecords(ResourceStore store, PersonAccess access, IdentityStore identities, Audit audit) {
        this.store = store;
        this.access = access;
        this.identities = identities;
        this.audit = audit;
        this.disclosed = new Disclosed(store, access, identities);
    }

    /** One resource (its current version, or {@code version}); a refusal carries the policy's reason. */
    public Interaction<StoredResource> read(Reader reader, String type, String id, Integer version) {
        Optional<StoredResource> found = version == null ? store.find(type, id) : store.version(type, id, version);
        Interaction<StoredResource> read = judged(reader, found.orElse(null), type, id, AuditAction.READ,
                new PersonView[1]);
        return new Interaction<>(shown(reader, read.value()), read.decision(), read.resourceIds());
    }

    /**
     * As {@link #read} (current version), handing back too the view of the resource's person the decision was made on
     * (null for data about no person), so that a page shows the person without reading identity again.
     */
    public Interaction<PersonResource> readOfPerson(Reader reader, String type, String id) {
        PersonView[] seen = new PersonView[1];
        Interaction<StoredResource> read = judged(reader, store.find(type, id).orElse(null), type, id, AuditAction.READ,
                seen);
        return new Interaction<>(read.value() == null ? null : new PersonResource(shown(reader, read.value()), seen[0]),
                read.decision(), read.resourceIds());
    }

    /**
     * A look-up that found nothing to decide on (an id of no form Musubi stores, a patient identifier nobody has):
     * audited once, like a refusal, so that a miss and a refusal leave the same trace and answer alike.
     */
    public void missed(Reader reader, AuditAction action, String type, String what) {
        direct(reader, action, type, what, new Deny(NOT_FOUND), null);
    }

    /**
     * Every version of one resource, newest first, when the reader may see them all: the current version judged
     * with every category any version held (an earlier version of a container may have held more).
     */
    public Interaction<List<StoredResource>> history(Reader reader, String type, String id) {
        List<StoredResource> versions = store.history(type, id);
        Set<DataCategory> held = EnumSet.noneOf(DataCategory.class);
        versions.forEach(v -> held.addAll(v.held()));
        StoredResource current = versions.isEmpty() ? null : versions.getFirst().holding(held);
        Interaction<StoredResource> judged = judged(reader, current, type, id, AuditAction.READ, new PersonView[1]);
        return judged.permitted() ? new Interaction<>(shown(reader, versions), judged.decision(), judged.resourceIds())
                : Interaction.refused(judged.decision(), judged.resourceIds());
    }

    /**
     * A search within the record of the patient {@code patient} names: the person's, across every linked source
     * patient, or only the reader's own patient where that is all it may see of them ({@link PatientRef}).
     */
    public Interaction<Found> search(Reader reader, PatientRef patient, RecordQuery query) {
        Interaction<Everything> result = everything(reader, patient, query, Includes.NONE);
        return new Interaction<>(result.value() == null ? null : result.value().found(), result.decision(),
                result.resourceIds());
    }

    /**
     * A search within a view the policy already decided, neither audited nor opening the person again: only for a
     * {@link org.musubi.policy.linked.ListLinkedPatients.Glance} of the linked-patient list, whose audit row per patient
     * covers it. A refused view finds nothing.
     */
    public Found glance(PersonView view, RecordQuery query) {
        if (!view.decision().permitted()) {
            return new Found(List.of(), 0);
        }
        ViewScope scope = ViewScope.of(view);
        return shown(null, store.search(scope.keys(), scope.allowed(), query));
    }

    /**
     * A search within the record of the patient {@code patient} names that also hands back the person's view (for a
     * response that shows the person too) and the resources its matches refer to that {@code includes} picks, judged
     * by the same view. One audit row names the matches and the included resources.
     */
    public Interaction<Everything> everything(Reader reader, PatientRef patient, RecordQuery query, Includes includes) {
        return interact(reader, patient, AuditAction.SEARCH, query.type() == null ? "everything" : query.type(), view -> {
            ViewScope scope = ViewScope.of(view);
            Found found = store.search(scope.keys(), scope.allowed(), query);
            List<StoredResource> included = store.findAll(includes.referencedBy(found.resources())).stream()
                    .filter(r -> !r.deleted())
                    .filter(r -> r.patientData()
                            ? scope.keys().contains(r.patientKey()) && r.items().stream().allMatch(view::sees)
                            : ResourceKind.of(r.type()).map(k -> k.directory()).orElse(false)
                                    || reader.actsFor(r.sourceFacilityId()))
                    .toList();
            List<String> ids = new ArrayList<>(found.resources().stream().map(StoredResource::id).toList());
            included.forEach(r -> ids.add(r.id()));
            return Interaction.permitted(new Everything(shown(reader, found), view, shown(reader, included)),
                    view.decision(), ids);
        });
    }

    /**
     * One page view of the record of the patient {@code patient} names as one interaction: the body gets the record's
     * outline (what it holds, without content) and reads the content of what it shows; one audit row names every
     * resource whose content was read.
     */
    public <T> Interaction<T> readPerson(Reader reader, PatientRef patient, AuditAction action, String auditedAs,
                                         Function<PersonRecord, T> body) {
        return readPerson(reader, patient, action, auditedAs, PersonView::decision, body);
    }

    /**
     * {@link #readPerson(Reader, PatientRef, AuditAction, String, Function)} for a write that asks more than seeing
     * the record: {@code gate} decides from the opened view (e.g. {@link PersonView#entryOnBehalf}); when it refuses,
     * the body does not run and the one audit row is that refusal.
     */
    public <T> Interaction<T> readPerson(Reader reader, PatientRef patient, AuditAction action, String auditedAs,
                                         Function<PersonView, Decision> gate,
                                         Function<PersonRecord, T> body) {
        return interact(reader, patient, action, auditedAs, view -> {
            Decision gated = gate.apply(view);
            if (!gated.permitted()) {
                return Interaction.refused(gated, List.of());
            }
            OpenedRecord record = new OpenedRecord(store, reader, view);
            T value = body.apply(record);
            return Interaction.permitted(value, view.decision(), record.named());
        });
    }

    /**
     * The rows {@code ids} of what a disclosure ({@link Disclosure}: a letter, a consultation, a study sent for
     * reading) let the reader see, as the party it was made to ({@link org.musubi.policy.AccessPolicy#decideDisclosed}):
     * the disclosure is the one stored with id {@code disclosureId} when the wing made what it sent
     * ({@code policy.disclosure.Disclose}), read by the policy; an id nobody was given is refused as an unknown person.
     * Read before any link, under the sources the disclosure reaches, each row judged on its own and shown only when
     * its kind shows rows of its category ({@link org.musubi.policy.DisclosureKind#shows}); nothing else of the record
     * is read. Which rows were sent is the wing's to say (its own table). The party is not the sender: the rows come
     * without insured-person numbers ({@link Shown}). One audit row, refused or not; the rows are in the order of
     * {@code ids}.
     */
    public Interaction<List<StoredResource>> readDisclosed(Reader reader, long disclosureId, List<String> ids,
                                                           AuditAction action, String auditedAs) {
        return disclosed.read(reader, disclosureId, ids, action, auditedAs);
    }

    /** The disclosure doors' body, which the write door answers through ({@link WriteRecords#answerDisclosed}). */
    Disclosed disclosed() {
        return disclosed;
    }

    private Interaction<StoredResource> judged(Reader reader, StoredResource resource, String type, String id,
                                               AuditAction action, PersonView[] seen) {
        if (resource == null) {
            return direct(reader, action, type, id, new Deny(NOT_FOUND), null);
        }
        if (!resource.patientData()) {
            boolean directory = ResourceKind.of(type).map(k -> k.directory()).orElse(false);
            Decision decision = directory ? new Permit(DIRECTORY) : ownOnly(reader, resource, UNATTACHED);
            return direct(reader, action, type, id, decision, resource);
        }
        Optional<Long> person = identities.personOf(resource.patientKey());
        if (person.isEmpty() && reader.actsFor(resource.sourceFacilityId()) && reader.onlyPerson() == null) {
            return held(reader, resource.patientKey(), action, type, view -> {
                seen[0] = view;
                Decision decision = decide(view, resource);
                return decision.permitted() ? Interaction.permitted(resource, decision, List.of(id))
                        : Interaction.refused(decision, List.of(id));
            });
        }
        if (person.isEmpty()) {
            return direct(reader, action, type, id, ownOnly(reader, resource, Deny.NOT_LINKED), resource);
        }
        return interact(reader, person.get(), resource.patientKey(), action, type, view -> {
            seen[0] = view;
            Decision decision = decide(view, resource);
            return decision.permitted() ? Interaction.permitted(resource, decision, List.of(id))
                    : Interaction.refused(decision, List.of(id));
        });
    }

    /**
     * One interaction through the policy; for a reader confined to one person ({@link Reader#onlyPerson}), any other
     * person the policy opens (a proxy's principal) is refused all the same, in the interaction's one audit row.
     */
    private <T> Interaction<T> interact(Reader reader, long personId, AuditAction action, String type,
                                        Function<PersonView, Interaction<T>> body) {
        return access.interact(reader.userId(), reader.purpose(), Reached.person(personId), action, type,
                confined(reader, personId, body));
    }

    /** One interaction with the person reached through one of their source patients ({@link Reached#through}). */
    private <T> Interaction<T> interact(Reader reader, long personId, long sourcePatientId, AuditAction action,
                                        String type, Function<PersonView, Interaction<T>> body) {
        return access.interact(reader.userId(), reader.purpose(), Reached.through(personId, sourcePatientId), action,
                type, confined(reader, personId, body));
    }

    /**
     * One interaction with the patient named: by the person's id, or through a patient of the reader's own facility —
     * linked to a person ({@link Reached#through}), or held by 名寄せ, linked to no one ({@link Reached#held}: the
     * facility reads what it sent). Another facility's patient, or none, is a miss
     * (audited once).
     */
    private <T> Interaction<T> interact(Reader reader, PatientRef patient, AuditAction action, String type,
                                        Function<PersonView, Interaction<T>> body) {
        return switch (patient) {
            case PatientRef.Person p -> interact(reader, p.personId(), action, type, body);
            case PatientRef.OwnPatient own -> {
                Optional<SourcePatient> mine = identities.sourcePatient(own.sourcePatientId())
                        .filter(s -> reader.actsFor(s.facilityId()));
                Optional<Long> person = mine.flatMap(s -> identities.personOf(s.id()));
                if (mine.isPresent() && person.isEmpty() && reader.onlyPerson() == null) {
                    yield held(reader, own.sourcePatientId(), action, type, body);
                }
                if (person.isEmpty()) {
                    direct(reader, action, type, "own patient", new Deny(NOT_FOUND), null);
                    yield Interaction.refused(new Deny(NOT_FOUND), List.of());
                }
                yield interact(reader, person.get(), own.sourcePatientId(), action, type, body);
            }
        };
    }

    /** One interaction with a patient of the reader's own facility that is linked to no person ({@link
     * Reached#held}). */
    private <T> Interaction<T> held(Reader reader, long sourcePatientId, AuditAction action, String type,
                                    Function<PersonView, Interaction<T>> body) {
        return access.interact(reader.userId(), reader.purpose(), Reached.held(sourcePatientId), action, type, body);
    }

    /** The body, unless the reader is confined to another person ({@link Reader#onlyPerson}): then that refusal. */
    private static <T> Function<PersonView, Interaction<T>> confined(Reader reader, long personId,
            Function<PersonView, Interaction<T>> body) {
        return reader.mayAsk(personId) ? body
                : view -> Interaction.refused(new Deny(APP_OWN_PERSON_ONLY), List.of(String.valueOf(personId)));
    }

    /**
     * Data about no person (yet): only the sending facility's users see it, and only the categories their profession
     * may see (a container: every category it holds), as for any data.
     */
    private Decision ownOnly(Reader reader, StoredResource resource, String foreignReason) {
        if (!reader.actsFor(resource.sourceFacilityId())) {
            return new Deny(foreignReason);
        }
        return decide(access.viewUnattached(reader.userId(), reader.purpose()), resource);
    }

    /**
     * The decision on the resource's own item, unless the reader may not see one of the categories it holds: then
     * the first refusal (a container is shown only to readers allowed everything in it).
     */
    private static Decision decide(PersonView view, StoredResource resource) {
        List<DataItem> items = resource.items();
        Decision own = view.decide(items.getFirst());
        if (!own.permitted()) {
            return own;
        }
        for (DataItem item : items.subList(1, items.size())) {
            Decision held = view.decide(item);
            if (!held.permitted()) {
                return held;
            }
        }
        return own;
    }

    private Interaction<StoredResource> direct(Reader reader, AuditAction action, String type, String id,
                                               Decision decision, StoredResource resource) {
        audit.record(AuditEntry.of(action, decision.permitted() ? Outcome.PERMIT : Outcome.DENY).on(type, id)
                .purpose(reader.purpose()).reason(decision.key()));
        return decision.permitted() ? Interaction.permitted(resource, decision, List.of(id))
                : Interaction.refused(decision, List.of(id));
    }
}

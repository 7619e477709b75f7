package org.musubi.record.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Disclosure;
import org.musubi.policy.DisclosureKind;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.record.NotOwner;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;
import org.musubi.record.store.ResourceStore;
import org.musubi.record.write.Answered;

/**
 * The body of the disclosure's two doors, {@code ReadRecords.readDisclosed} ({@link #read}) and
 * {@code WriteRecords.answerDisclosed} ({@link #answer}): one interaction by the disclosure's id through the policy
 * ({@link PersonAccess#interactDisclosed}), the rows asked read under the sources the disclosure reaches, each shown
 * only when its kind shows rows of its category, and what the party answers held to what its kind allows. The doors
 * say what each does; the answer's database transaction is the write door's.
 */
public final class Disclosed {

    private final ResourceStore store;
    private final PersonAccess access;
    private final IdentityStore identities;

    public Disclosed(ResourceStore store, PersonAccess access, IdentityStore identities) {
        this.store = store;
        this.access = access;
        this.identities = identities;
    }

    /** The rows {@code ids} the disclosure {@code disclosureId} lets {@code reader} see, in order; one audit row. */
    public Interaction<List<StoredResource>> read(Reader reader, long disclosureId, List<String> ids,
                                                  AuditAction action, String auditedAs) {
        return disclosed(reader, disclosureId, ids, action, auditedAs, (made, rows, named) -> rows);
    }

    /**
     * What the disclosure {@code disclosureId} lets {@code reader} see, then {@code answer}'s writes as its kind lets
     * the party answer, in the same interaction: the one audit row names what was read and written.
     */
    public Interaction<Answered> answer(Reader reader, long disclosureId, List<String> ids, AuditAction action,
                                        String auditedAs, Function<List<StoredResource>, List<ResourceWrite>> answer) {
        return disclosed(reader, disclosureId, ids, action, auditedAs,
                (made, read, named) -> answered(reader, made, read, named, answer));
    }

    /** What runs on what a disclosure let the party read, in the read's interaction ({@link #disclosed}). */
    @FunctionalInterface
    private interface OnDisclosed<T> {

        /** {@code made}: the disclosure as made; {@code rows}: what was read; {@code named}: the audit row's names. */
        T apply(Disclosure made, List<StoredResource> rows, List<String> named);
    }

    /**
     * The rows read with {@code body} run on them, in the same interaction: an answer adds the {@code Type/id} it
     * wrote to the list it is given, and the one audit row names them too. The body does not run when refused.
     */
    private <T> Interaction<T> disclosed(Reader reader, long disclosureId, List<String> ids, AuditAction action,
                                         String auditedAs, OnDisclosed<T> body) {
        return access.interactDisclosed(reader.userId(), disclosureId, action, auditedAs, (made, view) -> {
            ViewScope scope = ViewScope.of(view);
            Map<String, StoredResource> read = new HashMap<>();
            store.contents(scope.keys(), scope.allowed(), ids).stream()
                    .filter(r -> made.kind().shows(r.category())).forEach(r -> read.put(r.id(), r));
            List<StoredResource> rows = Shown.shown(reader,
                    ids.stream().map(read::get).filter(Objects::nonNull).toList());
            List<String> named = new ArrayList<>(rows.stream().map(r -> r.type() + "/" + r.id()).toList());
            T value = body.apply(made, rows, named);
            return Interaction.permitted(value, view.decision(), named);
        });
    }

    /** {@link #answer} once read, as the disclosure as made ({@code disclosure}) lets the party answer. */
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
}

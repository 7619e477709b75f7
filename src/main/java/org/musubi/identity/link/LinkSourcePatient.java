package org.musubi.identity.link;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;

/** Links a facility's patient to a regional person (a card read, a confirmed match, an operator). */
public final class LinkSourcePatient {

    private final IdentityStore store;
    private final Audit audit;

    public LinkSourcePatient(IdentityStore store, Audit audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Receives (stores or refreshes) a facility's source patient and, when it is linked to no person yet, links it to
     * {@code personId} as {@link #link} does (audited there); returns the person the source patient belongs to
     * afterwards, which is another person when it was linked before.
     */
    public long receiveAndLink(long userId, SourcePatient received, long personId, LinkMethod method, String reason) {
        SourcePatient stored = store.receive(received);
        Optional<Long> current = store.personOf(stored.id());
        if (current.isEmpty()) {
            link(userId, stored.id(), personId, method, reason);
            return personId;
        }
        return current.get();
    }

    /**
     * The source patient a facility's own entry about {@code person} is stored under: the facility's own source
     * patient among {@code sources} (those the access decision read: one its system sent, or the chart number recorded
     * at linking), otherwise one made now with the person's demographics under {@code localId} (computed only then) and
     * linked as {@link #receiveAndLink} does ({@code method}, {@code reason}: one {@code IDENTITY_LINK} audit row, once
     * per facility and person). Throws {@link IdentityConflict} when that local id is linked to another person.
     */
    public SourcePatient ownOrLinked(long userId, long facilityId, RegisteredPerson person, List<SourcePatient> sources,
                                     Supplier<String> localId, LinkMethod method, String reason) {
        return sources.stream().filter(s -> s.facilityId() == facilityId).findFirst().orElseGet(() -> {
            String local = localId.get();
            Person p = person.person();
            long owner = receiveAndLink(userId, new SourcePatient(0, facilityId, local, p.familyKanji(), p.givenKanji(),
                    p.familyKana(), p.givenKana(), p.sex(), p.birthDate(), null, null, null), person.id(), method, reason);
            if (owner != person.id()) {
                throw new IdentityConflict("identity.sourcePatient.alreadyLinked");
            }
            return store.sourcePatient(facilityId, local).orElseThrow();
        });
    }

    public void link(long userId, long sourcePatientId, long personId, LinkMethod method, String reason) {
        RegisteredPerson person = store.person(personId).orElseThrow(() -> new IdentityConflict("identity.person.unknown"));
        store.sourcePatient(sourcePatientId).orElseThrow(() -> new IdentityConflict("identity.sourcePatient.unknown"));
        if (!person.active()) {
            throw refused(sourcePatientId, person, "identity.person.notActive");
        }
        Long current = store.personOf(sourcePatientId).orElse(null);
        if (current != null && current == personId) {
            return;
        }
        if (current != null) {
            throw refused(sourcePatientId, person, "identity.sourcePatient.alreadyLinked");
        }
        store.link(sourcePatientId, personId, method, userId, reason);
        audit.record(AuditEntry.of(AuditAction.IDENTITY_LINK, Outcome.PERMIT).on("SourcePatient", sourcePatientId)
                .patient(person.person().regionalId()).reason(method + (reason == null ? "" : ": " + reason)));
    }

    private IdentityConflict refused(long sourcePatientId, RegisteredPerson person, String key) {
        audit.record(AuditEntry.of(AuditAction.IDENTITY_LINK, Outcome.DENY).on("SourcePatient", sourcePatientId)
                .patient(person.person().regionalId()).reason(key));
        return new IdentityConflict(key);
    }
}

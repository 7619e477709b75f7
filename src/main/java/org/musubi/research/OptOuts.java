package org.musubi.research;

import java.time.Instant;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;

/**
 * A resident's opt-out of secondary use (二次利用の停止): from their health notebook (channel NOTEBOOK) or at the
 * counter by an operator acting for them (COUNTER). It holds for every count and extraction that starts after it;
 * withdrawing it lets the person's data be used again. Each change is one audit row on {@code ResearchOptOut},
 * naming the person; a change that changes nothing is audited as well. Refused on a read-only standby.
 */
public final class OptOuts {

    public static final String TYPE = "ResearchOptOut";

    private final OptOutStore store;
    private final IdentityStore identities;
    private final Audit audit;
    private final Standby standby;

    public OptOuts(OptOutStore store, IdentityStore identities, Audit audit, Standby standby) {
        this.store = store;
        this.identities = identities;
        this.audit = audit;
        this.standby = standby;
    }

    /** Where a person stands: opted out since {@code since}, or not ({@code since} null). */
    public record State(Instant since) {

        public boolean optedOut() {
            return since != null;
        }

        /** The day (Japan's) the opt-out was made; null when there is none. */
        public java.time.LocalDate sinceDay() {
            return since == null ? null : since.atZone(ResearchDesk.ZONE).toLocalDate();
        }
    }

    /** Where the person stands; one audit row (a DENY and empty for a person that does not exist). */
    public Optional<State> look(long personId) {
        Optional<RegisteredPerson> person = identities.person(personId).filter(RegisteredPerson::active);
        if (person.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.READ, Outcome.DENY).on(TYPE, personId).purpose(Purpose.RESEARCH)
                    .reason("no such person"));
            return Optional.empty();
        }
        State state = new State(store.since(personId).orElse(null));
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on(TYPE, personId).purpose(Purpose.RESEARCH)
                .patient(person.get().person().regionalId()));
        return Optional.of(state);
    }

    /** Opts the person out ({@code optOut}) or withdraws their opt-out; false when the person is unknown. */
    public boolean set(long personId, boolean optOut, String channel, Long userId) {
        if (standby.readOnly()) {
            throw new ReadOnlyStandbyException();
        }
        Optional<RegisteredPerson> person = identities.person(personId).filter(RegisteredPerson::active);
        if (person.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.DENY).on(TYPE, personId).purpose(Purpose.RESEARCH)
                    .reason("no such person"));
            return false;
        }
        boolean changed = optOut ? store.optOut(personId, channel, userId) : store.optIn(personId);
        audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.PERMIT).on(TYPE, personId).purpose(Purpose.RESEARCH)
                .patient(person.get().person().regionalId())
                .reason((optOut ? "opted out" : "opt-out withdrawn") + " (" + channel + ")" + (changed ? "" : ", unchanged")));
        return true;
    }
}

package org.musubi.identity.cards;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.internal.RegionalIds;

/**
 * Issues cards. Every card gets a new random number with a check digit (never a person's id nor another card's
 * number) and a fresh check code, shown once; a disclosure card also names its issuing hospital. A person has at
 * most one active regional card.
 */
public final class IssueCard {

    private final IdentityStore store;
    private final Cards cards;
    private final CardCodes codes;
    private final Audit audit;

    public IssueCard(IdentityStore store, Cards cards, CardCodes codes, Audit audit) {
        this.store = store;
        this.cards = cards;
        this.codes = codes;
        this.audit = audit;
    }

    public IssuedCard regional(long userId, long personId) {
        RegisteredPerson person = activePerson(personId);
        if (cards.of(personId).stream().anyMatch(c -> c.active() && c.kind() == CardKind.REGIONAL)) {
            throw new IdentityConflict("identity.card.alreadyActive");
        }
        return issued(person, CardKind.REGIONAL, null, userId);
    }

    /** A disclosure card of {@code hospitalId}; the caller checks that it is a disclosing hospital. */
    public IssuedCard disclosure(long userId, long personId, long hospitalId) {
        return issued(activePerson(personId), CardKind.DISCLOSURE, hospitalId, userId);
    }

    private IssuedCard issued(RegisteredPerson person, CardKind kind, Long hospitalId, long userId) {
        String number = RegionalIds.fresh(n -> cards.active(n).isPresent() || cards.issue(n, 1).isPresent()
                || store.personByRegionalId(n).isPresent());
        String code = codes.fresh();
        Card card = cards.issue(person.id(), number, kind, hospitalId, userId, codes.hash(code));
        audit.record(AuditEntry.of(AuditAction.CARD_ISSUE, Outcome.PERMIT).on("Card", card.number() + "#" + card.issueNo())
                .patient(person.person().regionalId()).reason(card.kind().name()));
        return new IssuedCard(card, code);
    }

    private RegisteredPerson activePerson(long personId) {
        RegisteredPerson person = store.person(personId).orElseThrow(() -> new IdentityConflict("identity.person.unknown"));
        if (!person.active()) {
            throw new IdentityConflict("identity.person.notActive");
        }
        return person;
    }
}

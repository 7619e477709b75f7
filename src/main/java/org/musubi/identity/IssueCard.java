package org.musubi.identity;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;

/**
 * Issues cards: the regional card carries the person's regional ID; a disclosure card gets a new
 * random number with a check digit (never a regional ID in use) and names its issuing hospital.
 */
public final class IssueCard {

    private final IdentityStore store;
    private final Cards cards;
    private final Audit audit;

    public IssueCard(IdentityStore store, Cards cards, Audit audit) {
        this.store = store;
        this.cards = cards;
        this.audit = audit;
    }

    public Card regional(long userId, long personId) {
        RegisteredPerson person = activePerson(personId);
        String number = person.person().regionalId();
        if (cards.active(number).isPresent()) {
            throw new IdentityConflict("identity.card.alreadyActive");
        }
        return issued(cards.issue(personId, number, CardKind.REGIONAL, null, userId), person);
    }

    /** A disclosure card of {@code hospitalId}; the caller checks that it is a disclosing hospital. */
    public Card disclosure(long userId, long personId, long hospitalId) {
        RegisteredPerson person = activePerson(personId);
        String number = freshNumber();
        return issued(cards.issue(personId, number, CardKind.DISCLOSURE, hospitalId, userId), person);
    }

    private String freshNumber() {
        return RegionalIds.fresh(number -> cards.active(number).isPresent() || cards.issue(number, 1).isPresent()
                || store.personByRegionalId(number).isPresent());
    }

    private RegisteredPerson activePerson(long personId) {
        RegisteredPerson person = store.person(personId).orElseThrow(() -> new IdentityConflict("identity.person.unknown"));
        if (!person.active()) {
            throw new IdentityConflict("identity.person.notActive");
        }
        return person;
    }

    private Card issued(Card card, RegisteredPerson person) {
        audit.record(AuditEntry.of(AuditAction.CARD_ISSUE, Outcome.PERMIT).on("Card", card.number() + "#" + card.issueNo())
                .patient(person.person().regionalId()).reason(card.kind().name()));
        return card;
    }
}

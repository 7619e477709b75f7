package org.musubi.identity;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;

/** A card reported lost stops working at once; a reissue keeps the number with the next issue number. */
public final class ReplaceCard {

    private final IdentityStore store;
    private final Cards cards;
    private final Audit audit;

    public ReplaceCard(IdentityStore store, Cards cards, Audit audit) {
        this.store = store;
        this.cards = cards;
        this.audit = audit;
    }

    public void reportLost(long userId, String number) {
        Card card = cards.active(number).orElseThrow(() -> new IdentityConflict("identity.card.notActive"));
        cards.retire(number, CardStatus.LOST);
        audit.record(AuditEntry.of(AuditAction.CARD_LOST, Outcome.PERMIT).on("Card", number + "#" + card.issueNo())
                .patient(regionalId(card)));
    }

    public Card reissue(long userId, String number) {
        Card latest = cards.active(number).or(() -> cards.issue(number, 1))
                .orElseThrow(() -> new IdentityConflict("identity.card.unknown"));
        if (!store.person(latest.personId()).map(RegisteredPerson::active).orElse(false)) {
            throw new IdentityConflict("identity.person.notActive");
        }
        Card next = cards.reissue(number, userId);
        audit.record(AuditEntry.of(AuditAction.CARD_REISSUE, Outcome.PERMIT).on("Card", number + "#" + next.issueNo())
                .patient(regionalId(next)));
        return next;
    }

    private String regionalId(Card card) {
        return store.person(card.personId()).map(p -> p.person().regionalId()).orElse(null);
    }
}

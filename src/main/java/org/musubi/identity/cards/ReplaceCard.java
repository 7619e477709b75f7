package org.musubi.identity.cards;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;

/**
 * A card reported lost stops working at once; a reissue keeps the number with the next issue number and a new
 * check code (shown once), so the old issue's code and QR code stop working.
 */
public final class ReplaceCard {

    private final IdentityStore store;
    private final Cards cards;
    private final CardCodes codes;
    private final Audit audit;

    public ReplaceCard(IdentityStore store, Cards cards, CardCodes codes, Audit audit) {
        this.store = store;
        this.cards = cards;
        this.codes = codes;
        this.audit = audit;
    }

    public void reportLost(long userId, String number) {
        Card card = cards.active(number).orElseThrow(() -> new IdentityConflict("identity.card.notActive"));
        cards.retire(number, CardStatus.LOST);
        audit.record(AuditEntry.of(AuditAction.CARD_LOST, Outcome.PERMIT).on("Card", number + "#" + card.issueNo())
                .patient(regionalId(card)));
    }

    public IssuedCard reissue(long userId, String number) {
        Card latest = cards.active(number).or(() -> cards.issue(number, 1))
                .orElseThrow(() -> new IdentityConflict("identity.card.unknown"));
        if (!store.person(latest.personId()).map(RegisteredPerson::active).orElse(false)) {
            throw new IdentityConflict("identity.person.notActive");
        }
        String code = codes.fresh();
        Card next = cards.reissue(number, userId, codes.hash(code));
        audit.record(AuditEntry.of(AuditAction.CARD_REISSUE, Outcome.PERMIT).on("Card", number + "#" + next.issueNo())
                .patient(regionalId(next)));
        return new IssuedCard(next, code);
    }

    private String regionalId(Card card) {
        return store.person(card.personId()).map(p -> p.person().regionalId()).orElse(null);
    }
}

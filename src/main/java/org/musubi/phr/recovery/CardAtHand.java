package org.musubi.phr.recovery;

import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardCodes;
import org.musubi.identity.cards.CardKind;
import org.musubi.identity.cards.Cards;

/**
 * Whether the person's card is in front of the counter's staff: the check code they typed (printed on the card) is
 * the one of the person's active regional card. Audits nothing; the decision it serves is audited once.
 */
public final class CardAtHand {

    private final Cards cards;
    private final CardCodes codes;

    public CardAtHand(Cards cards, CardCodes codes) {
        this.cards = cards;
        this.codes = codes;
    }

    public boolean proves(long personId, String typedCheckCode) {
        return typedCheckCode != null && cards.of(personId).stream()
                .filter(Card::active).filter(c -> c.kind() == CardKind.REGIONAL)
                .anyMatch(c -> codes.matches(c, typedCheckCode));
    }
}

package org.musubi.phr.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.musubi.consent.CardProofThrottle;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardCodes;
import org.musubi.identity.cards.CardKind;
import org.musubi.identity.cards.Cards;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * Whether the person's card is in front of the counter's staff: the check code they typed (printed on the card) is
 * the one of the person's active regional card. A wrong code counts against the card at that facility and against the
 * user, like a failed link ({@link CardProofThrottle}); past the limits no code is taken for a while. Audits nothing;
 * the decision it serves is audited once.
 */
final class CardAtHand {

    private final Cards cards;
    private final CardCodes codes;
    private final CardProofThrottle throttle;
    private final Users users;
    private final Clock clock;

    public CardAtHand(Cards cards, CardCodes codes, CardProofThrottle throttle, Users users, Clock clock) {
        this.cards = cards;
        this.codes = codes;
        this.throttle = throttle;
        this.users = users;
        this.clock = clock;
    }

    public boolean proves(long userId, long personId, String typedCheckCode) {
        Optional<Card> card = cards.of(personId).stream().filter(Card::active).filter(c -> c.kind() == CardKind.REGIONAL)
                .findFirst();
        String scope = users.find(userId).flatMap(User::actingFacilityId).map(CardProofThrottle::atFacility)
                .orElse("no facility");
        String number = card.map(Card::number).orElse(null);
        Instant now = clock.instant();
        if (throttle.refused(number, scope, userId, now)) {
            return false;
        }
        boolean proved = typedCheckCode != null && card.filter(c -> codes.matches(c, typedCheckCode)).isPresent();
        if (!proved) {
            throttle.failed(number, scope, userId, now);
        }
        return proved;
    }
}

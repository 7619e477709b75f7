package org.musubi.identity.cards;

import java.time.LocalDate;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.normalize.KanaNormalizer;

/**
 * HMカード保持確認: does this patient hold an active regional card? Given a card number, or a kana
 * name and birth date, it answers yes or no and reveals nothing else.
 */
public final class CheckCardHolding {

    private final IdentityStore store;
    private final Cards cards;
    private final Audit audit;

    public CheckCardHolding(IdentityStore store, Cards cards, Audit audit) {
        this.store = store;
        this.cards = cards;
        this.audit = audit;
    }

    public boolean byCard(String input) {
        Optional<Card> card = CardNumber.read(input).flatMap(n -> cards.active(n.number())
                .filter(c -> n.issueNo() == null || n.issueNo() == c.issueNo()));
        return answered(card.map(Card::personId), "card number");
    }

    public boolean byNameAndBirthDate(String kanaName, LocalDate birthDate) {
        if (kanaName == null || kanaName.isBlank() || birthDate == null) {
            return answered(Optional.empty(), "name and birth date");
        }
        String wanted = KanaNormalizer.normalize(kanaName);
        Demographics query = new Demographics(null, null, kanaName, "", null, birthDate, null, null, null);
        Optional<Long> holder = store.candidates(BlockingKeys.of(query), 500).stream()
                .filter(p -> birthDate.equals(p.person().birthDate()))
                .filter(p -> wanted.equals(KanaNormalizer.normalize(p.person().familyKana() + p.person().givenKana())))
                .filter(p -> cards.of(p.id()).stream().anyMatch(c -> c.active() && c.kind() == CardKind.REGIONAL))
                .map(RegisteredPerson::id).findFirst();
        return answered(holder, "name and birth date");
    }

    private boolean answered(Optional<Long> personId, String by) {
        String regionalId = personId.flatMap(store::person).map(p -> p.person().regionalId()).orElse(null);
        audit.record(AuditEntry.of(AuditAction.CARD_CHECK, Outcome.PERMIT).on("Card").patient(regionalId)
                .reason(by + ": " + (personId.isPresent() ? "holds a card" : "no card")));
        return personId.isPresent();
    }
}

package org.musubi.identity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardCodes;
import org.musubi.identity.cards.CardNumber;
import org.musubi.identity.cards.Cards;
import org.musubi.identity.matching.BlockingKeys;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.normalize.KanaNormalizer;

/**
 * Finds the one person in front of a user, never a list of look-alikes: by the card the person shows (its number
 * or QR code and the check code printed on it), or by the exact kana name, birth date and sex when exactly one
 * active person has them. Audits nothing: the use case asking audits its own attempt once.
 */
public final class FindPerson {

    /**
     * What the QR code of the printed emergency sheet (命の宝箱) holds before the person's 16-digit regional ID. The
     * sheet is paper anyone may copy: its code proves nothing about the person being present, so a look-up by it is
     * answered like a look-up by name (see {@code OpenEmergencyAccess}).
     */
    public static final String SHEET_QR_PREFIX = "MUSUBI-PERSON:1:";

    private static final int MAX_CANDIDATES = 500;
    private final IdentityStore store;
    private final Cards cards;
    private final CardCodes codes;

    public FindPerson(IdentityStore store, Cards cards, CardCodes codes) {
        this.store = store;
        this.cards = cards;
        this.codes = codes;
    }

    /** The active card typed or scanned, if any (the issue number must fit when the QR code gave one). */
    public Optional<Card> card(CardNumber typed) {
        return cards.active(typed.number()).filter(c -> typed.issueNo() == null || typed.issueNo() == c.issueNo());
    }

    /**
     * The active card whose check code is the one scanned in its QR code or else {@code typedCode}: the card is
     * there. Empty for an unknown number, a wrong code, or a card without a check code.
     */
    public Optional<Card> proved(CardNumber typed, String typedCode) {
        String code = typed.checkCode() != null ? typed.checkCode() : typedCode;
        return card(typed).filter(c -> codes.matches(c, code));
    }

    /** The active person holding this card, if any. */
    public Optional<RegisteredPerson> holder(Card card) {
        return store.person(card.personId()).filter(RegisteredPerson::active);
    }

    /** The active person holding the card proved from this input, if any. */
    public Optional<RegisteredPerson> byCard(String input, String typedCode) {
        return CardNumber.read(input).flatMap(n -> proved(n, typedCode)).flatMap(c -> store.person(c.personId()))
                .filter(RegisteredPerson::active);
    }

    /** Whether the input is the printed emergency sheet's QR code (whatever follows the prefix). */
    public static boolean sheetCode(String input) {
        return input != null && normalized(input).startsWith(SHEET_QR_PREFIX);
    }

    /** The active person whose regional ID the printed emergency sheet's QR code carries, if any. */
    public Optional<RegisteredPerson> bySheetCode(String input) {
        if (!sheetCode(input)) {
            return Optional.empty();
        }
        String id = normalized(input).substring(SHEET_QR_PREFIX.length());
        return RegionalId.valid(id) ? store.personByRegionalId(id).filter(RegisteredPerson::active) : Optional.empty();
    }

    private static String normalized(String input) {
        return Normalizer.normalize(input.strip(), Normalizer.Form.NFKC);
    }

    /** The person's regional id (for the audit trail), whatever the person's status. */
    public Optional<String> regionalIdOf(long personId) {
        return store.person(personId).map(p -> p.person().regionalId());
    }

    /** The one active person with exactly this kana name, birth date and sex; empty when none or several. */

    public Optional<RegisteredPerson> exactlyOne(String kanaName, LocalDate birthDate, Sex sex) {
        String wanted = KanaNormalizer.normalize(kanaName == null ? "" : kanaName);
        if (wanted.isEmpty() || birthDate == null || sex == null) {
            return Optional.empty();
        }
        Demographics query = new Demographics(null, null, kanaName, "", sex, birthDate, null, null, null);
        List<RegisteredPerson> found = store.candidates(BlockingKeys.of(query), MAX_CANDIDATES).stream()
                .filter(RegisteredPerson::active)
                .filter(p -> birthDate.equals(p.person().birthDate()) && sex == p.person().sex())
                .filter(p -> wanted.equals(KanaNormalizer.normalize(p.person().familyKana() + p.person().givenKana())))
                .limit(2).toList();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }
}

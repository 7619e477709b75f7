package org.musubi.identity.cards;

import java.time.Instant;

/**
 * A patient card: a credential the person carries, never an identifier shown to facilities. A regional card and
 * a disclosure card (開示カード, issued by one hospital; consent under it covers only that hospital's data) each
 * have a random number and a check code printed on the card and encoded in its QR code; linking the person to a
 * facility needs both ({@link CardCodes}). A reissued card keeps its number with the next issue number and a new
 * check code; only the active issue works. Cards issued before check codes existed have none and must be
 * reissued before they can link.
 *
 * @param checkHash the check code's argon2id hash, of the peppered code when it starts {@code pepper1$}
 *                  ({@link CardCodes}); {@code null} for a card issued without one
 */
public record Card(long id, String number, int issueNo, CardKind kind, long personId, Long issuingFacilityId,
                   CardStatus status, Instant issuedAt, String checkHash) {

    /** What a card's QR code starts with; then the number, the issue number and the check code. */
    public static final String QR_PREFIX = "MUSUBI-CARD:2:";
    /** The QR form of cards issued before check codes: number and issue number only. */
    public static final String QR_PREFIX_WITHOUT_CODE = "MUSUBI-CARD:1:";

    public boolean active() {
        return status == CardStatus.ACTIVE;
    }

    /** Whether the card has a check code, so can be used to link. */
    public boolean checkable() {
        return checkHash != null;
    }

    @Override
    public String toString() {
        return "Card[" + number + "#" + issueNo + " " + kind + " " + status + "]";
    }
}

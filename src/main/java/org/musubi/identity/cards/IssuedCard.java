package org.musubi.identity.cards;

/**
 * A card just issued or reissued, with its check code in clear: shown once, to be printed on the card, and never
 * stored (only its hash is).
 */
public record IssuedCard(Card card, String checkCode) {

    /** What the card's QR code holds: the prefix, the number, the issue number and the check code. */
    public String qrPayload() {
        return Card.QR_PREFIX + card.number() + ":" + card.issueNo() + ":" + checkCode;
    }

    /** The check code as printed: two groups of four. */
    public String printedCheckCode() {
        return checkCode.substring(0, 4) + "-" + checkCode.substring(4);
    }

    @Override
    public String toString() {
        return "IssuedCard[" + card + "]";
    }
}

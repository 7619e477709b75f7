package org.musubi.identity;

import java.time.Instant;

/**
 * A patient card. The regional card's number is the person's regional ID; a disclosure card has a
 * number of its own and an issuing hospital, and consent under it covers only that hospital's data.
 * A reissued card keeps its number with the next issue number; only the active issue works.
 */
public record Card(long id, String number, int issueNo, CardKind kind, long personId, Long issuingFacilityId,
                   CardStatus status, Instant issuedAt) {

    /** What the card's QR code holds: a fixed prefix, the number and the issue number. */
    public String qrPayload() {
        return QR_PREFIX + number + ":" + issueNo;
    }

    public static final String QR_PREFIX = "MUSUBI-CARD:1:";

    public boolean active() {
        return status == CardStatus.ACTIVE;
    }
}

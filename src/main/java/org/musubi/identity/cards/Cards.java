package org.musubi.identity.cards;

import java.util.List;
import java.util.Optional;

/** The cards issued to persons. */
public interface Cards {

    /** Issues the next issue of {@code number} ({@code checkHash}: the hash of its check code). */
    Card issue(long personId, String number, CardKind kind, Long issuingFacilityId, long userId, String checkHash);

    Optional<Card> active(String number);

    Optional<Card> issue(String number, int issueNo);

    List<Card> of(long personId);

    /** Marks the active issue lost (or revoked); returns false when none was active. */
    boolean retire(String number, CardStatus status);

    /** Retires the active issue as REISSUED and issues the next one with a new check code, in one transaction. */
    Card reissue(String number, long userId, String checkHash);
}

package org.musubi.identity;

import java.util.List;
import java.util.Optional;

/** The cards issued to persons. */
public interface Cards {

    Card issue(long personId, String number, CardKind kind, Long issuingFacilityId, long userId);

    Optional<Card> active(String number);

    Optional<Card> issue(String number, int issueNo);

    List<Card> of(long personId);

    /** Marks the active issue lost (or revoked); returns false when none was active. */
    boolean retire(String number, CardStatus status);

    /** Retires the active issue as REISSUED and issues the next one, in one transaction. */
    Card reissue(String number, long userId);
}

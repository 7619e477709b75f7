package org.musubi.portal.admin.persons;

import java.util.List;
import java.util.Set;
import org.musubi.consent.Consent;
import org.musubi.consent.PatientLink;
import org.musubi.identity.PersonDirectory;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.CardStatus;

/**
 * Everything an operator sees about one person: demographics and status, cards (with which issue of
 * each number is the latest), consents, facility links (連携), linked source patients (名寄せ) and
 * the merges into this person that can still be undone.
 */
record PersonFile(RegisteredPerson person, List<Card> cards, Set<Long> latestCardIds, List<Consent> consents,
                  List<PatientLink> links, Set<Long> blockedFacilityIds, List<SourcePatient> sourcePatients,
                  List<PersonDirectory.UndoableMerge> merges) {

    /** Whether the card is the latest issue of its number and may be reissued (active or lost). */
    public boolean reissuable(Card card) {
        return latestCardIds.contains(card.id())
                && (card.status() == CardStatus.ACTIVE || card.status() == CardStatus.LOST);
    }
}

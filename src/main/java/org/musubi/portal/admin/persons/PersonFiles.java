package org.musubi.portal.admin.persons;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.PersonDirectory;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.Cards;
import org.springframework.stereotype.Component;

/** Gathers a {@link PersonFile}; callers decide first, through the access policy, that it may be opened. */
@Component
class PersonFiles {

    private final IdentityStore identities;
    private final Cards cards;
    private final Consents consents;
    private final PersonDirectory directory;

    PersonFiles(IdentityStore identities, Cards cards, Consents consents, PersonDirectory directory) {
        this.identities = identities;
        this.cards = cards;
        this.consents = consents;
        this.directory = directory;
    }

    Optional<PersonFile> of(long personId) {
        return identities.person(personId).map(person -> {
            List<Card> issued = cards.of(personId);
            return new PersonFile(person, issued, latest(issued), consents.of(personId), consents.links(personId),
                    consents.blockedFacilities(personId), identities.sourcePatientsOf(personId),
                    directory.undoableMerges(personId));
        });
    }

    private static Set<Long> latest(List<Card> issued) {
        Map<String, Integer> lastIssue = issued.stream()
                .collect(Collectors.toMap(Card::number, Card::issueNo, Math::max));
        return issued.stream().filter(c -> c.issueNo() == lastIssue.get(c.number())).map(Card::id)
                .collect(Collectors.toSet());
    }
}

package org.musubi.publicsite;

import java.util.List;
import java.util.Optional;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.profile.AcceptedCard;

/**
 * What the public site shows of a facility: its name, kind, municipality, address, phone, roles and the cards it
 * accepts (in {@link AcceptedCard} order). Nothing else: no id, no code, no users.
 */
public record PublicListing(String nameKanji, String nameKana, FacilityKind kind, Optional<String> municipality,
                            String address, String phone, boolean disclosing, boolean viewing,
                            List<AcceptedCard> cards) {

    public PublicListing {
        municipality = municipality == null ? Optional.empty() : municipality;
        cards = List.copyOf(cards);
    }
}

package org.musubi.fhirapi.registration;

import org.musubi.identity.IdentityStore;
import org.musubi.identity.MatchSourcePatient;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.Demographics;
import org.springframework.stereotype.Component;

/**
 * 名寄せ for a patient a facility registers: the facility's source patient stored (or refreshed with the
 * demographics sent), then matched to a regional person (auto-link, review queue or new person) unless it is
 * linked to one already.
 */
@Component
class SourcePatientMatching {

    private final IdentityStore identities;
    private final MatchSourcePatient matching;

    SourcePatientMatching(IdentityStore identities, MatchSourcePatient matching) {
        this.identities = identities;
        this.matching = matching;
    }

    /** The source patient {@code localId} of the facility, as received; matched for {@code userId} when new. */
    SourcePatient receive(long userId, long facilityId, String localId, Demographics d) {
        SourcePatient source = identities.receive(new SourcePatient(0, facilityId, localId, d.familyKanji(),
                d.givenKanji(), d.familyKana(), d.givenKana(), d.sex(), d.birthDate(), d.postalCode(), d.address(), d.phone()));
        if (identities.personOf(source.id()).isEmpty()) {
            matching.match(userId, source.id());
        }
        return source;
    }
}

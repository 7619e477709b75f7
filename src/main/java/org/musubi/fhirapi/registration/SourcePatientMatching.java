package org.musubi.fhirapi.registration;

import java.util.List;
import org.musubi.identity.SourceIdentifier;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.MatchSourcePatient;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.identity.matching.InsuredNumber;
import org.springframework.stereotype.Component;

/**
 * 名寄せ for a patient a facility registers: the facility's source patient stored (or refreshed with the
 * demographics sent), then matched to a regional person (auto-link, review queue or new person) unless it is
 * linked to one already. The patient's insured-person number, when it sent one, is recorded hashed ({@link InsuredKeys})
 * as evidence for 名寄せ.
 */
@Component
class SourcePatientMatching {

    private final MatchSourcePatient matching;
    private final InsuredKeys insuredKeys;

    SourcePatientMatching(MatchSourcePatient matching, InsuredKeys insuredKeys) {
        this.matching = matching;
        this.insuredKeys = insuredKeys;
    }

    /**
     * The source patient {@code localId} of the facility, as received, with {@code identifiers} recorded as naming it;
     * matched for {@code userId} when new.
     */
    SourcePatient receive(long userId, long facilityId, String localId, Demographics d,
                          List<SourceIdentifier> identifiers, InsuredNumber insured) {
        return matching.receiveAndMatch(userId, new SourcePatient(0, facilityId, localId, d.familyKanji(),
                d.givenKanji(), d.familyKana(), d.givenKana(), d.sex(), d.birthDate(), d.postalCode(), d.address(),
                d.phone()), identifiers, insured == null ? null : insuredKeys.of(insured));
    }
}

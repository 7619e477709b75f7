package org.musubi.identity.matching;

import java.time.LocalDate;
import org.musubi.identity.Sex;
import org.musubi.identity.matching.compare.Digits;
import org.musubi.identity.matching.normalize.AddressNormalizer;
import org.musubi.identity.matching.normalize.KanaNormalizer;
import org.musubi.identity.matching.normalize.KanjiNormalizer;

/** {@link Demographics} normalised once, so that comparing against many candidates does not repeat it. */
record NormalizedDemographics(
        String familyKanji,
        String givenKanji,
        String familyKana,
        String givenKana,
        Sex sex,
        LocalDate birthDate,
        String postalCode,
        String address,
        String phone) {

    static NormalizedDemographics of(Demographics d) {
        return new NormalizedDemographics(KanjiNormalizer.normalize(d.familyKanji()),
                KanjiNormalizer.normalize(d.givenKanji()), KanaNormalizer.normalize(d.familyKana()),
                KanaNormalizer.normalize(d.givenKana()), d.sex(), d.birthDate(), Digits.of(d.postalCode()),
                AddressNormalizer.normalize(d.address()), Digits.of(d.phone()));
    }
}

package org.musubi.portal.chart;

import java.time.LocalDate;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;

/**
 * Who the patient is, as the viewer may show it to this user: the network's record of the person (with the regional
 * ID), or only what the user's own facility sent of its patient — without the regional ID when the facility has no
 * standing for the person (an automatic match tells it nothing), with it when it has.
 *
 * @param regionalId null when the user may not be told who the person is in the network
 */
public record ShownPatient(String regionalId, String familyKanji, String givenKanji, String familyKana, String givenKana,
                           Sex sex, LocalDate birthDate, String postalCode, String address, String phone) {

    /** The network's record of the person. */
    static ShownPatient of(Person p) {
        return new ShownPatient(p.regionalId(), p.familyKanji(), p.givenKanji(), p.familyKana(), p.givenKana(), p.sex(),
                p.birthDate(), p.postalCode(), p.address(), p.phone());
    }

    /**
     * The facility's own patient as it sent it, named in kana as the network registered the person (one spelling of a
     * person's kana everywhere: a facility's own spelling, e.g. オーノ for the registered オオノ, stays in its stored
     * data and is not shown as a second name).
     */
    static ShownPatient registered(SourcePatient s, Person registered) {
        return new ShownPatient(registered.regionalId(), s.familyKanji(), s.givenKanji(), registered.familyKana(),
                registered.givenKana(), s.sex(), s.birthDate(), s.postalCode(), s.address(), s.phone());
    }

    /** The facility's own patient, as it sent it; {@code regionalId} when the facility may know it, else null. */
    static ShownPatient of(SourcePatient s, String regionalId) {
        return new ShownPatient(regionalId, s.familyKanji(), s.givenKanji(), s.familyKana(), s.givenKana(), s.sex(),
                s.birthDate(), s.postalCode(), s.address(), s.phone());
    }
}

package org.musubi.identity.linkage;

import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.internal.RegionalIds;
import org.musubi.identity.matching.Demographics;

/** A new regional person made from a source patient's demographics, with a fresh regional ID. */
final class NewPersons {

    private NewPersons() {
    }

    static RegisteredPerson register(IdentityStore store, SourcePatient s) {
        return store.register(of(RegionalIds.fresh(id -> store.personByRegionalId(id).isPresent()), s));
    }

    /** The person a source patient would become under {@code regionalId}; blank kanji names become "－". */
    static Person of(String regionalId, SourcePatient s) {
        return new Person(regionalId, blankToDash(s.familyKanji()), blankToDash(s.givenKanji()),
                s.familyKana(), s.givenKana(), s.sex(), s.birthDate(), s.postalCode(), s.address(), s.phone());
    }

    /** Whether a new person may be made from it: kana name, sex and birth date known. */
    static boolean complete(SourcePatient s) {
        return s.familyKana() != null && s.givenKana() != null && s.sex() != null && s.birthDate() != null;
    }

    /** What the matcher compares of a source patient. */
    static Demographics demographics(SourcePatient s) {
        return new Demographics(s.familyKanji(), s.givenKanji(), s.familyKana(), s.givenKana(), s.sex(), s.birthDate(),
                s.postalCode(), s.address(), s.phone());
    }

    private static String blankToDash(String text) {
        return text == null || text.isBlank() ? "－" : text;
    }
}

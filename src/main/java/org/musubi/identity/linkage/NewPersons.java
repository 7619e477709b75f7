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

    /**
     * The person a source patient would become under {@code regionalId}; blank kanji names become "－", a missing kana
     * name stays empty (the person is then found by its kanji name, sex and birth date: {@code BlockingKeys.stored}).
     */
    static Person of(String regionalId, SourcePatient s) {
        return new Person(regionalId, blankToDash(s.familyKanji()), blankToDash(s.givenKanji()),
                emptyIfNull(s.familyKana()), emptyIfNull(s.givenKana()), s.sex(), s.birthDate(), s.postalCode(),
                s.address(), s.phone());
    }

    /** Whether 名寄せ may make a new person of it by itself: kana name, sex and birth date known. */
    static boolean complete(SourcePatient s) {
        return s.familyKana() != null && s.givenKana() != null && s.sex() != null && s.birthDate() != null;
    }

    /**
     * Whether an operator may register it as a new person: sex and birth date known, and a whole name in kana or in
     * kanji (a pharmacy's notebook without 氏名カナ still names the patient in kanji).
     */
    static boolean registrable(SourcePatient s) {
        return s.sex() != null && s.birthDate() != null && (whole(s.familyKana(), s.givenKana())
                || whole(s.familyKanji(), s.givenKanji()));
    }

    private static boolean whole(String family, String given) {
        return family != null && !family.isBlank() && given != null && !given.isBlank();
    }

    private static String emptyIfNull(String text) {
        return text == null ? "" : text;
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

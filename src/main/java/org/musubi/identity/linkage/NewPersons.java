package org.musubi.identity.linkage;

import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.internal.RegionalIds;
import org.musubi.identity.matching.Demographics;

/** A new regional person made from a source patient's demographics, with a fresh regional ID. */
final class NewPersons {

    /** A kanji name the source did not send: a person's kanji name is never blank. */
    private static final String DASH = "－";

    private NewPersons() {
    }

    static RegisteredPerson register(IdentityStore store, SourcePatient s) {
        return store.register(of(RegionalIds.fresh(id -> store.personByRegionalId(id).isPresent()), s));
    }

    /**
     * The person a source patient would become under {@code regionalId}; a kanji name sent not at all becomes "－ －",
     * a kanji name sent in one piece keeps an empty given name, a missing kana name stays empty (the person is then
     * found by its kanji name, sex and birth date: {@code BlockingKeys.stored}).
     */
    static Person of(String regionalId, SourcePatient s) {
        boolean noKanji = blank(s.familyKanji()) && blank(s.givenKanji());
        return new Person(regionalId, noKanji ? DASH : emptyIfNull(s.familyKanji()),
                noKanji ? DASH : emptyIfNull(s.givenKanji()), emptyIfNull(s.familyKana()), emptyIfNull(s.givenKana()),
                s.sex(), s.birthDate(), s.postalCode(), s.address(), s.phone());
    }

    /**
     * Whether 名寄せ may make a new person of it by itself: a kana name, sex and birth date known. A kana name is a
     * name whether it came in two parts or in one piece that could not be split (テストハンヨウ, kept as the family
     * name): the matcher compares a whole name with the whole of a person's.
     */
    static boolean complete(SourcePatient s) {
        return !(blank(s.familyKana()) && blank(s.givenKana())) && s.sex() != null && s.birthDate() != null;
    }

    /**
     * Whether an operator may register it as a new person: sex and birth date known, and a name in kana or in kanji,
     * in two parts or in one piece (a pharmacy's notebook without 氏名カナ still names the patient in kanji).
     */
    static boolean registrable(SourcePatient s) {
        return s.sex() != null && s.birthDate() != null
                && !(blank(s.familyKana()) && blank(s.givenKana()) && blank(s.familyKanji()) && blank(s.givenKanji()));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String emptyIfNull(String text) {
        return text == null ? "" : text;
    }

    /** What the matcher compares of a source patient. */
    static Demographics demographics(SourcePatient s) {
        return new Demographics(s.familyKanji(), s.givenKanji(), s.familyKana(), s.givenKana(), s.sex(), s.birthDate(),
                s.postalCode(), s.address(), s.phone());
    }
}

package org.musubi.identity;

/** A new regional person made from a source patient's demographics, with a fresh regional ID. */
final class NewPersons {

    private NewPersons() {
    }

    static RegisteredPerson register(IdentityStore store, SourcePatient s) {
        String regionalId = RegionalIds.fresh(id -> store.personByRegionalId(id).isPresent());
        return store.register(new Person(regionalId, blankToDash(s.familyKanji()), blankToDash(s.givenKanji()),
                s.familyKana(), s.givenKana(), s.sex(), s.birthDate(), s.postalCode(), s.address(), s.phone()));
    }

    private static String blankToDash(String text) {
        return text == null || text.isBlank() ? "－" : text;
    }
}

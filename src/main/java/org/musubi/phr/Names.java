package org.musubi.phr;

import org.musubi.identity.Person;

/** How a resident's name is shown to them and printed for them: in kanji where known, else in kana. */
final class Names {

    private Names() {
    }

    static String shown(Person person) {
        String kanji = join(person.familyKanji(), person.givenKanji());
        return kanji.isEmpty() ? kana(person) : kanji;
    }

    static String kana(Person person) {
        return join(person.familyKana(), person.givenKana());
    }

    private static String join(String family, String given) {
        return ((family == null ? "" : family.strip()) + " " + (given == null ? "" : given.strip())).strip();
    }
}

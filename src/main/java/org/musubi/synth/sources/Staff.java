package org.musubi.synth.sources;

/** A doctor or pharmacist named in source files: the facility's user id and names in kanji and kana. */
record Staff(String id, String familyKanji, String givenKanji, String familyKana, String givenKana) {

    /** Family and given name with an ideographic space between, as Japanese forms write them. */
    String fullName() {
        return familyKanji + "　" + givenKanji;
    }
}

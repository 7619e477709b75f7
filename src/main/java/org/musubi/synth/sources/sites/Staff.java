package org.musubi.synth.sources.sites;

/** A doctor or pharmacist named in source files: the facility's user id and names in kanji and kana. */
public record Staff(String id, String familyKanji, String givenKanji, String familyKana, String givenKana) {

    /** Family and given name with an ideographic space between, as Japanese forms write them. */
    public String fullName() {
        return familyKanji + "　" + givenKanji;
    }
}

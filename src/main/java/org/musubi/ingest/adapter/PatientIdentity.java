package org.musubi.ingest.adapter;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.musubi.identity.Sex;

/**
 * The patient a source record is about, as the sending facility knows them: the facility's own
 * patient ID and the demographics identity matching (名寄せ) uses. Any demographic may be null.
 * Names are kept as sent (full-width kana, kanji); matching normalises them.
 *
 * <p>A name sent in one piece is split here, for every source alike, where that can be decided ({@link NameSplit}): a
 * kana name without a given name (テストハンヨウ, as many receipt computers write the カタカナ氏名) is split at a space in
 * it, or where the kanji name's family or given name, written in kana, agrees with it; a kanji name without a given name
 * likewise by the kana name. What cannot be split stays whole as the family name ({@link #kanaWhole()}): it is still
 * a name, for matching and for registering a new person, and the import warns that it was kept whole.
 */
public record PatientIdentity(String localId, String familyKanji, String givenKanji, String familyKana,
                              String givenKana, Sex sex, LocalDate birthDate, String postalCode, String address,
                              String phone) {

    public PatientIdentity {
        Objects.requireNonNull(localId, "localId");
        if (localId.isBlank()) {
            throw new IllegalArgumentException("localId is blank");
        }
        if (blank(givenKana)) {
            Optional<NameSplit.Parts> kana = NameSplit.of(familyKana, familyKanji, givenKanji);
            if (kana.isPresent()) {
                familyKana = kana.get().family();
                givenKana = kana.get().given();
            }
        }
        if (blank(givenKanji)) {
            Optional<NameSplit.Parts> kanji = NameSplit.of(familyKanji, familyKana, givenKana);
            if (kanji.isPresent()) {
                familyKanji = kanji.get().family();
                givenKanji = kanji.get().given();
            }
        }
    }

    /**
     * Whether the kana name came in one piece that could not be split ({@link NameSplit}): it is kept whole as the
     * family name, with no given name.
     */
    public boolean kanaWhole() {
        return !blank(familyKana) && blank(givenKana);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

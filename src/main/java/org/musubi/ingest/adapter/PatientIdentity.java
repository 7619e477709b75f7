package org.musubi.ingest.adapter;

import java.time.LocalDate;
import java.util.Objects;
import org.musubi.identity.Sex;

/**
 * The patient a source record is about, as the sending facility knows them: the facility's own
 * patient ID and the demographics identity matching (名寄せ) uses. Any demographic may be null.
 * Names are kept as sent (full-width kana, kanji); matching normalises them.
 */
public record PatientIdentity(String localId, String familyKanji, String givenKanji, String familyKana,
                              String givenKana, Sex sex, LocalDate birthDate, String postalCode, String address,
                              String phone) {

    public PatientIdentity {
        Objects.requireNonNull(localId, "localId");
        if (localId.isBlank()) {
            throw new IllegalArgumentException("localId is blank");
        }
    }
}

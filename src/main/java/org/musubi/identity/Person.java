package org.musubi.identity;

import java.time.LocalDate;

/** A regional person: the patient behind all linked facility patients, known by the regional ID on their card. */
public record Person(
        String regionalId,
        String familyKanji,
        String givenKanji,
        String familyKana,
        String givenKana,
        Sex sex,
        LocalDate birthDate,
        String postalCode,
        String address,
        String phone) {

    public Person {
        if (!RegionalId.valid(regionalId)) {
            throw new IllegalArgumentException("invalid regional ID (16 digits with a Luhn check digit)");
        }
    }
}

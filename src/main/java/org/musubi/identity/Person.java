package org.musubi.identity;

import java.time.LocalDate;

/**
 * A regional person: the patient behind all linked facility patients. The regional ID is the person's opaque,
 * random id (its numeric value is the person's {@link RegisteredPerson#id()}); it is not printed on any card, and
 * knowing it grants nothing.
 */
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

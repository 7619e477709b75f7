package org.musubi.identity.matching;

import java.time.LocalDate;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;

/** What matching knows of a patient, as received: any field may be {@code null}. */
public record Demographics(
        String familyKanji,
        String givenKanji,
        String familyKana,
        String givenKana,
        Sex sex,
        LocalDate birthDate,
        String postalCode,
        String address,
        String phone) {

    public static Demographics of(Person person) {
        return new Demographics(person.familyKanji(), person.givenKanji(), person.familyKana(),
                person.givenKana(), person.sex(), person.birthDate(), person.postalCode(),
                person.address(), person.phone());
    }
}

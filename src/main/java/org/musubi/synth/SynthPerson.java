package org.musubi.synth;

import org.musubi.identity.RegionalId;
import org.musubi.identity.Sex;
import java.time.LocalDate;

/**
 * A generated person the network serves. {@code regionalId} is the 16-digit regional patient
 * number: 15 digits and a Luhn check digit (see {@link RegionalId}).
 */
public record SynthPerson(
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

    /** Whether the text is 16 ASCII digits whose last digit is the Luhn check of the others. */
    public static boolean validRegionalId(String regionalId) {
        return RegionalId.valid(regionalId);
    }
}

package org.musubi.identity;

import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A facility's own patient, as received from that facility (local patient id and demographics).
 * Clinical data is stored under it and never moves; only its link to a person does.
 */
public record SourcePatient(long id, long facilityId, String localId, String familyKanji, String givenKanji,
                            String familyKana, String givenKana, Sex sex, LocalDate birthDate, String postalCode,
                            String address, String phone) {

    /** The kanji name as the facility sent it, family and given joined by a space; empty when it sent none. */
    public String nameKanji() {
        return joined(familyKanji, givenKanji);
    }

    /** The kana name as the facility sent it, family and given joined by a space; empty when it sent none. */
    public String nameKana() {
        return joined(familyKana, givenKana);
    }

    private static String joined(String family, String given) {
        return Stream.of(family, given).filter(p -> p != null && !p.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
    }
}

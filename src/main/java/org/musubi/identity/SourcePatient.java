package org.musubi.identity;

import java.time.LocalDate;

/**
 * A facility's own patient, as received from that facility (local patient id and demographics).
 * Clinical data is stored under it and never moves; only its link to a person does.
 */
public record SourcePatient(long id, long facilityId, String localId, String familyKanji, String givenKanji,
                            String familyKana, String givenKana, Sex sex, LocalDate birthDate, String postalCode,
                            String address, String phone) {
}

package org.musubi.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a page's key names a patient: digits are a person, {@code own-<n>} the reader's own patient, else nobody. */
class PatientRefTest {

    @Test
    void aKeyNamesAPersonAnOwnPatientOrNobody() {
        assertThat(PatientRef.ofKey("42")).isEqualTo(PatientRef.person(42));
        assertThat(PatientRef.ofKey("own-7")).isEqualTo(PatientRef.ownPatient(7));
        assertThat(PatientRef.ofKey(PatientRef.ownKey(9))).isEqualTo(PatientRef.ownPatient(9));
        for (String nobody : new String[] {null, "", "own-", "own-x", "x42", "42 ", "-1", "own--1", "1234567890123456789",
                "own-1234567890123456789", "OWN-1"}) {
            assertThat(PatientRef.ofKey(nobody)).as(String.valueOf(nobody)).isEqualTo(PatientRef.person(0));
        }
    }
}

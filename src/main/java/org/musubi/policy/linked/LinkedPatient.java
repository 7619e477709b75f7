package org.musubi.policy.linked;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.musubi.identity.Person;

/** One row of a facility's linked-patient list: the person, the facility's chart number (if any) and since when. */
public record LinkedPatient(long personId, Person person, String chartNumber, Instant linkedAt) {

    /** The person's age in whole years on the given day. */
    public int ageOn(LocalDate day) {
        return Period.between(person.birthDate(), day).getYears();
    }
}

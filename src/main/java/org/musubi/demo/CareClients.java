package org.musubi.demo;

import java.time.LocalDate;
import java.util.List;
import org.musubi.identity.RegisteredPerson;
import org.musubi.registry.FacilityKind;

/**
 * Whom a care office of the demo looks after: a care facility or care managers' office (居宅介護支援事業所) and a
 * home-nursing station serve persons of the age long-term care insurance serves, 65 and over (the demo records no
 * 特定疾病 that would bring in someone of 40 to 64), never a child or a young adult.
 */
final class CareClients {

    /** The age from which long-term care insurance serves everyone (第1号被保険者). */
    static final int INSURED_AGE = 65;

    private CareClients() {
    }

    /** Whether a facility of {@code kind} is a care office, whose patients must be of care age. */
    static boolean careOffice(FacilityKind kind) {
        return kind == FacilityKind.CARE_FACILITY || kind == FacilityKind.HOME_NURSING_STATION;
    }

    /** The first {@code limit} of {@code persons}, in their order, who are of care age on {@code today}. */
    static List<RegisteredPerson> of(List<RegisteredPerson> persons, LocalDate today, int limit) {
        return persons.stream().filter(p -> ofCareAge(p, today)).limit(limit).toList();
    }

    static boolean ofCareAge(RegisteredPerson person, LocalDate today) {
        LocalDate born = person.person().birthDate();
        return born != null && !born.plusYears(INSURED_AGE).isAfter(today);
    }
}

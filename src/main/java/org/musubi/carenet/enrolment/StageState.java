package org.musubi.carenet.enrolment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stage of an enrolment: its position and code in the template's version, the facility assigned to fill it (null:
 * any facility of the stage's kinds with standing), its due date and, once filled, when, by whom, for which facility
 * and the id of the QuestionnaireResponse stored in the record.
 */
public record StageState(int position, String stageCode, Long assignedFacilityId, LocalDate dueOn, Instant filledAt,
                         Long filledBy, Long filledFacilityId, String responseId) {

    public boolean filled() {
        return filledAt != null;
    }

    /** Not filled and past its due date on {@code today}. */
    public boolean overdue(LocalDate today) {
        return !filled() && dueOn.isBefore(today);
    }

    public boolean assignedTo(long facility) {
        return assignedFacilityId != null && assignedFacilityId == facility;
    }
}

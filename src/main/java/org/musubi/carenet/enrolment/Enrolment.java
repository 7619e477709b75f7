package org.musubi.carenet.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's enrolment in a pathway: the template's code and the version it was made under (kept for its life: a
 * later edit of the template applies to new enrolments only), who enrolled them (facility, user, when), its status
 * and its stages in order.
 */
public record Enrolment(UUID id, long personId, String templateCode, String templateVersion, long facilityId,
                        long enrolledBy, Instant enrolledAt, Status status, Instant endedAt, List<StageState> stages) {

    /** ACTIVE until its last stage is filled (COMPLETED) or a facility with standing withdraws it (WITHDRAWN). */
    public enum Status { ACTIVE, COMPLETED, WITHDRAWN }

    public Enrolment {
        stages = List.copyOf(stages);
    }

    /** The stage to fill next: the first one not filled, while the enrolment is active. */
    public Optional<StageState> next() {
        return status == Status.ACTIVE ? stages.stream().filter(s -> !s.filled()).findFirst() : Optional.empty();
    }

    /** The stages past their due date and not filled, while the enrolment is active. */
    public List<StageState> overdue(LocalDate today) {
        return status == Status.ACTIVE ? stages.stream().filter(s -> s.overdue(today)).toList() : List.of();
    }

    /** Whether the facility enrolled the patient or is assigned to one of the stages. */
    public boolean involves(long facility) {
        return facilityId == facility || stages.stream().anyMatch(s -> s.assignedTo(facility));
    }

    /** The stage at this position. */
    public Optional<StageState> stage(int position) {
        return stages.stream().filter(s -> s.position() == position).findFirst();
    }
}

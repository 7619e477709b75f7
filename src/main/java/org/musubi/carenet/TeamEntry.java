package org.musubi.carenet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a care team's workspace, as the team's table keeps it (no content: the content is the record's
 * resource {@code resourceId}, stored under {@code facilityId}'s source patient of the person): what kind it is, who
 * wrote it when, and for a task its assignee (a user id), due date and status (FHIR Task status codes).
 */
public record TeamEntry(String resourceId, UUID teamId, long personId, long facilityId, Kind kind, long writtenBy,
                        Instant writtenAt, Long assignee, LocalDate due, String status) {

    /** What an entry is: a clinician's SOAP note, a care worker's note, vital signs, an ADL check, a task, a task's status change, a (wound) photo. */
    public enum Kind { SOAP, CARE_NOTE, VITALS, ADL, TASK, TASK_STATUS, PHOTO }

    /** The FHIR Task statuses a team's task goes through. */
    public static final java.util.List<String> TASK_STATUSES = java.util.List.of("requested", "in-progress",
            "completed", "cancelled");

    /** Whether the entry is a task still open (requested or in progress). */
    public boolean openTask() {
        return kind == Kind.TASK && ("requested".equals(status) || "in-progress".equals(status));
    }

    /** Whether the entry is an open task past its due date on {@code today}. */
    public boolean overdue(LocalDate today) {
        return openTask() && due != null && due.isBefore(today);
    }
}

package org.musubi.carenet.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** Where enrolments and their stages are kept (tables {@code pathway_enrolment}, {@code pathway_stage}, V54). */
public interface EnrolmentStore {

    void insert(Enrolment enrolment);

    Optional<Enrolment> find(UUID id);

    /** The person's enrolments, newest first. */
    List<Enrolment> ofPerson(long personId);

    /** Marks the stage filled (only when it was not); false when it was filled already. */
    boolean fill(UUID id, int position, Instant at, long userId, long facilityId, String responseId);

    /** Assigns the stage (not yet filled) to a facility, or to none. */
    void assign(UUID id, int position, Long facilityId);

    /** Ends an active enrolment with {@code status}; false when it was not active. */
    boolean end(UUID id, Enrolment.Status status, Instant at, Long by);

    /** What a facility's pathway list asks: its enrolments or those with a stage assigned to it. */
    record ListQuery(long facilityId, String templateCode, Enrolment.Status status) {
    }

    /** A page of the facility's enrolments, newest first. */
    Page<Enrolment> forFacility(ListQuery query, PageRequest page);

    /** How many stages wait for a facility: next to fill in an active enrolment and assigned to it; and of them overdue. */
    record Counts(int due, int overdue) {
    }

    Counts waiting(long facilityId, LocalDate today);

    /** Per template: enrolments by status. */
    record StatusCount(String templateCode, Enrolment.Status status, long count) {
    }

    List<StatusCount> statusCounts();

    /** Per template and stage: how many were filled, and the median and mean days from the stage before (or enrolment). */
    record StageTime(String templateCode, String stageCode, int position, long filled, double medianDays,
                     double meanDays) {
    }

    List<StageTime> stageTimes();
}

package org.musubi.carenet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The care teams' entries table ({@code care_team_entry}, V53): what was entered for which team; never content. */
public interface TeamEntries {

    void add(TeamEntry entry);

    /** A task's new status. */
    void status(String taskId, String status);

    Optional<TeamEntry> find(String resourceId);

    /** The team's entries written before {@code before} (null: any), newest first, at most {@code limit}. */
    List<TeamEntry> page(UUID teamId, Instant before, int limit);

    /** When {@code userId} last wrote an entry in the team, if ever. */
    Optional<Instant> lastWritten(UUID teamId, long userId);

    /**
     * The open tasks assigned to {@code userId} in teams where they are a live member at {@code now} for {@code
     * facilityId} (the facility they act for): tasks of a team they left, or joined for another facility, are not
     * there.
     */
    List<TeamEntry> openTasksOf(long userId, long facilityId, Instant now);

    /** The team's open tasks (requested or in progress), soonest due first. */
    List<TeamEntry> openTasks(UUID teamId);
}

package org.musubi.carenet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.policy.DataCategory;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;

/** A live member of a task's team changes the task's status. */
public final class ChangeTeamTaskStatus {

    private final TeamWorkspace workspace;

    public ChangeTeamTaskStatus(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * A task's new status, by any live member of its team. The Task is the record of the facility that made it: when
     * the caller acts for that facility its Task gets a new version; a member of another facility records the change
     * as a note of their own about the Task (a Communication {@code about} the Task and the team). Either way the
     * team's table holds the status, and one audit row names what was read and written.
     */
    public void change(CareTeams.Actor by, UUID teamId, String taskId, String status) {
        if (!TeamEntry.TASK_STATUSES.contains(status)) {
            throw new Refused(TeamWorkspace.INVALID);
        }
        CareTeam team = workspace.member(by, teamId, "Task");
        TeamEntry task = (taskId == null ? Optional.<TeamEntry>empty() : workspace.entries().find(taskId))
                .filter(e -> e.kind() == TeamEntry.Kind.TASK && e.teamId().equals(teamId)).orElse(null);
        if (task == null) {
            throw workspace.teams().refused(TeamWorkspace.attempt("Task"), team.personId(), CareTeams.NOT_FOUND);
        }
        TeamRecords records = workspace.parts().records();
        workspace.enter(by, team, "Task", DataCategory.CARE_RECORDS, at -> {
            workspace.entries().status(taskId, status);
            String noteId = UUID.randomUUID().toString();
            List<ResourceWrite> made = new ArrayList<>();
            Optional<StoredResource> stored = at.record().contents(List.of(taskId)).stream()
                    .filter(r -> r.type().equals("Task")).findFirst();
            if (at.own().facilityId() == task.facilityId()) {
                stored.ifPresent(r -> made.add(records.taskStatus(r.json(), taskId, at.own(), status)));
            }
            made.add(records.statusNote(team.id(), at.own(), noteId, workspace.name(by.userId()), taskId, status));
            return new TeamWorkspace.Made(made, workspace.entry(noteId, team, at.own(), TeamEntry.Kind.TASK_STATUS, by,
                    null, null, status));
        });
    }
}

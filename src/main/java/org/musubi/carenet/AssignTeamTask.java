package org.musubi.carenet;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.policy.DataCategory;

/** A live member assigns a task to a live member of the team: a Task, status requested. */
public final class AssignTeamTask {

    private final TeamWorkspace workspace;

    public AssignTeamTask(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * A task for a live member of the team, due on {@code due} (optional): status requested. An empty text or an
     * assignee who is no live member is refused with {@link TeamWorkspace#INVALID}. Returns the Task's id.
     */
    public String assign(CareTeams.Actor by, UUID teamId, String text, long assignee, LocalDate due) {
        if (text == null || text.isBlank()) {
            throw new Refused(TeamWorkspace.INVALID);
        }
        CareTeam team = workspace.member(by, teamId, "Task");
        if (!workspace.teams().liveMember(team, assignee)) {
            throw new Refused(TeamWorkspace.INVALID);
        }
        return workspace.enter(by, team, "Task", DataCategory.CARE_RECORDS, at -> {
            String id = UUID.randomUUID().toString();
            return new TeamWorkspace.Made(List.of(workspace.parts().records().task(team.id(), at.own(), id,
                    workspace.name(by.userId()), text.strip(), workspace.name(assignee), assignee, due)),
                    workspace.entry(id, team, at.own(), TeamEntry.Kind.TASK, by, assignee, due, "requested"));
        });
    }
}

package org.musubi.carenet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.observation.ObservationValue;

/** The resident (or their proxy) sees their care teams and the tasks each team has open for them. */
public final class ShowResidentTeams {

    private final TeamWorkspace workspace;

    public ShowResidentTeams(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /** A team as the resident (or their proxy) sees it: its members and the tasks the team has open for them. */
    public record ResidentTeam(CareTeams.TeamView view, List<ListMyTeamTasks.MyTask> openTasks) {
    }

    /**
     * The person's teams with their open tasks, for the person themself or their live proxy (self access): one
     * interaction, one audit row naming the teams and the Tasks shown; empty for anyone else, exactly as for no such
     * person. The team's notes are the professionals' working record and are not listed here (the resident reads
     * their record as always); the tasks are what the team does for them.
     */
    public Optional<List<ResidentTeam>> show(long userId, long personId) {
        Reader resident = new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS);
        Interaction<List<ResidentTeam>> read = workspace.reads().readPerson(resident, PatientRef.person(personId),
                AuditAction.READ, "CareTeam", record -> {
                    List<CareTeams.TeamView> views = workspace.teams().teamsOf(personId);
                    record.wrote(views.stream().map(v -> "CareTeam/" + v.team().id()).toList());
                    List<ResidentTeam> shown = new ArrayList<>();
                    for (CareTeams.TeamView v : views) {
                        List<TeamEntry> open = workspace.entries().openTasks(v.team().id());
                        Map<String, StoredResource> byId = record.contents(open.stream().map(TeamEntry::resourceId)
                                .toList()).stream().collect(Collectors.toMap(StoredResource::id, r -> r, (a, b) -> a));
                        shown.add(new ResidentTeam(v, open.stream().filter(e -> byId.containsKey(e.resourceId()))
                                .map(e -> new ListMyTeamTasks.MyTask(v.team(), e, TeamWorkspace.text(ObservationValue.tree(
                                        byId.get(e.resourceId()).json()).path("description")))).toList()));
                    }
                    return shown;
                });
        return Optional.ofNullable(read.permitted() ? read.value() : null);
    }
}

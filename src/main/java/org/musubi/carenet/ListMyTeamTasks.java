package org.musubi.carenet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.stream.Collectors;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.consent.team.CareTeam;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.observation.ObservationValue;

/** A member lists the open tasks assigned to them in every team they are a live member of. */
public final class ListMyTeamTasks {

    private final TeamWorkspace workspace;

    public ListMyTeamTasks(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /** A task of the caller's as the task list shows it: its team, its entry, its text. */
    public record MyTask(CareTeam team, TeamEntry entry, String text) {
    }

    /**
     * The open tasks assigned to the caller in the teams they are a live member of: each team's person opened through
     * the policy (one READ row per person, naming the Tasks shown); a person the policy refuses shows nothing.
     */
    public List<MyTask> list(CareTeams.Actor by) {
        if (by.facilityId() == null) {
            return List.of();
        }
        List<TeamEntry> open = workspace.entries().openTasksOf(by.userId(), by.facilityId(), Instant.now());
        Reader reader = new Reader(by.userId(), by.facilityId(), Purpose.TREATMENT);
        List<MyTask> tasks = new ArrayList<>();
        Map<Long, List<TeamEntry>> byPerson = open.stream()
                .collect(Collectors.groupingBy(TeamEntry::personId, LinkedHashMap::new, Collectors.toList()));
        byPerson.forEach((person, list) -> {
            Interaction<List<StoredResource>> read = workspace.reads().readPerson(reader, PatientRef.person(person),
                    AuditAction.READ, "Task",
                    record -> record.contents(list.stream().map(TeamEntry::resourceId).toList()));
            if (read.permitted() && read.value() != null) {
                Map<String, StoredResource> byId = read.value().stream()
                        .collect(Collectors.toMap(StoredResource::id, r -> r, (a, b) -> a));
                for (TeamEntry e : list) {
                    StoredResource r = byId.get(e.resourceId());
                    if (r != null) {
                        workspace.teams().team(e.teamId()).ifPresent(t -> tasks.add(new MyTask(t, e,
                                TeamWorkspace.text(ObservationValue.tree(r.json()).path("description")))));
                    }
                }
            }
        });
        tasks.sort(Comparator.comparing((MyTask t) -> t.entry().due(), Comparator.nullsLast(Comparator.naturalOrder())));
        return tasks;
    }
}

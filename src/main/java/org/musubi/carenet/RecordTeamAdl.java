package org.musubi.carenet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.policy.DataCategory;

/** A live member records a short ADL check (meal, toilet, bathing, mobility) in the team's workspace. */
public final class RecordTeamAdl {

    private final TeamWorkspace workspace;

    public RecordTeamAdl(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * An ADL check: each item of {@link TeamRecords#ADL_ITEMS} answered with one of {@link TeamRecords#ADL_ANSWERS},
     * and a remark; none answered is refused with {@link TeamWorkspace#INVALID}. Returns the Communication's id.
     */
    public String record(CareTeams.Actor by, UUID teamId, Map<String, String> answers, String remark) {
        List<String> payload = new ArrayList<>();
        for (String item : TeamRecords.ADL_ITEMS) {
            String answer = answers.get(item);
            if (answer != null && TeamRecords.ADL_ANSWERS.contains(answer)) {
                payload.add(TeamRecords.adlPart(item, answer));
            }
        }
        if (payload.isEmpty()) {
            throw new Refused(TeamWorkspace.INVALID);
        }
        if (remark != null && !remark.isBlank()) {
            payload.add(remark.strip());
        }
        CareTeam team = workspace.member(by, teamId, "Communication");
        return workspace.enter(by, team, "Communication", DataCategory.CARE_RECORDS, at -> {
            String id = UUID.randomUUID().toString();
            return new TeamWorkspace.Made(List.of(workspace.parts().records().note(team.id(), at.own(), id,
                    workspace.name(by.userId()), TeamEntry.Kind.ADL, payload)),
                    workspace.entry(id, team, at.own(), TeamEntry.Kind.ADL, by, null, null, null));
        });
    }
}

package org.musubi.carenet;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.policy.DataCategory;

/** A live member writes a note in the team's workspace: SOAP or a care note, as a Communication. */
public final class WriteTeamNote {

    private final TeamWorkspace workspace;

    public WriteTeamNote(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * A note: SOAP ({@code texts} S, O, A, P, blank ones left out) or a care note (one text); an empty one is refused
     * with {@link TeamWorkspace#INVALID} (nothing stored, nothing audited). Returns the Communication's id.
     */
    public String write(CareTeams.Actor by, UUID teamId, TeamEntry.Kind kind, List<String> texts) {
        if (kind != TeamEntry.Kind.SOAP && kind != TeamEntry.Kind.CARE_NOTE) {
            throw new IllegalArgumentException("not a note: " + kind);
        }
        List<String> payload = new ArrayList<>();
        if (kind == TeamEntry.Kind.SOAP) {
            String[] labels = {"S", "O", "A", "P"};
            for (int i = 0; i < Math.min(4, texts.size()); i++) {
                if (texts.get(i) != null && !texts.get(i).isBlank()) {
                    payload.add(labels[i] + ": " + texts.get(i).strip());
                }
            }
        } else if (!texts.isEmpty() && texts.getFirst() != null && !texts.getFirst().isBlank()) {
            payload.add(texts.getFirst().strip());
        }
        if (payload.isEmpty()) {
            throw new Refused(TeamWorkspace.INVALID);
        }
        CareTeam team = workspace.member(by, teamId, "Communication");
        return workspace.enter(by, team, "Communication", DataCategory.CARE_RECORDS, at -> {
            String id = UUID.randomUUID().toString();
            return new TeamWorkspace.Made(List.of(workspace.parts().records().note(team.id(), at.own(), id,
                    workspace.name(by.userId()), kind, payload)),
                    workspace.entry(id, team, at.own(), kind, by, null, null, null));
        });
    }
}

package org.musubi.carenet;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.policy.DataCategory;
import org.musubi.record.ResourceWrite;

/** A live member records vital signs measured now in the team's workspace: one Observation per measure. */
public final class RecordTeamVitals {

    /** A measure of vital signs the team records. */
    public enum Measure { SYSTOLIC, DIASTOLIC, PULSE, TEMPERATURE, SPO2, WEIGHT }

    private final TeamWorkspace workspace;

    public RecordTeamVitals(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Vital signs measured now (blood pressure needs both parts; each value within what a body can measure, else
     * {@link TeamWorkspace#INVALID}); returns the first Observation's id.
     */
    public String record(CareTeams.Actor by, UUID teamId, Map<Measure, BigDecimal> values) {
        Map<TeamRecords.Measure, BigDecimal> measures = new LinkedHashMap<>();
        values.forEach((m, v) -> {
            if (v != null) {
                measures.put(TeamRecords.Measure.valueOf(m.name()), v);
            }
        });
        if (measures.isEmpty() || measures.containsKey(TeamRecords.Measure.SYSTOLIC)
                != measures.containsKey(TeamRecords.Measure.DIASTOLIC) || !plausible(measures)) {
            throw new Refused(TeamWorkspace.INVALID);
        }
        CareTeam team = workspace.member(by, teamId, "Observation");
        return workspace.enter(by, team, "Observation", DataCategory.VITALS, at -> {
            List<ResourceWrite> written = workspace.parts().records().vitals(team.id(), at.own(),
                    workspace.name(by.userId()), measures);
            return new TeamWorkspace.Made(written, written.stream().map(w -> workspace.entry(w.id(), team, at.own(),
                    TeamEntry.Kind.VITALS, by, null, null, null)).toList());
        });
    }

    /** Whether each value is within what a body can measure (the one table's range; nothing is stored otherwise). */
    private static boolean plausible(Map<TeamRecords.Measure, BigDecimal> values) {
        return values.entrySet().stream().allMatch(e -> e.getKey().sign.range().plausible(e.getValue()));
    }
}

package org.musubi.carenet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.PersonAccess;

/** The home page's work list counts the care-team tasks waiting for the user. */
public final class CountWaitingTeamTasks {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final TeamWorkspace workspace;

    public CountWaitingTeamTasks(TeamWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * How many open tasks wait for the user and how many are overdue (the home page's work list): counted from the
     * team's table, for the teams they are a live member of, leaving out every person the policy would not show the
     * user now (decided unaudited, {@link PersonAccess#glance}: a count, never content).
     */
    public int[] count(long userId, Long facilityId, Instant now) {
        if (facilityId == null) {
            return new int[] {0, 0};
        }
        List<TeamEntry> open = workspace.entries().openTasksOf(userId, facilityId, now);
        Map<Long, Boolean> seen = new HashMap<>();
        LocalDate today = LocalDate.ofInstant(now, JAPAN);
        int count = 0;
        int overdue = 0;
        for (TeamEntry e : open) {
            boolean sees = seen.computeIfAbsent(e.personId(), p -> workspace.parts().access().glance(userId, p)
                    .sees(new DataItem(e.facilityId(), DataCategory.CARE_RECORDS)));
            if (sees) {
                count++;
                overdue += e.overdue(today) ? 1 : 0;
            }
        }
        return new int[] {count, overdue};
    }
}

package org.musubi.carenet.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.carenet.TeamEntries;
import org.musubi.carenet.TeamEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link TeamEntries} in PostgreSQL ({@code care_team_entry}). */
public final class JdbcTeamEntries implements TeamEntries {

    private static final String COLUMNS = "e.resource_id, e.team_id, e.person_id, e.facility_id, e.kind, e.written_by, "
            + "e.written_at, e.assignee, e.due, e.status";
    private final JdbcClient jdbc;

    public JdbcTeamEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(TeamEntry e) {
        jdbc.sql("INSERT INTO care_team_entry (resource_id, team_id, person_id, facility_id, kind, written_by, "
                        + "written_at, assignee, due, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.resourceId(), e.teamId(), e.personId(), e.facilityId(), e.kind().name(), e.writtenBy(),
                        Timestamp.from(e.writtenAt()), e.assignee(), e.due(), e.status())
                .update();
    }

    @Override
    public void status(String taskId, String status) {
        jdbc.sql("UPDATE care_team_entry SET status = ? WHERE resource_id = ? AND kind = 'TASK'")
                .params(status, taskId).update();
    }

    @Override
    public Optional<TeamEntry> find(String resourceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM care_team_entry e WHERE e.resource_id = ?").params(resourceId)
                .query(JdbcTeamEntries::entry).optional();
    }

    @Override
    public List<TeamEntry> page(UUID teamId, Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM care_team_entry e WHERE e.team_id = ? AND (CAST(? AS timestamptz)"
                        + " IS NULL OR e.written_at < ?) ORDER BY e.written_at DESC, e.resource_id LIMIT ?")
                .params(teamId, ts(before), ts(before), limit).query(JdbcTeamEntries::entry).list();
    }

    @Override
    public Optional<Instant> lastWritten(UUID teamId, long userId) {
        return jdbc.sql("SELECT max(written_at) FROM care_team_entry WHERE team_id = ? AND written_by = ?")
                .params(teamId, userId).query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    @Override
    public List<TeamEntry> openTasksOf(long userId, long facilityId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM care_team_entry e JOIN care_team_member m ON m.team_id = e.team_id"
                        + " AND m.user_id = e.assignee AND m.facility_id = ? AND m.ended_at IS NULL"
                        + " AND (m.valid_until IS NULL OR m.valid_until > ?)"
                        + " WHERE e.assignee = ? AND e.kind = 'TASK' AND e.status IN ('requested', 'in-progress')"
                        + " ORDER BY e.due NULLS LAST, e.written_at")
                .params(facilityId, Timestamp.from(now), userId).query(JdbcTeamEntries::entry).list();
    }

    @Override
    public List<TeamEntry> openTasks(UUID teamId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM care_team_entry e WHERE e.team_id = ? AND e.kind = 'TASK'"
                        + " AND e.status IN ('requested', 'in-progress') ORDER BY e.due NULLS LAST, e.written_at")
                .params(teamId).query(JdbcTeamEntries::entry).list();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static TeamEntry entry(ResultSet rs, int row) throws SQLException {
        long assignee = rs.getLong("assignee");
        Long assigned = rs.wasNull() ? null : assignee;
        java.sql.Date due = rs.getDate("due");
        return new TeamEntry(rs.getString("resource_id"), rs.getObject("team_id", UUID.class), rs.getLong("person_id"),
                rs.getLong("facility_id"), TeamEntry.Kind.valueOf(rs.getString("kind")), rs.getLong("written_by"),
                rs.getTimestamp("written_at").toInstant(), assigned, due == null ? null : due.toLocalDate(),
                rs.getString("status"));
    }
}

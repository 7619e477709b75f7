package org.musubi.research.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.musubi.research.ProjectStatus;
import org.musubi.research.ResearchProject;
import org.musubi.research.ResearchProjects;
import org.musubi.research.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@code research_project} and {@code research_project_user}; scopes as JSON. */
public final class JdbcResearchProjects implements ResearchProjects {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = "SELECT p.id, p.title, p.institution, p.purpose, p.ethics_number, p.ethics_blob,"
            + " p.ethics_size, p.period_from, p.period_to, p.requested::text, p.approved::text, p.status,"
            + " p.decision_reason, p.applied_by, p.applied_at, p.decided_by, p.decided_at,"
            + " ARRAY(SELECT u.user_id FROM research_project_user u WHERE u.project_id = p.id ORDER BY u.user_id),"
            + " p.deid_config FROM research_project p";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcResearchProjects(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public long add(Application a) {
        return transactions.execute(status -> {
            long id = jdbc.sql("INSERT INTO research_project (title, institution, purpose, ethics_number, ethics_blob,"
                            + " ethics_size, period_from, period_to, requested, status, applied_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'APPLIED', ?) RETURNING id")
                    .params(a.title(), a.institution(), a.purpose(), a.ethicsNumber(), a.ethicsBlob(), a.ethicsSize(),
                            a.periodFrom(), a.periodTo(), JSON.writeValueAsString(a.requested()), a.appliedBy())
                    .query(Long.class).single();
            a.namedUsers().forEach(user -> jdbc.sql("INSERT INTO research_project_user (project_id, user_id) VALUES (?, ?)")
                    .params(id, user).update());
            return id;
        });
    }

    @Override
    public Optional<ResearchProject> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(JdbcResearchProjects::project).optional();
    }

    @Override
    public List<ResearchProject> all() {
        return jdbc.sql(SELECT + " ORDER BY p.id DESC").query(JdbcResearchProjects::project).list();
    }

    @Override
    public List<ResearchProject> naming(long userId) {
        return jdbc.sql(SELECT + " WHERE EXISTS (SELECT 1 FROM research_project_user u WHERE u.project_id = p.id"
                + " AND u.user_id = ?) ORDER BY p.id DESC").param(userId).query(JdbcResearchProjects::project).list();
    }

    @Override
    public List<ResearchProject> approved(LocalDate today) {
        return jdbc.sql(SELECT + " WHERE p.status IN ('APPROVED', 'NARROWED') AND p.period_to >= ? ORDER BY p.title, p.id")
                .param(today).query(JdbcResearchProjects::project).list();
    }

    @Override
    public boolean decide(long id, ProjectStatus from, ProjectStatus to, Scope approved, String reason, Long by,
                          String deidConfig) {
        boolean ends = to == ProjectStatus.CLOSED || to == ProjectStatus.EXPIRED;
        String set = ends ? "status = ?, ended_at = now()"
                : "status = ?, approved = ?::jsonb, decision_reason = ?, decided_by = ?, decided_at = now(), deid_config = ?";
        JdbcClient.StatementSpec sql = jdbc.sql("UPDATE research_project SET " + set + " WHERE id = ? AND status = ?");
        sql = ends ? sql.params(to.name(), id, from.name())
                : sql.params(to.name(), approved == null ? null : JSON.writeValueAsString(approved), reason, by,
                        deidConfig, id, from.name());
        return sql.update() == 1;
    }

    @Override
    public List<Long> expire(LocalDate today) {
        return jdbc.sql("UPDATE research_project SET status = 'EXPIRED', ended_at = now()"
                        + " WHERE status IN ('APPROVED', 'NARROWED') AND period_to < ? RETURNING id")
                .param(today).query(Long.class).list();
    }

    private static ResearchProject project(ResultSet rs, int n) throws SQLException {
        Long[] users = (Long[]) rs.getArray(18).getArray();
        Timestamp decided = rs.getTimestamp(17);
        return new ResearchProject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                scope(rs.getString(10)), scope(rs.getString(11)), ProjectStatus.valueOf(rs.getString(12)),
                rs.getString(13), rs.getLong(14), rs.getTimestamp(15).toInstant(), (Long) rs.getObject(16),
                decided == null ? null : decided.toInstant(), List.of(users), rs.getString(19));
    }

    private static Scope scope(String json) {
        return json == null ? null : JSON.readValue(json, Scope.class);
    }

}

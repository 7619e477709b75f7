package org.musubi.carenet.enrolment.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.musubi.carenet.enrolment.Enrolment;
import org.musubi.carenet.enrolment.EnrolmentStore;
import org.musubi.carenet.enrolment.StageState;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link EnrolmentStore} in PostgreSQL (V54). */
public final class JdbcEnrolmentStore implements EnrolmentStore {

    private final JdbcClient jdbc;

    public JdbcEnrolmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Enrolment e) {
        jdbc.sql("""
                        INSERT INTO pathway_enrolment (id, person_id, template_code, template_version, facility_id,
                            enrolled_by, enrolled_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.personId(), e.templateCode(), e.templateVersion(), e.facilityId(), e.enrolledBy(),
                        Timestamp.from(e.enrolledAt()), e.status().name()).update();
        for (StageState s : e.stages()) {
            jdbc.sql("""
                            INSERT INTO pathway_stage (enrolment_id, position, stage_code, person_id,
                                assigned_facility_id, due_on) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(e.id(), s.position(), s.stageCode(), e.personId(), s.assignedFacilityId(),
                            Date.valueOf(s.dueOn())).update();
        }
    }

    @Override
    public Optional<Enrolment> find(UUID id) {
        return withStages(jdbc.sql("SELECT * FROM pathway_enrolment WHERE id = ?").param(id)
                .query(JdbcEnrolmentStore::enrolment).list()).stream().findFirst();
    }

    @Override
    public List<Enrolment> ofPerson(long personId) {
        return withStages(jdbc.sql("SELECT * FROM pathway_enrolment WHERE person_id = ? ORDER BY enrolled_at DESC")
                .param(personId).query(JdbcEnrolmentStore::enrolment).list());
    }

    @Override
    public boolean fill(UUID id, int position, Instant at, long userId, long facilityId, String responseId) {
        return jdbc.sql("""
                        UPDATE pathway_stage SET filled_at = ?, filled_by = ?, filled_facility_id = ?, response_id = ?
                        WHERE enrolment_id = ? AND position = ? AND filled_at IS NULL""")
                .params(Timestamp.from(at), userId, facilityId, responseId, id, position).update() == 1;
    }

    @Override
    public void assign(UUID id, int position, Long facilityId) {
        jdbc.sql("UPDATE pathway_stage SET assigned_facility_id = ? WHERE enrolment_id = ? AND position = ? "
                + "AND filled_at IS NULL").params(facilityId, id, position).update();
    }

    @Override
    public boolean end(UUID id, Enrolment.Status status, Instant at, Long by) {
        return jdbc.sql("UPDATE pathway_enrolment SET status = ?, ended_at = ?, ended_by = ? WHERE id = ? "
                + "AND status = 'ACTIVE'").params(status.name(), Timestamp.from(at), by, id).update() == 1;
    }

    /**
     * A facility's open link to the enrolment's person (consent's {@code patient_link}, by its index): a facility
     * without one lists nothing of the person, even a stage assigned to it. The policy still decides every page opened
     * from the list (and a link's idle period, which this does not ask).
     */
    private static final String LINKED = """
            EXISTS (SELECT 1 FROM patient_link l WHERE l.person_id = e.person_id AND l.facility_id = %s
                    AND l.ended_at IS NULL)""";

    /** The facility's enrolments: enrolled there, or with a stage assigned to it (both by index), while linked. */
    private static final String OF_FACILITY = "FROM pathway_enrolment e WHERE e.id IN ("
            + " SELECT id FROM pathway_enrolment WHERE facility_id = :facility"
            + " UNION SELECT enrolment_id FROM pathway_stage WHERE assigned_facility_id = :facility)"
            + " AND " + LINKED.formatted(":facility")
            + " AND (CAST(:template AS TEXT) IS NULL OR e.template_code = :template)"
            + " AND (CAST(:status AS TEXT) IS NULL OR e.status = :status)";

    @Override
    public Page<Enrolment> forFacility(ListQuery q, PageRequest page) {
        String status = q.status() == null ? null : q.status().name();
        String template = q.templateCode() == null || q.templateCode().isBlank() ? null : q.templateCode();
        long total = jdbc.sql("SELECT count(*) " + OF_FACILITY).param("facility", q.facilityId())
                .param("template", template).param("status", status).query(Long.class).single();
        List<Enrolment> rows = jdbc.sql("SELECT e.* " + OF_FACILITY + " ORDER BY e.enrolled_at DESC, e.id "
                        + "LIMIT :size OFFSET :offset").param("facility", q.facilityId()).param("template", template)
                .param("status", status).param("size", page.size()).param("offset", page.offset())
                .query(JdbcEnrolmentStore::enrolment).list();
        return new Page<>(withStages(rows), page, total);
    }

    @Override
    public Counts waiting(long facilityId, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) AS due, count(*) FILTER (WHERE s.due_on < ?) AS overdue
                        FROM pathway_stage s JOIN pathway_enrolment e ON e.id = s.enrolment_id
                        WHERE s.assigned_facility_id = ? AND s.filled_at IS NULL AND e.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM pathway_stage p WHERE p.enrolment_id = s.enrolment_id
                                          AND p.position < s.position AND p.filled_at IS NULL)
                        """ + " AND " + LINKED.formatted("?").replace("e.person_id", "s.person_id"))
                .params(Date.valueOf(today), facilityId, facilityId)
                .query((rs, n) -> new Counts(rs.getInt("due"), rs.getInt("overdue"))).single();
    }

    @Override
    public List<StatusCount> statusCounts() {
        return jdbc.sql("SELECT template_code, status, count(*) AS n FROM pathway_enrolment GROUP BY 1, 2 ORDER BY 1, 2")
                .query((rs, n) -> new StatusCount(rs.getString("template_code"),
                        Enrolment.Status.valueOf(rs.getString("status")), rs.getLong("n"))).list();
    }

    @Override
    public List<StageTime> stageTimes() {
        return jdbc.sql("""
                        WITH t AS (
                            SELECT e.template_code, s.stage_code, s.position, s.filled_at,
                                   EXTRACT(EPOCH FROM s.filled_at - COALESCE(lag(s.filled_at) OVER (
                                       PARTITION BY s.enrolment_id ORDER BY s.position), e.enrolled_at)) / 86400.0 AS days
                            FROM pathway_stage s JOIN pathway_enrolment e ON e.id = s.enrolment_id)
                        SELECT template_code, stage_code, min(position) AS position, count(*) AS n,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median, avg(days) AS mean
                        FROM t WHERE filled_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 3""")
                .query((rs, n) -> new StageTime(rs.getString("template_code"), rs.getString("stage_code"),
                        rs.getInt("position"), rs.getLong("n"), rs.getDouble("median"), rs.getDouble("mean"))).list();
    }

    private List<Enrolment> withStages(List<Enrolment> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        Map<UUID, List<StageState>> stages = new LinkedHashMap<>();
        Collection<UUID> ids = bare.stream().map(Enrolment::id).toList();
        jdbc.sql("SELECT * FROM pathway_stage WHERE enrolment_id IN (:ids) ORDER BY enrolment_id, position")
                .param("ids", ids).query(rs -> {
                    stages.computeIfAbsent(rs.getObject("enrolment_id", UUID.class), k -> new ArrayList<>())
                            .add(stage(rs));
                });
        return bare.stream().map(e -> new Enrolment(e.id(), e.personId(), e.templateCode(), e.templateVersion(),
                e.facilityId(), e.enrolledBy(), e.enrolledAt(), e.status(), e.endedAt(),
                stages.getOrDefault(e.id(), List.of()))).toList();
    }

    private static StageState stage(ResultSet rs) throws SQLException {
        return new StageState(rs.getInt("position"), rs.getString("stage_code"),
                (Long) rs.getObject("assigned_facility_id"), rs.getDate("due_on").toLocalDate(),
                instant(rs.getTimestamp("filled_at")), (Long) rs.getObject("filled_by"),
                (Long) rs.getObject("filled_facility_id"), rs.getString("response_id"));
    }

    private static Enrolment enrolment(ResultSet rs, int row) throws SQLException {
        return new Enrolment(rs.getObject("id", UUID.class), rs.getLong("person_id"), rs.getString("template_code"),
                rs.getString("template_version"), rs.getLong("facility_id"), rs.getLong("enrolled_by"),
                instant(rs.getTimestamp("enrolled_at")), Enrolment.Status.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("ended_at")), List.of());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

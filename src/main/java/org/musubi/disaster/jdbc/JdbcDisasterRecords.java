package org.musubi.disaster.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.database.ChangeVersions;
import org.musubi.disaster.DisasterArea;
import org.musubi.disaster.DisasterMode;
import org.musubi.disaster.DisasterPeriod;
import org.musubi.disaster.DisasterRecords;
import org.musubi.disaster.Municipality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disaster periods, their municipalities and the responder designations (V35); each change bumps disaster mode's
 * version (V41) in its transaction.
 */
@Repository
class JdbcDisasterRecords implements DisasterRecords {

    private final JdbcClient jdbc;
    private final ChangeVersions versions;

    JdbcDisasterRecords(JdbcClient jdbc, ChangeVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Override
    public List<DisasterPeriod> open() {
        return periods("WHERE ended_at IS NULL ORDER BY id", List.of());
    }

    @Override
    public List<DisasterPeriod> history(int limit) {
        return periods("ORDER BY id DESC LIMIT ?", List.of(limit));
    }

    @Override
    @Transactional
    public DisasterPeriod start(DisasterArea area, String note, Instant plannedEnd, long userId, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO disaster_period (network_wide, note, started_at, started_by, planned_end)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(area.networkWide(), note, Timestamp.from(now), userId, plannedEnd == null ? null : Timestamp.from(plannedEnd))
                .query(Long.class).single();
        for (Municipality m : new LinkedHashSet<>(area.municipalities())) {
            jdbc.sql("INSERT INTO disaster_area (period_id, prefecture, municipality) VALUES (?, ?, ?)")
                    .params(id, m.prefecture(), m.name()).update();
        }
        versions.bump(DisasterMode.KIND);
        return new DisasterPeriod(id, area, note, now, userId, plannedEnd, null, null, null);
    }

    @Override
    @Transactional
    public boolean end(long periodId, String note, long userId, Instant now) {
        return changed(jdbc.sql("""
                UPDATE disaster_period SET ended_at = ?, ended_by = ?, end_note = ?
                WHERE id = ? AND ended_at IS NULL AND (planned_end IS NULL OR planned_end > ?)""")
                .params(Timestamp.from(now), userId, note, periodId, Timestamp.from(now)).update() == 1);
    }

    /** Bumps disaster mode's version when something changed (in the change's transaction). */
    private boolean changed(boolean changed) {
        if (changed) {
            versions.bump(DisasterMode.KIND);
        }
        return changed;
    }

    @Override
    public Set<Long> responders() {
        return new HashSet<>(jdbc.sql("SELECT facility_id FROM disaster_responder").query(Long.class).list());
    }

    @Override
    @Transactional
    public boolean designate(long facilityId, boolean responder, long userId, Instant now) {
        if (!responder) {
            return changed(jdbc.sql("DELETE FROM disaster_responder WHERE facility_id = ?").param(facilityId)
                    .update() == 1);
        }
        return changed(jdbc.sql("""
                INSERT INTO disaster_responder (facility_id, designated_at, designated_by) VALUES (?, ?, ?)
                ON CONFLICT (facility_id) DO NOTHING""").params(facilityId, Timestamp.from(now), userId).update() == 1);
    }

    private List<DisasterPeriod> periods(String tail, List<Object> params) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM disaster_period " + tail).params(params).query((rs, n) -> row(rs)).list()
                .forEach(r -> rows.put(r.id(), r));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Municipality>> areas = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM disaster_area WHERE period_id IN (SELECT id FROM disaster_period " + tail
                        + ") ORDER BY prefecture, municipality")
                .params(params)
                .query((rs, n) -> {
                    areas.computeIfAbsent(rs.getLong("period_id"), k -> new ArrayList<>())
                            .add(new Municipality(rs.getInt("prefecture"), rs.getString("municipality")));
                    return null;
                }).list();
        return rows.values().stream().map(r -> r.period(areas.getOrDefault(r.id(), List.of()))).toList();
    }

    private record Row(long id, boolean networkWide, String note, Instant startedAt, long startedBy, Instant plannedEnd,
                       Instant endedAt, Long endedBy, String endNote) {

        DisasterPeriod period(List<Municipality> municipalities) {
            DisasterArea area = networkWide ? DisasterArea.wholeNetwork() : DisasterArea.of(municipalities);
            return new DisasterPeriod(id, area, note, startedAt, startedBy, plannedEnd, endedAt, endedBy, endNote);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getBoolean("network_wide"), rs.getString("note"), instant(rs, "started_at"),
                rs.getLong("started_by"), instant(rs, "planned_end"), instant(rs, "ended_at"),
                rs.getObject("ended_by", Long.class), rs.getString("end_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

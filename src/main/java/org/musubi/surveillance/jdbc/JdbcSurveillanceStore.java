package org.musubi.surveillance.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.surveillance.SurveillanceStore;
import org.musubi.surveillance.Syndrome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The surveillance's tables: {@code surveillance_syndrome} and {@code surveillance_count}, with the facility's
 * municipality from {@code facility_profile}. Counts only; nothing here reads the record store.
 */
public final class JdbcSurveillanceStore implements SurveillanceStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcSurveillanceStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<Syndrome> syndromes() {
        return jdbc.sql("SELECT code, name_ja, name_en, icd10, disease_codes, k, min_count FROM surveillance_syndrome"
                        + " ORDER BY sort_order, code")
                .query((rs, n) -> new Syndrome(rs.getString(1), rs.getString(2), rs.getString(3), texts(rs, 4),
                        texts(rs, 5), rs.getDouble(6), rs.getInt(7)))
                .list();
    }

    @Override
    public Map<String, Integer> reported(long facilityId, LocalDate day) {
        return counts("SELECT syndrome, reported FROM surveillance_count WHERE facility_id = ? AND day = ?"
                + " AND reported IS NOT NULL", facilityId, day);
    }

    @Override
    public Map<String, Integer> counted(long facilityId, LocalDate day) {
        return counts("SELECT syndrome, coalesce(reported, derived) FROM surveillance_count WHERE facility_id = ?"
                + " AND day = ?", facilityId, day);
    }

    @Override
    public Map<Long, Map<String, Integer>> countedOn(LocalDate day) {
        Map<Long, Map<String, Integer>> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT facility_id, syndrome, coalesce(reported, derived) FROM surveillance_count WHERE day = ?"
                + " AND coalesce(reported, derived) IS NOT NULL ORDER BY facility_id, syndrome").params(day)
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getLong(1), f -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return counts;
    }

    private Map<String, Integer> counts(String sql, long facilityId, LocalDate day) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql(sql).params(facilityId, day).query((ResultSet rs) -> {
            counts.put(rs.getString(1), rs.getInt(2));
        });
        return counts;
    }

    @Override
    public void report(long facilityId, LocalDate day, Map<String, Integer> counts, Long userId) {
        transactions.executeWithoutResult(status -> counts.forEach((syndrome, count) -> jdbc.sql(
                        "INSERT INTO surveillance_count (facility_id, day, syndrome, reported, reported_by)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (facility_id, day, syndrome) DO UPDATE"
                                + " SET reported = excluded.reported, reported_by = excluded.reported_by, updated_at = now()")
                .params(facilityId, day, syndrome, count, userId).update()));
    }

    @Override
    public void derive(long facilityId, LocalDate day, Map<String, Integer> counts) {
        transactions.executeWithoutResult(status -> counts.forEach((syndrome, count) -> jdbc.sql(
                        "INSERT INTO surveillance_count (facility_id, day, syndrome, derived) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (facility_id, day, syndrome) DO UPDATE SET derived = excluded.derived,"
                                + " updated_at = now()")
                .params(facilityId, day, syndrome, count).update()));
    }

    @Override
    public List<Cell> byMunicipality(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT coalesce(p.municipality, ''), c.day, c.syndrome, sum(coalesce(c.reported, c.derived))"
                        + " FROM surveillance_count c LEFT JOIN facility_profile p ON p.facility_id = c.facility_id"
                        + " WHERE c.day BETWEEN ? AND ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
                .params(from, to)
                .query((rs, n) -> new Cell(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getLong(4)))
                .list();
    }

    /**
     * The stored Conditions' codes as the record's code index gives them ({@code research_code}, filled by
     * {@code research_codes(content)}, V84: the one SQL reading of a Condition's codes; no row for a refuted or
     * mistaken diagnosis, or a deleted one): a syndrome's ICD-10 codes match as prefixes (every prefix of a code is a
     * row, dots left out), its 傷病名マスター codes match a disease master code exactly. A person counts once per facility,
     * day and syndrome; the day is Japan's (onset, else recorded, else the row's last update).
     */
    private static final String DERIVE = """
            INSERT INTO surveillance_count (facility_id, day, syndrome, derived)
            SELECT r.source_facility, (coalesce(c.clinical_date, r.last_updated) AT TIME ZONE 'Asia/Tokyo')::date, s.code,
                   count(DISTINCT c.patient_key)
            FROM surveillance_syndrome s
            JOIN research_code c ON c.code_prefix = ANY (
                ARRAY(SELECT 'icd:' || upper(replace(p, '.', '')) FROM unnest(s.icd10) AS i(p))
                || ARRAY(SELECT 'dis:' || btrim(d) FROM unnest(s.disease_codes) AS e(d)))
            JOIN resource r ON r.patient_key = c.patient_key AND r.id = c.resource_id
            WHERE r.type = 'Condition' AND NOT r.deleted
              AND coalesce(c.clinical_date, r.last_updated) >= (?::date)::timestamp AT TIME ZONE 'Asia/Tokyo'
            GROUP BY 1, 2, 3
            ON CONFLICT (facility_id, day, syndrome) DO UPDATE SET derived = excluded.derived, updated_at = now()
            """;

    @Override
    public int deriveFromConditions(LocalDate from) {
        return transactions.execute(status -> {
            jdbc.sql("UPDATE surveillance_count SET derived = 0 WHERE day >= ? AND derived <> 0").param(from).update();
            return jdbc.sql(DERIVE).param(from).update();
        });
    }

    @Override
    public Optional<String> municipality(long facilityId) {
        return jdbc.sql("SELECT municipality FROM facility_profile WHERE facility_id = ? AND municipality IS NOT NULL")
                .param(facilityId).query(String.class).optional();
    }

    private static List<String> texts(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

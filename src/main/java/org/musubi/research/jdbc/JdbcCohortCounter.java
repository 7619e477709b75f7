package org.musubi.research.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.musubi.research.CohortCounter;
import org.musubi.research.CountQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts persons in one SQL statement, grouped by sex and age band. Each code group is one look-up of the GIN index
 * {@code resource_research_codes} (V77: every prefix of each Condition's ICD-10 code and each medication's YJ/HOT
 * code), joined through {@code person_link} to the person (a merged person counts as the person it was merged into);
 * the persons are then filtered by age on the day, sex and municipality (the registered address names it), and every
 * person who opted out — or was merged from one who did — is left out. Only sums leave the database.
 */
public final class JdbcCohortCounter implements CohortCounter {

    /** Exactly the partial index's predicate, so that the planner uses it. */
    private static final String INDEXED = "r.type IN ('Condition', 'MedicationRequest', 'MedicationStatement',"
            + " 'MedicationDispense') AND NOT r.deleted";

    private final JdbcClient jdbc;

    public JdbcCohortCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Cell> count(CountQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        sql.append("SELECT CASE WHEN p.sex IN ('MALE', 'FEMALE') THEN p.sex ELSE 'OTHER' END, b.band, count(*)");
        cohort(q, sql, params);
        sql.append(" GROUP BY 1, 2");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Cell(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    /** The same persons as {@link #count}, by id (ascending): exactly what the count counts. */
    @Override
    public List<Long> members(CountQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT p.id");
        cohort(q, sql, params);
        sql.append(" ORDER BY p.id");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> rs.getLong(1)).list();
    }

    /** Everything after the SELECT list: the code groups (as CTEs before it), the person filters, the opt-outs. */
    private static void cohort(CountQuery q, StringBuilder select, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        for (int g = 0; g < q.codeGroups().size(); g++) {
            sql.append(g == 0 ? "WITH " : ", ").append("g").append(g).append(" AS (SELECT DISTINCT")
                    .append(" coalesce(lp.merged_into, lp.id) AS pid FROM resource r")
                    .append(" JOIN person_link pl ON pl.source_patient_id = r.patient_key")
                    .append(" JOIN person lp ON lp.id = pl.person_id WHERE ").append(INDEXED)
                    .append(" AND research_codes(r.content) && ?::text[]");
            params.add(q.codeGroups().get(g).toArray(String[]::new));
            if (q.from() != null) {
                sql.append(" AND r.clinical_date >= (?::date)::timestamp AT TIME ZONE 'Asia/Tokyo'");
                params.add(q.from());
            }
            if (q.to() != null) {
                sql.append(" AND r.clinical_date < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'");
                params.add(q.to());
            }
            sql.append(")\n");
        }
        sql.append(select);
        sql.append(" FROM person p CROSS JOIN LATERAL (SELECT date_part('year', age(?::date, p.birth_date))::int AS age) a")
                .append(" CROSS JOIN LATERAL (SELECT ");
        params.add(q.ageDay());
        List<Integer> bands = BANDS;
        sql.append("CASE");
        for (int i = bands.size() - 1; i >= 1; i--) {
            sql.append(" WHEN a.age >= ").append(bands.get(i)).append(" THEN ").append(i);
        }
        sql.append(" ELSE 0 END AS band) b WHERE p.status <> 'MERGED'");
        sql.append(" AND p.birth_date <= ?::date AND a.age BETWEEN ? AND ?");
        params.add(q.ageDay());
        params.add(q.ageFrom());
        params.add(q.ageTo());
        for (String sex : q.sexes()) {
            sql.append(" AND p.sex = ?");
            params.add(sex);
        }
        for (String municipality : q.municipalities()) {
            sql.append(" AND strpos(p.address, ?) > 0");
            params.add(municipality);
        }
        for (int g = 0; g < q.codeGroups().size(); g++) {
            sql.append(" AND p.id IN (SELECT pid FROM g").append(g).append(")");
        }
        sql.append(" AND NOT EXISTS (SELECT 1 FROM research_opt_out o WHERE o.person_id = p.id)")
                .append(" AND NOT EXISTS (SELECT 1 FROM research_opt_out o JOIN person m ON m.id = o.person_id")
                .append(" WHERE m.merged_into = p.id)");
        select.setLength(0);
        select.append(sql);
    }
}

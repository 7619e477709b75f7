package org.musubi.research.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.musubi.research.CohortCounter;
import org.musubi.research.CountQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts persons in one SQL statement, grouped by sex and age band. Each code group is one index-only scan of the
 * record's narrow code table {@code research_code} (V81: one row per prefix of each live Condition's ICD-10 code and each
 * medication's YJ/HOT code, with its source patient and clinical date, kept by the record store's writes), whose source
 * patients are joined through {@code person_link} to the person (a merged person counts as the person it was merged
 * into); the persons are then filtered by age on the day, sex and municipality (the registered address names it), and
 * every person who opted out — or was merged from one who did — is left out. Only sums leave the database.
 */
public final class JdbcCohortCounter implements CohortCounter {

    private final JdbcClient jdbc;

    public JdbcCohortCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Cell> count(CountQuery q) {
        Statement statement = statement(q);
        return jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, n) -> new Cell(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    /** The same persons as {@link #count}, by id (ascending): exactly what the count counts. */
    @Override
    public List<Long> members(CountQuery q) {
        Statement statement = select(q, "p.id", " ORDER BY p.id");
        return jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> rs.getLong(1)).list();
    }

    /** The SQL a count runs and its parameters (for a benchmark's EXPLAIN). */
    public record Statement(String sql, List<Object> params) {
    }

    /** The one statement that counts {@code q}. */
    public static Statement statement(CountQuery q) {
        return select(q, "CASE WHEN p.sex IN ('MALE', 'FEMALE') THEN p.sex ELSE 'OTHER' END, b.band, count(*)",
                " GROUP BY 1, 2");
    }

    /** {@code SELECT what} over the persons {@code q} asks for, then {@code tail} (grouping or order). */
    private static Statement select(CountQuery q, String what, String tail) {
        List<Object> params = new ArrayList<>();
        // Each set is computed once (MATERIALIZED) and the person table is then read through them: the planner cannot
        // estimate how many rows a code prefix matches, and a low guess made it loop over whole sets per person.
        StringBuilder sql = new StringBuilder("WITH excluded AS MATERIALIZED (SELECT person_id AS pid FROM research_opt_out")
                .append(" UNION SELECT m.merged_into FROM research_opt_out o JOIN person m ON m.id = o.person_id")
                .append(" WHERE m.merged_into IS NOT NULL)\n")
                // the few merged persons, looked up in memory rather than by index for every matching record
                .append(", merged AS MATERIALIZED (SELECT id, merged_into FROM person WHERE merged_into IS NOT NULL)\n");
        for (int g = 0; g < q.codeGroups().size(); g++) {
            // the code group's source patients from the index alone (prefix, patient, date), each once, then their persons
            sql.append(", g").append(g).append(" AS MATERIALIZED (SELECT DISTINCT")
                    .append(" coalesce(mp.merged_into, pl.person_id) AS pid FROM (SELECT DISTINCT rc.patient_key")
                    .append(" FROM research_code rc WHERE rc.code_prefix = ANY(?::text[])");
            params.add(q.codeGroups().get(g).toArray(String[]::new));
            if (q.from() != null) {
                sql.append(" AND rc.clinical_date >= (?::date)::timestamp AT TIME ZONE 'Asia/Tokyo'");
                params.add(q.from());
            }
            if (q.to() != null) {
                sql.append(" AND rc.clinical_date < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'");
                params.add(q.to());
            }
            sql.append(") r JOIN person_link pl ON pl.source_patient_id = r.patient_key")
                    .append(" LEFT JOIN merged mp ON mp.id = pl.person_id)\n");
        }
        boolean cohort = !q.codeGroups().isEmpty();
        if (cohort) {
            sql.append(", cohort AS MATERIALIZED (");
            for (int g = 0; g < q.codeGroups().size(); g++) {
                sql.append(g == 0 ? "" : " INTERSECT ").append("SELECT pid FROM g").append(g);
            }
            sql.append(")\n");
        }
        sql.append("SELECT ").append(what).append(" FROM ")
                .append(cohort ? "cohort c JOIN person p ON p.id = c.pid" : "person p")
                .append(" CROSS JOIN LATERAL (SELECT date_part('year', age(?::date, p.birth_date))::int AS age) a")
                .append(" CROSS JOIN LATERAL (SELECT ");
        params.add(q.ageDay());
        List<Integer> bands = BANDS;
        sql.append("CASE");
        for (int i = bands.size() - 1; i >= 1; i--) {
            sql.append(" WHEN a.age >= ").append(bands.get(i)).append(" THEN ").append(i);
        }
        sql.append(" ELSE 0 END AS band) b WHERE p.status <> 'MERGED'");
        // the birth dates the ages allow, a day wider on each side (the exact age is checked after): a range the planner
        // can use, before an age is computed for every person
        sql.append(" AND p.birth_date <= ?::date AND p.birth_date <= ?::date AND p.birth_date > ?::date")
                .append(" AND a.age BETWEEN ? AND ?");
        params.add(q.ageDay());
        params.add(q.ageDay().minusYears(q.ageFrom()).plusDays(1));
        params.add(q.ageDay().minusYears(q.ageTo() + 1L).minusDays(1));
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
        // NOT IN over a set without nulls: one hashed look-up per person (the set is small: those who opted out)
        sql.append(" AND p.id NOT IN (SELECT pid FROM excluded WHERE pid IS NOT NULL)").append(tail);
        return new Statement(sql.toString(), List.copyOf(params));
    }
}

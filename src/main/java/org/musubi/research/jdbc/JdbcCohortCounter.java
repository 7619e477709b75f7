package org.musubi.research.jdbc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.musubi.research.CohortCounter;
import org.musubi.research.CountQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts persons in one SQL statement, grouped by sex and age band. Each code group is one index-only scan of the
 * record's narrow code table {@code research_code} (V81: one row per prefix of each live Condition's ICD-10 code and
 * each medication's YJ/HOT code, with its source patient and clinical date, kept by the record store's writes), whose
 * source patients are joined through {@code person_link} to the person (a merged person counts as the person it was
 * merged into); the persons are then filtered by age on the day, sex and municipality (the registered address names
 * it), and every person who opted out — or was merged from one who did — is left out. Only sums leave the database.
 *
 * <p>At a million persons a count joins hundreds of thousands of rows (bench/README "Research: cohort counts"): it
 * runs in a read-only transaction of its own with a larger {@code work_mem} ({@value #WORK_MEM}, for that transaction
 * only) so that its hash tables stay in memory, and with plans made for its own values (a generic plan of the prepared
 * statement would guess how many rows a code prefix matches). Ages are birth-date ranges (no age computed per person),
 * so that the person side is one range scan of {@code person_cohort} (V82: birth date with sex, status and id) that
 * needs no row of {@code person}.
 */
public final class JdbcCohortCounter implements CohortCounter {

    /** The count's {@code work_mem}: its hash tables of a million persons in memory (the server's default is 4 MB). */
    public static final String WORK_MEM = "256MB";

    /** The settings for the transaction only (SET LOCAL): a read-only transaction and a standby allow them. */
    public static final String SETTINGS = "SELECT set_config('work_mem', ?, true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true)";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /** {@code transactions}: read-only ones, on the same database as {@code jdbc}. */
    public JdbcCohortCounter(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<Cell> count(CountQuery q) {
        Statement statement = statement(q);
        return tuned(() -> jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, n) -> new Cell(rs.getString(1), rs.getInt(2), rs.getLong(3))).list());
    }

    /** The same persons as {@link #count}, by id (ascending): exactly what the count counts. */
    @Override
    public List<Long> members(CountQuery q) {
        Statement statement = select(q, "p.id", List.of(), " ORDER BY p.id");
        return tuned(() -> jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> rs.getLong(1)).list());
    }

    /** {@code work} in a transaction whose {@code work_mem} and plan cache mode are the count's (reset at its end). */
    private <T> T tuned(Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql(SETTINGS).param(WORK_MEM).query((rs, n) -> 1).list();
            return work.get();
        });
    }

    /** The SQL a count runs and its parameters (for a benchmark's EXPLAIN). */
    public record Statement(String sql, List<Object> params) {
    }

    /** The one statement that counts {@code q}. */
    public static Statement statement(CountQuery q) {
        // the age band from the birth date alone: aged at least BANDS[i] on the day <=> born on or before the day
        // BANDS[i] years earlier (29 February: the 28th of a year without it, as PostgreSQL's age() counts)
        StringBuilder band = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int i = BANDS.size() - 1; i >= 1; i--) {
            band.append(" WHEN p.birth_date <= ?::date THEN ").append(i);
            params.add(bornBy(q.ageDay(), BANDS.get(i)));
        }
        band.append(" ELSE 0 END");
        return select(q, "CASE WHEN p.sex IN ('MALE', 'FEMALE') THEN p.sex ELSE 'OTHER' END, " + band + ", count(*)",
                params, " GROUP BY 1, 2");
    }

    /** The last birth date of someone aged at least {@code years} on {@code day}. */
    static LocalDate bornBy(LocalDate day, long years) {
        return day.minusYears(years);
    }

    /**
     * {@code SELECT what} (with {@code whatParams}) over the persons {@code q} asks for, then {@code tail} (grouping or
     * order).
     */
    private static Statement select(CountQuery q, String what, List<Object> whatParams, String tail) {
        List<Object> params = new ArrayList<>();
        // those who opted out, or were merged into a person from one who did; and the few merged persons, looked up in
        // memory rather than by index for every matching record
        StringBuilder sql = new StringBuilder("WITH excluded AS MATERIALIZED")
                .append(" (SELECT person_id AS pid FROM research_opt_out")
                .append(" UNION SELECT m.merged_into FROM research_opt_out o JOIN person m ON m.id = o.person_id")
                .append(" WHERE m.merged_into IS NOT NULL)\n")
                .append(", merged AS MATERIALIZED")
                .append(" (SELECT id, merged_into FROM person WHERE merged_into IS NOT NULL)\n");
        for (int g = 0; g < q.codeGroups().size(); g++) {
            // the code group's source patients from the index alone (prefix, patient, date), each once, then their
            // persons
            List<String> prefixes = q.codeGroups().get(g);
            sql.append(", g").append(g).append(" AS (SELECT coalesce(mp.merged_into, pl.person_id) AS pid")
                    .append(" FROM (SELECT DISTINCT rc.patient_key FROM research_code rc WHERE ");
            if (prefixes.size() == 1) {
                // one prefix: the index gives its patients in order (no hashing to make them distinct)
                sql.append("rc.code_prefix = ?");
                params.add(prefixes.getFirst());
            } else {
                sql.append("rc.code_prefix = ANY(?::text[])");
                params.add(prefixes.toArray(String[]::new));
            }
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
        sql.append("SELECT ").append(what).append(" FROM person p WHERE p.status <> 'MERGED'");
        params.addAll(whatParams);
        // the persons of every code group (semi-joins: the planner picks their order and kind by the statistics)
        for (int g = 0; g < q.codeGroups().size(); g++) {
            sql.append(" AND p.id IN (SELECT pid FROM g").append(g).append(')');
        }
        // aged ageFrom to ageTo on the day: born after the day ageTo + 1 years earlier and on or before the day ageFrom
        // years earlier
        sql.append(" AND p.birth_date <= ?::date AND p.birth_date <= ?::date AND p.birth_date > ?::date");
        params.add(q.ageDay());
        params.add(bornBy(q.ageDay(), q.ageFrom()));
        params.add(bornBy(q.ageDay(), q.ageTo() + 1L));
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

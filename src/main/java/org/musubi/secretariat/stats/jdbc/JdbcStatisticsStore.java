package org.musubi.secretariat.stats.jdbc;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.musubi.secretariat.stats.Figures;
import org.musubi.secretariat.stats.Months;
import org.musubi.secretariat.stats.StatisticsStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics in PostgreSQL. Its queries read {@code facility}, {@code person}, {@code consent}, {@code card},
 * {@code match_review} and {@code audit_event} and the {@code stats_*} tables, nothing else (a test reads this class's
 * SQL for the table names). Days and months are Japan's ({@code AT TIME ZONE 'Asia/Tokyo'}).
 */
public final class JdbcStatisticsStore implements StatisticsStore {

    /** What the audit trail's actions count as. */
    static final String VIEWS = "a.action IN ('READ', 'SEARCH', 'EXPORT')";
    static final String IMPORTS = "a.action IN ('CREATE', 'UPDATE', 'DELETE') AND a.patient_id IS NOT NULL"
            + " AND coalesce(a.resource_type, '') NOT IN ('Letter', 'LetterDraft')";
    static final String LETTERS = "a.action = 'CREATE' AND a.resource_type = 'Letter'";
    static final String EMERGENCY = "a.action = 'EMERGENCY_OPEN'";
    private static final String MONTH = "date_trunc('month', %s)::date";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcStatisticsStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<Figures.Rollup> rollup() {
        return jdbc.sql("SELECT computed_at, counted_seq FROM stats_rollup WHERE id = 1")
                .query((rs, n) -> new Figures.Rollup(rs.getTimestamp(1).toInstant(), rs.getLong(2))).optional();
    }

    @Override
    public List<Figures.CardMonth> cardMonths(YearMonth from) {
        Map<YearMonth, long[]> months = new HashMap<>();
        jdbc.sql("SELECT month, kind, issued FROM stats_card_month WHERE month >= ?").param(first(from))
                .query(rs -> {
                    long[] c = months.computeIfAbsent(YearMonth.from(rs.getDate(1).toLocalDate()), m -> new long[2]);
                    c["REGIONAL".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
                });
        return months.entrySet().stream().map(e -> new Figures.CardMonth(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    @Override
    public Map<String, long[]> residents() {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT municipality, residents, in_year FROM stats_residents")
                .query(rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return counts;
    }

    @Override
    public List<Population> population() {
        return jdbc.sql("SELECT municipality, population FROM stats_population ORDER BY line_no")
                .query((rs, n) -> new Population(rs.getString(1), rs.getLong(2))).list();
    }

    @Override
    public void replacePopulation(List<Population> rows, Long loadedBy) {
        transactions.executeWithoutResult(t -> {
            jdbc.sql("DELETE FROM stats_population").update();
            int line = 0;
            for (Population p : rows) {
                jdbc.sql("INSERT INTO stats_population (municipality, population, line_no, loaded_by) VALUES (?, ?, ?, ?)")
                        .params(p.municipality(), p.population(), ++line, loadedBy).update();
            }
        });
    }

    @Override
    public List<UseRow> useByMonth(YearMonth from) {
        return jdbc.sql("SELECT month, sum(views), sum(imports), sum(letters), demo_seeded FROM stats_usage_month"
                        + " WHERE month >= ? GROUP BY 1, demo_seeded")
                .param(first(from))
                .query((rs, n) -> new UseRow(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getBoolean(5))).list();
    }

    @Override
    public List<FacilityCounts> useOf(YearMonth month) {
        return jdbc.sql("""
                SELECT facility_id, sum(views), sum(imports), sum(letters) FROM stats_usage_month
                 WHERE month = ? GROUP BY facility_id
                HAVING sum(views) + sum(imports) + sum(letters) > 0
                 ORDER BY sum(views) + sum(imports) + sum(letters) DESC, facility_id""")
                .param(first(month))
                .query((rs, n) -> new FacilityCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    @Override
    public Map<Long, Flags> twoWay(LocalDate from) {
        Map<Long, Flags> flags = new HashMap<>();
        jdbc.sql("""
                SELECT facility_id, bool_or(imports + letters > 0), bool_or(views > 0) FROM stats_usage_day
                 WHERE day >= ? GROUP BY facility_id""").param(Date.valueOf(from))
                .query(rs -> {
                    flags.put(rs.getLong(1), new Flags(rs.getBoolean(2), rs.getBoolean(3)));
                });
        return flags;
    }

    @Override
    public Map<YearMonth, long[]> emergency(YearMonth from) {
        Map<YearMonth, long[]> months = new HashMap<>();
        jdbc.sql("SELECT u.month, f.kind = 'FIRE_DEPARTMENT', sum(u.emergency)"
                        + " FROM stats_usage_month u JOIN facility f ON f.id = u.facility_id"
                        + " WHERE u.month >= ? AND u.emergency > 0 GROUP BY 1, 2")
                .param(first(from))
                .query(rs -> {
                    months.computeIfAbsent(YearMonth.from(rs.getDate(1).toLocalDate()), m -> new long[2])
                            [rs.getBoolean(2) ? 1 : 0] += rs.getLong(3);
                });
        return months;
    }

    @Override
    public Figures.ReviewQueue reviewQueue(Instant now) {
        return jdbc.sql("""
                SELECT count(*),
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ? - created_at)), 0) / 86400,
                       coalesce(max(extract(epoch FROM ? - created_at)), 0) / 86400
                  FROM match_review WHERE status = 'OPEN'""")
                .params(Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> new Figures.ReviewQueue(rs.getLong(1), rs.getDouble(2), rs.getDouble(3))).single();
    }

    @Override
    public void consentedAddresses(Instant since, BiConsumer<String, Boolean> each) {
        jdbc.sql("""
                SELECT p.address, min(c.captured_at) >= ? FROM person p JOIN consent c ON c.person_id = p.id
                 WHERE p.status = 'ACTIVE'
                   AND EXISTS (SELECT 1 FROM consent l WHERE l.person_id = p.id AND l.status = 'ACTIVE')
                 GROUP BY p.id, p.address""")
                .param(Timestamp.from(since))
                .query(rs -> {
                    each.accept(rs.getString(1), rs.getBoolean(2));
                });
    }

    @Override
    public void refresh(LocalDate oldest, YearMonth cardsFrom, Map<String, long[]> residents, Instant now) {
        transactions.executeWithoutResult(t -> {
            long counted = jdbc.sql("SELECT coalesce(max(counted_seq), 0) FROM stats_rollup").query(Long.class).single();
            // appends commit in seq order (the chain head's lock): every row up to this one is there to count
            long last = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
            Timestamp since = Timestamp.from(oldest.atStartOfDay(Months.JAPAN).toInstant());
            List<Date> days = jdbc.sql("""
                    SELECT DISTINCT (occurred_at AT TIME ZONE 'Asia/Tokyo')::date FROM audit_event
                     WHERE seq > ? AND seq <= ? AND occurred_at >= ?""").params(counted, last, since)
                    .query(Date.class).list();
            if (!days.isEmpty()) {
                String[] touched = days.stream().map(Date::toString).toArray(String[]::new);
                Date first = days.stream().min(Date::compareTo).orElseThrow();
                jdbc.sql("DELETE FROM stats_usage_day WHERE NOT demo_seeded AND day = ANY (?::date[])").param(touched).update();
                jdbc.sql("""
                        INSERT INTO stats_usage_day (day, facility_id, views, imports, letters, emergency)
                        SELECT (a.occurred_at AT TIME ZONE 'Asia/Tokyo')::date, a.facility_id,
                               count(*) FILTER (WHERE %s), count(*) FILTER (WHERE %s),
                               count(*) FILTER (WHERE %s), count(*) FILTER (WHERE %s)
                          FROM audit_event a
                          JOIN unnest(?::date[]) AS t(day) ON t.day = (a.occurred_at AT TIME ZONE 'Asia/Tokyo')::date
                         WHERE a.occurred_at >= ? AND a.facility_id IS NOT NULL AND a.outcome = 'PERMIT'
                           AND a.action IN ('READ', 'SEARCH', 'EXPORT', 'CREATE', 'UPDATE', 'DELETE', 'EMERGENCY_OPEN')
                         GROUP BY 1, 2""".formatted(VIEWS, IMPORTS, LETTERS, EMERGENCY))
                        .params(touched, Timestamp.from(first.toLocalDate().atStartOfDay(Months.JAPAN).toInstant()))
                        .update();
                jdbc.sql("DELETE FROM stats_usage_day WHERE views + imports + letters + emergency = 0").update();
                // the months of the recounted days, summed again (with the demo's seeded days of those months)
                jdbc.sql("DELETE FROM stats_usage_month WHERE month = ANY (SELECT DISTINCT " + MONTH.formatted("d")
                        + " FROM unnest(?::date[]) AS t(d))").param(touched).update();
                jdbc.sql("""
                        INSERT INTO stats_usage_month (month, facility_id, views, imports, letters, emergency, demo_seeded)
                        SELECT %s, facility_id, sum(views), sum(imports), sum(letters), sum(emergency), demo_seeded
                          FROM stats_usage_day
                         WHERE %s = ANY (SELECT DISTINCT %s FROM unnest(?::date[]) AS t(d))
                         GROUP BY 1, 2, demo_seeded""".formatted(MONTH.formatted("day"), MONTH.formatted("day"),
                        MONTH.formatted("d"))).param(touched).update();
            }
            jdbc.sql("DELETE FROM stats_card_month").update();
            jdbc.sql("""
                    INSERT INTO stats_card_month (month, kind, issued)
                    SELECT date_trunc('month', issued_at AT TIME ZONE 'Asia/Tokyo')::date, kind, count(*)
                      FROM card WHERE issued_at >= ? GROUP BY 1, 2""")
                    .param(Timestamp.from(cardsFrom.atDay(1).atStartOfDay(Months.JAPAN).toInstant())).update();
            jdbc.sql("DELETE FROM stats_residents").update();
            residents.forEach((m, c) -> jdbc.sql("INSERT INTO stats_residents (municipality, residents, in_year)"
                    + " VALUES (?, ?, ?)").params(m, c[0], c[1]).update());
            jdbc.sql("""
                    INSERT INTO stats_rollup (id, computed_at, counted_seq) VALUES (1, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET computed_at = excluded.computed_at, counted_seq = excluded.counted_seq""")
                    .params(Timestamp.from(now), last).update();
        });
    }

    @Override
    public void seedDemoDay(LocalDate day, long facilityId, long views, long imports, long letters, long emergency) {
        jdbc.sql("""
                WITH seeded AS (
                    INSERT INTO stats_usage_day (day, facility_id, views, imports, letters, emergency, demo_seeded)
                    VALUES (?, ?, ?, ?, ?, ?, true) ON CONFLICT (day, facility_id, demo_seeded) DO NOTHING
                    RETURNING day, facility_id, views, imports, letters, emergency)
                INSERT INTO stats_usage_month (month, facility_id, views, imports, letters, emergency, demo_seeded)
                SELECT date_trunc('month', day)::date, facility_id, views, imports, letters, emergency, true FROM seeded
                ON CONFLICT (month, facility_id, demo_seeded) DO UPDATE SET views = stats_usage_month.views + excluded.views,
                    imports = stats_usage_month.imports + excluded.imports,
                    letters = stats_usage_month.letters + excluded.letters,
                    emergency = stats_usage_month.emergency + excluded.emergency""")
                .params(Date.valueOf(day), facilityId, views, imports, letters, emergency).update();
    }

    private static Date first(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }
}

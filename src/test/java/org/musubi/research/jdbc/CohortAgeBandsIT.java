package org.musubi.research.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The count's ages as birth-date ranges (issue 48, at 1 M persons): aged at least N on a day exactly when born on or
 * before {@link JdbcCohortCounter#bornBy the day N years earlier} — the same age as PostgreSQL's
 * {@code date_part('year', age(day, birth_date))}, which the count computed per person before, for every birth date
 * of a span of years against days that are leap days, the day before and after one, month ends and ordinary days.
 */
class CohortAgeBandsIT {

    @Test
    void aBirthDateRangeGivesTheAgePostgresqlComputes() throws Exception {
        List<LocalDate> days = List.of(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 28), LocalDate.of(2028, 3, 1),
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 1), LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1), LocalDate.of(2025, 4, 30));
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            JdbcTemplate jdbc = new JdbcTemplate(database.getPostgresDatabase());
            List<String> mismatches = new ArrayList<>();
            int compared = 0;
            for (LocalDate day : days) {
                List<Object[]> ages = jdbc.query("""
                        SELECT b::date, date_part('year', age(?::date, b::date))::int
                          FROM generate_series(?::date, ?::date, interval '1 day') b""",
                        (rs, n) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getInt(2)},
                        day, day.minusYears(30), day);
                for (Object[] row : ages) {
                    LocalDate born = (LocalDate) row[0];
                    int age = (Integer) row[1];
                    for (int years = 0; years <= 30; years++) {
                        compared++;
                        if ((age >= years) != !born.isAfter(JdbcCohortCounter.bornBy(day, years))) {
                            mismatches.add(born + " on " + day + ": PostgreSQL " + age + ", at least " + years + "?");
                        }
                    }
                }
            }
            assertThat(compared).isGreaterThan(300_000);
            assertThat(mismatches).isEmpty();
        }
    }
}

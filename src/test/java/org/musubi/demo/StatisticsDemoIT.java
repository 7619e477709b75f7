package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.disaster.Municipality;
import org.musubi.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo as a newcomer starts it has a year of history, and the operator's dashboard shows it: cards per month,
 * registered residents per municipality (small counts suppressed), facilities, two-way facilities and this month's
 * use, each asserted against counts this test makes itself from the source tables.
 */
@Tag("browser")
class StatisticsDemoIT extends StartedDemo {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Test
    void theDashboardShowsTheDemoNetworksYearAsTheSourceTablesCountIt() {
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "admin");
            browser.open("/admin/statistics");
            browser.find("#stats-refresh").click();
            browser.await().until(d -> browser.path().contains("refreshed"));
            assertThat(browser.find("#stats-computed-at").getText()).contains("集計時刻");
            assertThat(browser.find("#stats-demo-note").getText()).contains("デモ");
            LocalDate today = LocalDate.now(JAPAN);
            YearMonth month = YearMonth.from(today);

            int monthsWithCards = 0;
            for (WebElement row : browser.findAll("#stats-cards-table tbody tr")) {
                YearMonth m = YearMonth.parse(row.getAttribute("data-month"));
                long regional = cards(jdbc, m, "REGIONAL");
                assertThat(cell(row, "regional")).as("regional cards of " + m).isEqualTo(String.valueOf(regional));
                assertThat(cell(row, "disclosure")).as("disclosure cards of " + m)
                        .isEqualTo(String.valueOf(cards(jdbc, m, "DISCLOSURE")));
                monthsWithCards += regional > 0 ? 1 : 0;
            }
            assertThat(monthsWithCards).as("cards spread over the year").isGreaterThanOrEqualTo(8);

            List<WebElement> municipalities = browser.findAll("#stats-residents-table tbody tr");
            assertThat(municipalities).hasSizeGreaterThanOrEqualTo(20);
            List<String[]> consented = jdbc.sql("""
                    SELECT p.address FROM person p WHERE p.status = 'ACTIVE'
                       AND EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.status = 'ACTIVE')""")
                    .query((rs, n) -> new String[] {rs.getString(1)}).list();
            boolean someShown = false;
            boolean someSuppressed = false;
            for (WebElement row : municipalities) {
                String name = row.getAttribute("data-municipality");
                long n = consented.stream().filter(a -> new Municipality(34, name).covers(a[0])).count();
                String expected = n == 0 ? "0" : n < 10 ? "1–9" : String.valueOf(n);
                assertThat(cell(row, "residents")).as("registered residents of " + name).isEqualTo(expected);
                if (n > 0 && n < 10) {
                    assertThat(cell(row, "share")).as("the share of a suppressed count").isEqualTo("—");
                    someSuppressed = true;
                }
                someShown |= n >= 10;
            }
            assertThat(someShown).as("some municipality has 10 or more").isTrue();
            assertThat(someSuppressed).as("some municipality is suppressed").isTrue();

            WebElement facilities = browser.find("#stats-facilities-table tbody tr[data-month='" + month + "']");
            assertThat(cell(facilities, "total")).isEqualTo(String.valueOf(jdbc.sql("""
                    SELECT count(*) FROM facility f LEFT JOIN facility_profile p ON p.facility_id = f.id
                     WHERE f.kind <> 'PERSONAL_HEALTH_RECORD'
                       AND coalesce(p.joined_on, (f.created_at AT TIME ZONE 'Asia/Tokyo')::date) <= ?
                       AND (p.left_on IS NULL OR p.left_on >= ?)""")
                    .params(Date.valueOf(today), Date.valueOf(today)).query(Long.class).single()));

            WebElement use = browser.find("#stats-use-table tbody tr[data-month='" + month + "']");
            Timestamp monthStart = Timestamp.from(month.atDay(1).atStartOfDay(JAPAN).toInstant());
            long audited = jdbc.sql("""
                    SELECT count(*) FROM audit_event WHERE outcome = 'PERMIT' AND facility_id IS NOT NULL
                       AND action IN ('READ', 'SEARCH', 'EXPORT') AND occurred_at >= ?""").param(monthStart)
                    .query(Long.class).single();
            long seeded = jdbc.sql("SELECT coalesce(sum(views), 0) FROM stats_usage_day WHERE demo_seeded AND day >= ?")
                    .param(Date.valueOf(month.atDay(1))).query(Long.class).single();
            assertThat(cell(use, "views")).as("this month's views: the demo's made-up days and the audit trail's")
                    .isEqualTo(String.valueOf(audited + seeded));
            assertThat(jdbc.sql("SELECT count(*) FROM stats_usage_day WHERE demo_seeded AND day >= ?")
                    .param(Date.valueOf(today)).query(Long.class).single()).as("no made-up use today or later").isZero();

            WebElement twoWay = browser.find("#stats-two-way-table tbody tr[data-days='30']");
            assertThat(Long.parseLong(cell(twoWay, "both"))).isPositive()
                    .isLessThanOrEqualTo(Long.parseLong(cell(twoWay, "participating")));
            assertThat(browser.driver().findElements(By.cssSelector("#stats-cards svg.stats-chart"))).hasSize(1);
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("statistics-demo");
        }
    }

    private static String cell(WebElement row, String css) {
        return row.findElement(By.cssSelector("td." + css)).getText().strip();
    }

    private static long cards(JdbcClient jdbc, YearMonth month, String kind) {
        Instant from = month.atDay(1).atStartOfDay(JAPAN).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(JAPAN).toInstant();
        return jdbc.sql("SELECT count(*) FROM card WHERE kind = ? AND issued_at >= ? AND issued_at < ?")
                .params(kind, Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
    }
}

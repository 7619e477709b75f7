package org.musubi.secretariat.stats;

import java.time.Clock;
import java.time.Duration;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.print.PdfPrinter;
import org.musubi.registry.Facilities;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.secretariat.stats.jdbc.JdbcStatisticsStore;
import org.musubi.smallcounts.SmallCounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;

/** The secretariat's statistics: the store, the figures, the hourly refresh and the board's PDF. */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

    @Bean
    StatisticsStore statisticsStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new JdbcStatisticsStore(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    Statistics statistics(StatisticsStore store, Facilities facilities, FacilityProfiles profiles, Standby standby,
                          SmallCounts smallCounts) {
        return new Statistics(store, facilities, profiles, standby, Clock.systemUTC(), smallCounts);
    }

    /** Every {@code musubi.statistics.refresh-every} (default an hour). */
    @Bean(destroyMethod = "close")
    StatisticsRefresh statisticsRefresh(Statistics statistics, JobLocks jobs,
                                        @Value("${musubi.statistics.refresh-every:PT1H}") Duration every) {
        return new StatisticsRefresh(statistics, jobs, every);
    }

    @Bean
    BoardReport boardReport(ITemplateEngine templates, PdfPrinter pdf) {
        return new BoardReport(templates, pdf);
    }
}

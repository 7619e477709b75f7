package org.musubi.surveillance;

import java.time.Clock;
import java.time.Duration;
import org.musubi.audit.Audit;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.smallcounts.SmallCounts;
import org.musubi.surveillance.jdbc.JdbcSurveillanceStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The surveillance's store, figures and demo; small counts follow the one rule ({@code musubi.small-counts.*}). */
@Configuration(proxyBeanMethods = false)
class SurveillanceConfiguration {

    @Bean
    SurveillanceStore surveillanceStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new JdbcSurveillanceStore(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    Surveillance surveillance(SurveillanceStore store, SmallCounts smallCounts) {
        return new Surveillance(store, Clock.systemUTC(), smallCounts);
    }

    @Bean
    ShowSurveillanceDashboard showSurveillanceDashboard(SurveillanceStore store) {
        return new ShowSurveillanceDashboard(store, Clock.systemUTC());
    }

    @Bean
    ReportSurveillanceCounts reportSurveillanceCounts(SurveillanceStore store, Standby standby) {
        return new ReportSurveillanceCounts(store, standby);
    }

    /** Every {@code musubi.surveillance.derive-every} (default an hour; 0 never). */
    @Bean(destroyMethod = "close")
    SurveillanceDerivation surveillanceDerivation(SurveillanceStore store, Surveillance surveillance, Standby standby,
                                                  Audit audit, JobLocks jobs,
                                                  @Value("${musubi.surveillance.derive-every:PT1H}") Duration every) {
        return new SurveillanceDerivation(store, surveillance, standby, audit, new SurveillanceDerivation.Schedule(jobs, every));
    }

    @Bean
    SurveillanceDemo surveillanceDemo(SurveillanceStore store, Facilities facilities, FacilityProfiles profiles,
                                      Users users, Audit audit) {
        return new SurveillanceDemo(store, facilities, profiles, users, audit);
    }
}

package org.musubi.web.standby;

import org.musubi.database.Standby;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The read-only standby's filter, ahead of security (right after the concurrency limit), and its error answer; the
 * answer to a database that cannot be reached.
 */
@Configuration(proxyBeanMethods = false)
class StandbyWebConfiguration {

    @Bean
    FilterRegistrationBean<ReadOnlyStandbyFilter> readOnlyStandbyFilter(Standby standby, MessageSource messages) {
        FilterRegistrationBean<ReadOnlyStandbyFilter> registration =
                new FilterRegistrationBean<>(new ReadOnlyStandbyFilter(standby, new StandbyAnswers(messages)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        registration.setName("readOnlyStandby");
        return registration;
    }

    /**
     * Around everything but the concurrency limit (security's filters read tokens and sessions from the database too):
     * a database that cannot be reached answers 503.
     */
    @Bean
    FilterRegistrationBean<DatabaseAwayFilter> databaseAwayFilter(MessageSource messages) {
        FilterRegistrationBean<DatabaseAwayFilter> registration =
                new FilterRegistrationBean<>(new DatabaseAwayFilter(new StandbyAnswers(messages)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        registration.addUrlPatterns("/*");
        registration.setName("databaseAway");
        return registration;
    }

    @Bean
    StandbyErrors standbyErrors(MessageSource messages) {
        return new StandbyErrors(new StandbyAnswers(messages));
    }
}

package org.musubi.web.internal;

import java.time.Duration;
import org.musubi.database.DatabaseProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the request concurrency limit ahead of every other filter, security included. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestConcurrencyLimit> requestConcurrencyLimit(DatabaseProperties database,
            @Value("${musubi.web.max-concurrent-requests:0}") int configured,
            @Value("${musubi.web.max-queue-wait:30s}") Duration maxWait) {
        int limit = configured > 0 ? configured : Math.max(1, database.poolSize() / 2);
        FilterRegistrationBean<RequestConcurrencyLimit> registration =
                new FilterRegistrationBean<>(new RequestConcurrencyLimit(limit, maxWait));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        registration.setName("requestConcurrencyLimit");
        return registration;
    }
}

package org.musubi.web.internal;

import org.musubi.database.DatabaseProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the request concurrency limit ahead of every other filter, security included. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestConcurrencyLimit> requestConcurrencyLimit(DatabaseProperties database,
                                                                            WebProperties web) {
        int configured = web.maxConcurrentRequests();
        int limit = configured > 0 ? configured : Math.max(1, database.poolSize() / 2);
        FilterRegistrationBean<RequestConcurrencyLimit> registration =
                new FilterRegistrationBean<>(new RequestConcurrencyLimit(limit, web.maxQueueWait()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        registration.setName("requestConcurrencyLimit");
        return registration;
    }
}

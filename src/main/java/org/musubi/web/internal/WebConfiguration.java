package org.musubi.web.internal;

import org.musubi.database.DatabaseProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Registers the request concurrency limit ahead of every other filter, security included, and names the reverse proxies
 * Musubi believes.
 */
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

    /** The reverse proxies whose forwarded headers are believed; nobody's unless the operator names them. */
    @Bean
    TrustedProxies trustedProxies(WebProperties web, Environment environment) {
        return new TrustedProxies(web, environment);
    }
}

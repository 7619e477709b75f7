package org.musubi.policy;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one policy instance, configured from {@code musubi.policy}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyConfiguration {

    @Bean
    AccessPolicy accessPolicy(PolicyProperties properties) {
        return new AccessPolicy(properties.professionMatrix(), properties.linkIdlePeriod(), Clock.systemUTC());
    }
}

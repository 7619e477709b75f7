package org.musubi.outbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operator's rules for configured connections ({@code musubi.outbound.allow}), one {@link Outbound} for all. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

    @Bean
    Outbound outbound(OutboundProperties properties) {
        return Outbound.of(properties);
    }
}

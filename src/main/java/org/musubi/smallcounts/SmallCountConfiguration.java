package org.musubi.smallcounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SmallCounts} rule, at the configured threshold. */
@Configuration(proxyBeanMethods = false)
class SmallCountConfiguration {

    @Bean
    SmallCounts smallCounts(SmallCountProperties properties) {
        return new SmallCounts(properties.suppressBelow());
    }
}

package org.musubi.imaging.archive;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The archive's client, configured or not (an unconfigured one refuses every request: imaging is off). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveProperties.class)
class ArchiveConfiguration {

    @Bean
    OrthancClient orthancClient(ArchiveProperties settings) {
        return new OrthancClient(settings);
    }
}

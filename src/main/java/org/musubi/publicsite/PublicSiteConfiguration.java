package org.musubi.publicsite;

import java.time.Clock;
import java.time.ZoneId;
import org.musubi.registry.Facilities;
import org.musubi.registry.profile.FacilityProfiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public site's directory (Japan's day decides who takes part today) and its per-address throttle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicSiteProperties.class)
class PublicSiteConfiguration {

    @Bean
    PublicDirectory publicDirectory(Facilities facilities, FacilityProfiles profiles) {
        return new PublicDirectory(facilities, profiles, Clock.systemUTC(), ZoneId.of("Asia/Tokyo"));
    }

    @Bean
    PublicThrottle publicThrottle(PublicSiteProperties properties) {
        return new PublicThrottle(properties.pagesPerWindow(), properties.window(), Clock.systemUTC());
    }
}

package org.musubi.disaster;

import java.time.Clock;
import java.time.Duration;
import org.musubi.audit.Audit;
import org.musubi.database.ChangeVersions;
import org.musubi.registry.Facilities;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires disaster mode; reads what is on once the application is ready, so that no request pays for it, again at the
 * first request after a switch or designation made on any node (the version of {@link DisasterMode#KIND}), and every
 * {@code musubi.disaster.refresh-interval} (default 30 s; 0 turns it off) as a safety net.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisasterProperties.class)
class DisasterConfiguration {

    private final Duration refreshInterval;

    DisasterConfiguration(DisasterProperties properties) {
        this.refreshInterval = properties.refreshInterval();
    }

    @Bean
    DisasterMode disasterMode(DisasterRecords records, ChangeVersions versions) {
        return new DisasterMode(records, Clock.systemUTC(), () -> versions.current(DisasterMode.KIND));
    }

    @Bean
    SwitchDisasterMode switchDisasterMode(DisasterRecords records, DisasterMode mode, Audit audit,
                                          KnownAddresses addresses) {
        return new SwitchDisasterMode(records, mode, audit, Clock.systemUTC(), addresses);
    }

    @Bean
    DesignateResponder designateResponder(DisasterRecords records, DisasterMode mode, Facilities facilities, Audit audit) {
        return new DesignateResponder(records, mode, facilities, audit, Clock.systemUTC());
    }

    @EventListener
    void load(ApplicationReadyEvent ready) {
        DisasterMode mode = ready.getApplicationContext().getBean(DisasterMode.class);
        mode.refresh();
        mode.refreshEvery(refreshInterval);
    }
}

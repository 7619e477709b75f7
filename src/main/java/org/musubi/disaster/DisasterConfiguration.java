package org.musubi.disaster;

import java.time.Clock;
import java.time.Duration;
import org.musubi.audit.Audit;
import org.musubi.registry.Facilities;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires disaster mode; reads what is on once the application is ready, so that no request pays for it, and then every
 * {@code musubi.disaster.refresh-interval} (default 30 s; 0 turns it off) so that a switch made on another server — the
 * primary, seen from a read-only standby — takes effect here without a restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisasterProperties.class)
class DisasterConfiguration {

    private final Duration refreshInterval;

    DisasterConfiguration(DisasterProperties properties) {
        this.refreshInterval = properties.refreshInterval();
    }

    @Bean
    DisasterMode disasterMode(DisasterRecords records) {
        return new DisasterMode(records, Clock.systemUTC());
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

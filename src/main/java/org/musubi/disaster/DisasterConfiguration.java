package org.musubi.disaster;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.registry.Facilities;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires disaster mode; reads what is on once the application is ready, so that no request pays for it. */
@Configuration(proxyBeanMethods = false)
class DisasterConfiguration {

    @Bean
    DisasterMode disasterMode(DisasterRecords records) {
        return new DisasterMode(records, Clock.systemUTC());
    }

    @Bean
    SwitchDisasterMode switchDisasterMode(DisasterRecords records, DisasterMode mode, Audit audit) {
        return new SwitchDisasterMode(records, mode, audit, Clock.systemUTC());
    }

    @Bean
    DesignateResponder designateResponder(DisasterRecords records, DisasterMode mode, Facilities facilities, Audit audit) {
        return new DesignateResponder(records, mode, facilities, audit, Clock.systemUTC());
    }

    @EventListener
    void load(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(DisasterMode.class).refresh();
    }
}

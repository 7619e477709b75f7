package org.musubi.portal.chart;

import java.time.Clock;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.record.ReadRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChartConfiguration {

    @Bean
    PatientChart patientChart(ReadRecords records, IdentityStore identities, Consents consents) {
        return new PatientChart(records, identities, consents, Clock.systemUTC());
    }
}

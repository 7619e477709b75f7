package org.musubi.emergency;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditTrail;
import org.musubi.consent.Consents;
import org.musubi.emergency.dataset.MinimumDataset;
import org.musubi.identity.FindPerson;
import org.musubi.medication.fhir.ReadMedications;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.policy.EmergencyEligibility;
import org.musubi.policy.OpenEmergencyAccess;
import org.musubi.record.ReadRecords;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires emergencies from {@code musubi.emergency}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmergencyProperties.class)
class EmergencyConfiguration {

    @Bean
    MinimumDataset minimumDataset(ReadRecords records, SelfReports selfReports, ReadMedications medications,
                                  Facilities facilities) {
        return new MinimumDataset(records, selfReports, medications, facilities, Clock.systemUTC());
    }

    @Bean
    HandOverToHospital handOverToHospital(Consents consents, HandOvers handOvers, Facilities facilities,
                                          FindPerson persons, Audit audit, EmergencyProperties properties) {
        return new HandOverToHospital(consents, handOvers, facilities, persons, audit, properties.handOverDuration());
    }

    @Bean
    OpenHandOver openHandOver(HandOvers handOvers, Consents consents, OpenEmergencyAccess glass, FindPerson persons,
                              Audit audit) {
        return new OpenHandOver(handOvers, consents, glass, persons, audit);
    }

    @Bean
    CrewAccess crewAccess(EmergencyEligibility eligibility, OpenEmergencyAccess glass,
                          Consents consents, Audit audit) {
        return new CrewAccess(eligibility, glass, consents, audit);
    }

    @Bean
    EmergencyReviews emergencyReviews(Consents consents, HandOvers handOvers, AuditTrail trail, Users users,
                                      FindPerson persons, EmergencyProperties properties) {
        return new EmergencyReviews(consents, handOvers, trail, users, persons, properties);
    }
}

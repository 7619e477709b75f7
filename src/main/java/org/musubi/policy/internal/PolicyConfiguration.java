package org.musubi.policy.internal;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.consent.Consents;
import org.musubi.consent.RefusedAttempts;
import org.musubi.identity.FindPerson;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.EmergencyEligibility;
import org.musubi.policy.OpenEmergencyAccess;
import org.musubi.policy.PolicyProperties;
import org.musubi.security.Reauthentication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one policy instance, configured from {@code musubi.policy}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyConfiguration {

    @Bean
    OpenEmergencyAccess openEmergencyAccess(EmergencyEligibility eligibility, FindPerson find,
                                            Consents consents,
                                            Reauthentication reauthentication,
                                            RefusedAttempts misses, Audit audit,
                                            PolicyProperties properties) {
        return new OpenEmergencyAccess(new OpenEmergencyAccess.Parts(eligibility, find, consents, reauthentication, misses),
                audit, properties.emergencyDuration(), properties.crewEmergencyDuration(), Clock.systemUTC());
    }

    @Bean
    AccessPolicy accessPolicy(PolicyProperties properties) {
        return new AccessPolicy(properties.professionMatrix(), properties.linkIdlePeriod(),
                properties.emergencyProfessions(), Clock.systemUTC());
    }
}

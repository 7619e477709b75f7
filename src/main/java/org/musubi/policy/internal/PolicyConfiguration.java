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
import org.musubi.policy.disclosure.Disclose;
import org.musubi.policy.disclosure.DisclosureRows;
import org.musubi.policy.disclosure.Disclosures;
import org.musubi.policy.disclosure.jdbc.JdbcDisclosureRows;
import org.musubi.security.Reauthentication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one policy instance, configured from {@code musubi.policy}, and the disclosures' use cases. */
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

    /** The disclosures' rows, written by {@link Disclose} in the wing's transaction and read by the doors' policy. */
    @Bean
    DisclosureRows disclosureRows(JdbcClient jdbc) {
        return new JdbcDisclosureRows(jdbc);
    }

    @Bean
    Disclose disclose(DisclosureRows rows) {
        return new Disclose(rows);
    }

    @Bean
    Disclosures disclosures(DisclosureRows rows) {
        return new Disclosures(rows);
    }

    @Bean
    AccessPolicy accessPolicy(PolicyProperties properties) {
        return new AccessPolicy(properties.professionMatrix(), properties.linkIdlePeriod(),
                properties.emergencyProfessions(), Clock.systemUTC());
    }
}

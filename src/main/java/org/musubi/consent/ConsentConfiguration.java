package org.musubi.consent;

import org.musubi.audit.Audit;
import org.musubi.identity.Cards;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkSourcePatient;
import org.musubi.registry.Facilities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    @Bean
    OpenEmergencyAccess openEmergencyAccess(Consents consents, IdentityStore identities,
                                            org.musubi.security.Reauthentication reauthentication, Audit audit,
                                            @org.springframework.beans.factory.annotation.Value("${musubi.policy.emergency-duration:4h}")
                                            java.time.Duration duration) {
        return new OpenEmergencyAccess(consents, identities, reauthentication, audit, duration, java.time.Clock.systemUTC());
    }

    @Bean
    LinkPatientToFacility linkPatientToFacility(Cards cards, IdentityStore identities, LinkSourcePatient linkSource,
                                                Consents consents, Facilities facilities, Audit audit) {
        return new LinkPatientToFacility(cards, identities, linkSource, consents, facilities, audit);
    }
}

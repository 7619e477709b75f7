package org.musubi.consent;

import org.musubi.audit.Audit;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.cards.Cards;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.registry.Facilities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(ConsentProperties.class)
class ConsentConfiguration {

    @Bean
    LinkPatientToFacility linkPatientToFacility(org.musubi.identity.FindPerson find, RefusedAttempts failures,
                                                ConsentProperties limits, IdentityStore identities,
                                                LinkSourcePatient linkSource, Consents consents, Facilities facilities,
                                                Audit audit) {
        return new LinkPatientToFacility(new LinkPatientToFacility.Proof(find, failures, limits), identities,
                new LinkProvedPerson(linkSource, consents, facilities), audit, java.time.Clock.systemUTC());
    }
}

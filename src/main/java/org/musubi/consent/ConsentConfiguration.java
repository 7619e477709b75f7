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
    CardProofThrottle cardProofThrottle(RefusedAttempts failures, ConsentProperties limits) {
        return new CardProofThrottle(failures, limits);
    }

    @Bean
    LinkPatientToFacility linkPatientToFacility(org.musubi.identity.FindPerson find, CardProofThrottle throttle,
                                                IdentityStore identities, LinkSourcePatient linkSource, Consents consents,
                                                Facilities facilities, org.musubi.registry.Users users, Audit audit) {
        return new LinkPatientToFacility(new LinkPatientToFacility.Proof(find, throttle), identities,
                new LinkProvedPerson(linkSource, consents, facilities, users), audit, java.time.Clock.systemUTC());
    }
}

package org.musubi.consent;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.identity.FindPerson;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.cards.Cards;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsentProperties.class)
class ConsentConfiguration {

    @Bean
    CardProofThrottle cardProofThrottle(RefusedAttempts failures, ConsentProperties limits) {
        return new CardProofThrottle(failures, limits);
    }

    @Bean
    LinkPatientToFacility linkPatientToFacility(FindPerson find, CardProofThrottle throttle,
                                                IdentityStore identities, LinkSourcePatient linkSource, Consents consents,
                                                Facilities facilities, Users users, Audit audit) {
        return new LinkPatientToFacility(new LinkPatientToFacility.Proof(find, throttle), identities,
                new LinkProvedPerson(linkSource, consents, facilities, users), audit, Clock.systemUTC());
    }
}

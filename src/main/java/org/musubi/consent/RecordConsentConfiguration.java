package org.musubi.consent;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the changes to a person's sharing choices: consents, blocks and the end of links. */
@Configuration(proxyBeanMethods = false)
class RecordConsentConfiguration {

    @Bean
    SharingChanges sharingChanges(IdentityStore identities, Users users, Audit audit) {
        return new SharingChanges(identities, users, audit);
    }

    @Bean
    RecordConsent recordConsent(Consents consents, IdentityStore identities, Facilities facilities,
                                SharingChanges changes, Audit audit) {
        return new RecordConsent(consents, identities, facilities, changes, audit);
    }

    @Bean
    BlockFacility blockFacility(Consents consents, IdentityStore identities, Facilities facilities,
                                SharingChanges changes) {
        return new BlockFacility(consents, identities, facilities, changes);
    }

    @Bean
    GrantProxy grantProxy(Consents consents, Users users, SharingChanges changes) {
        return new GrantProxy(consents, users, changes, Clock.systemUTC());
    }

    @Bean
    EndLink endLink(Consents consents, IdentityStore identities, SharingChanges changes, Audit audit) {
        return new EndLink(consents, identities, changes, audit);
    }
}

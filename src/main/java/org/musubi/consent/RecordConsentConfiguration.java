package org.musubi.consent;

import org.musubi.audit.Audit;
import org.musubi.identity.IdentityStore;
import org.musubi.registry.Facilities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the operators' recording of consent forms. */
@Configuration(proxyBeanMethods = false)
class RecordConsentConfiguration {

    @Bean
    RecordConsent recordConsent(Consents consents, IdentityStore identities, Facilities facilities, Audit audit) {
        return new RecordConsent(consents, identities, facilities, audit);
    }

    @Bean
    BlockFacility blockFacility(Consents consents, IdentityStore identities, Facilities facilities, Audit audit) {
        return new BlockFacility(consents, identities, facilities, audit);
    }
}

package org.musubi.carenet;

import org.musubi.audit.Audit;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.PersonAccess;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.registry.Users;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The care network's services. */
@Configuration(proxyBeanMethods = false)
class CareNetConfiguration {

    @Bean
    CareTeams careTeams(Consents consents, PersonAccess access, Users users, IdentityStore identities, Audit audit) {
        return new CareTeams(consents, access, users, identities, audit);
    }

    /** The pathway templates offered (the shipped ones until the operators' versioned store replaces this bean). */
    @Bean
    PathwayCatalog pathwayCatalog() {
        return PathwayCatalog.shipped();
    }
}

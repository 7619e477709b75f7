package org.musubi.carenet;

import org.musubi.audit.Audit;
import org.musubi.carenet.catalog.ShippedSeed;
import org.musubi.carenet.catalog.StoredCatalog;
import org.musubi.carenet.catalog.TemplateRows;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.consent.Consents;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.PersonAccess;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.registry.Users;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The care network's services. */
@Configuration(proxyBeanMethods = false)
class CareNetConfiguration {

    @Bean
    CareTeams careTeams(Consents consents, PersonAccess access, Users users, IdentityStore identities, Audit audit) {
        return new CareTeams(consents, access, users, identities, audit);
    }

    /** The pathway templates offered: the operators' versioned store (the shipped four seeded as version 1). */
    @Bean
    PathwayCatalog pathwayCatalog(TemplateRows rows) {
        return new StoredCatalog(rows);
    }

    @Bean
    TemplateStore templateStore(TemplateRows rows, Audit audit, Standby standby) {
        return new TemplateStore(rows, audit, standby);
    }

    /** The shipped templates stored at start when absent, and again when a read-only standby is promoted. */
    @Bean
    SmartInitializingSingleton shippedTemplates(TemplateRows rows, Standby standby) {
        ShippedSeed seed = new ShippedSeed(rows, standby);
        return () -> {
            seed.seed();
            standby.whenWritable(seed::seed);
        };
    }
}

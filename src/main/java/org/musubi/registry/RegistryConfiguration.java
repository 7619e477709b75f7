package org.musubi.registry;

import org.musubi.audit.Audit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry's use cases. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    RegisterFacility registerFacility(Facilities facilities, Audit audit) {
        return new RegisterFacility(facilities, audit);
    }

    @Bean
    RegisterUser registerUser(Users users, Facilities facilities, Audit audit) {
        return new RegisterUser(users, facilities, audit);
    }
}

package org.musubi.registry;

import org.musubi.audit.Audit;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.registry.profile.SetFacilityProfile;
import org.musubi.registry.systems.BuiltInSystems;
import org.musubi.registry.systems.DeclareIdentifierSystem;
import org.musubi.registry.systems.DeclaredSystems;
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

    @Bean
    DeclareIdentifierSystem declareIdentifierSystem(DeclaredSystems declared, Facilities facilities,
                                                    BuiltInSystems builtIn, Audit audit) {
        return new DeclareIdentifierSystem(declared, facilities, builtIn, audit);
    }

    @Bean
    SetFacilityProfile setFacilityProfile(FacilityProfiles profiles, Audit audit) {
        return new SetFacilityProfile(profiles, audit);
    }
}

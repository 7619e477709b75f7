package org.musubi.identity;

import org.musubi.audit.Audit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the operators' person search. */
@Configuration(proxyBeanMethods = false)
class PersonSearchConfiguration {

    @Bean
    SearchPersons searchPersons(PersonDirectory directory, Audit audit) {
        return new SearchPersons(directory, audit);
    }
}

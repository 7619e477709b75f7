package org.musubi.imaging.stow;

import org.musubi.audit.Audit;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.index.IndexStudies;
import org.musubi.imaging.index.StudyPatients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** STOW-RS through Musubi. */
@Configuration(proxyBeanMethods = false)
class StowConfiguration {

    @Bean
    StoreInstances storeInstances(OrthancClient archive, StudyPatients patients, IndexStudies studies, Audit audit,
                                  IdentityStore identities) {
        return new StoreInstances(archive, patients, studies, audit, identities);
    }
}

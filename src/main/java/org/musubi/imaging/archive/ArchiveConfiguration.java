package org.musubi.imaging.archive;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The archive's client, configured or not (an unconfigured one refuses every request: imaging is off); without a
 * configured archive, Musubi's own Orthanc where it is installed ({@link ManagedOrthanc}), started once Musubi is ready.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ArchiveProperties.class, ManagedArchiveProperties.class})
class ArchiveConfiguration {

    /** Musubi's own Orthanc, or none (a null bean) when an archive is configured, it is off or not installed. */
    @Bean(destroyMethod = "close")
    ManagedOrthanc managedOrthanc(ArchiveProperties settings, ManagedArchiveProperties managed) {
        return ManagedOrthanc.plan(settings, managed).orElse(null);
    }

    @Bean
    OrthancClient orthancClient(ArchiveProperties settings, ObjectProvider<ManagedOrthanc> managed) {
        ManagedOrthanc own = managed.getIfAvailable();
        return new OrthancClient(own == null ? settings : own.settings(settings));
    }

    /**
     * Musubi's own Orthanc starts once the server is ready, in the background, so that it adds nothing to the start; a
     * command without the web server (backup, import …) never starts it.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> managedOrthancStart(ObjectProvider<ManagedOrthanc> managed) {
        return event -> {
            if (event.getApplicationContext().getEnvironment().getProperty("local.server.port") != null) {
                managed.ifAvailable(ManagedOrthanc::startInBackground);
            }
        };
    }
}

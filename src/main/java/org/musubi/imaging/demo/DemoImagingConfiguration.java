package org.musubi.imaging.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.musubi.demo.DemoProgress;
import org.musubi.demo.DemoProperties;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.archive.ManagedOrthanc;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.registry.Facilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's imaging ({@link DemoImaging}), sent when the demo was seeded on this start and Musubi runs its own archive:
 * after the demo's story is told ({@link DemoProgress#protagonist}) and Musubi's Orthanc answers, on a thread of its own.
 * An operator's archive never receives the demo's images.
 */
@Configuration(proxyBeanMethods = false)
class DemoImagingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DemoImagingConfiguration.class);
    private static final Duration SEEDING = Duration.ofMinutes(30);
    private static final Duration ARCHIVE = Duration.ofMinutes(2);

    @Bean
    DemoImaging demoImaging(OrthancClient archive, IdentityStore identities, Facilities facilities,
                            DemoProperties demo) {
        return new DemoImaging(archive, identities, facilities, Clock.systemUTC(), demo.zone());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> demoImagingSeed(DemoProperties demo, ObjectProvider<DemoProgress> progress,
                                                               ObjectProvider<ManagedOrthanc> managed,
                                                               DemoImaging imaging) {
        return event -> {
            ManagedOrthanc own = managed.getIfAvailable();
            DemoProgress seeding = progress.getIfAvailable();
            if (!demo.enabled() || own == null || seeding == null
                    || event.getApplicationContext().getEnvironment().getProperty("local.server.port") == null) {
                imaging.finished(Optional.empty());
                return;
            }
            Thread.ofVirtual().name("demo-imaging").start(() -> {
                Optional<String> sent = Optional.empty();
                try {
                    if (!seeding.await(SEEDING)) {
                        return;
                    }
                    var patient = seeding.protagonist();
                    if (patient.isEmpty()) {
                        return;
                    }
                    if (!own.awaitReady(ARCHIVE)) {
                        LOG.warn("Demo imaging: Musubi's own Orthanc did not answer; the demo has no study");
                        return;
                    }
                    sent = imaging.send(patient.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("Demo imaging could not be sent: {}", e.toString());
                } finally {
                    imaging.finished(sent);
                }
            });
        };
    }
}

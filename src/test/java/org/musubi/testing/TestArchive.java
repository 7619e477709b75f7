package org.musubi.testing;

import java.time.Duration;
import org.musubi.imaging.archive.ArchiveProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Points the integration tests' one Spring context at the test JVM's shared Orthanc ({@link OrthancServer#shared}) when
 * Orthanc is installed; without it, imaging stays off (no archive) and the imaging ITs skip.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestArchive {

    @Bean
    @Primary
    ArchiveProperties sharedOrthancArchive() {
        OrthancServer orthanc = OrthancServer.shared();
        return orthanc == null ? new ArchiveProperties("", "", "", "/dicom-web/", Duration.ofSeconds(30))
                : new ArchiveProperties(orthanc.url(), OrthancServer.USER, orthanc.password(), "/dicom-web/",
                        Duration.ofSeconds(30));
    }
}

package org.musubi.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.OrthancServer;
import org.springframework.beans.factory.annotation.Autowired;

/** The integration tests' context talks to the test JVM's shared Orthanc (skipped without Orthanc or dcmtk). */
@MusubiIntegrationTest
class ArchiveContextIT extends NetworkFixtures {

    @Autowired
    OrthancClient archive;

    @Test
    void theContextsArchiveClientReadsTheSharedOrthanc(@TempDir Path dir) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        DicomStudies study = DicomStudies.ct("P-CTX-1", null, 2);
        for (Path file : study.write(dir)) {
            orthanc.upload(file);
        }
        assertThat(archive.settings().configured()).isTrue();
        assertThat(archive.json(archive.dicomWeb("studies/" + study.studyUid() + "/series")).size()).isEqualTo(1);
    }
}

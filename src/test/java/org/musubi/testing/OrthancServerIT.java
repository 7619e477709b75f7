package org.musubi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.imaging.archive.ArchiveProperties;
import org.musubi.imaging.archive.OrthancClient;

/**
 * The imaging tests' parts on their own: a real Orthanc started on loopback, a dcmtk study sent to it by C-STORE, read
 * back through Musubi's archive client over DICOMweb, and kept across a restart. Skipped without Orthanc or dcmtk.
 */
class OrthancServerIT {

    @Test
    void aStudySentByCStoreIsListedOverDicomWebAndSurvivesARestart(@TempDir Path dir) throws Exception {
        DicomStudies.requireTools();
        try (OrthancServer orthanc = OrthancServer.startOrSkip()) {
            DicomStudies study = DicomStudies.ct("P0001", "urn:oid:1.2.392.200119.6.102.11234567890", 3);
            List<Path> files = study.write(dir);
            DicomStudies.store(OrthancServer.AET, orthanc.dicomPort(), files);
            OrthancClient client = new OrthancClient(new ArchiveProperties(orthanc.url(), OrthancServer.USER,
                    orthanc.password(), "/dicom-web/", java.time.Duration.ofSeconds(10)));
            String listed = client.json(client.dicomWeb("studies?StudyInstanceUID=" + study.studyUid())).toString();
            assertThat(listed).contains(study.studyUid()).contains("P0001");
            assertThat(client.json(client.dicomWeb("studies/" + study.studyUid() + "/series/" + study.seriesUid(1)
                    + "/instances")).size()).isEqualTo(3);
            OrthancClient wrong = new OrthancClient(new ArchiveProperties(orthanc.url(), OrthancServer.USER, "wrong",
                    "/dicom-web/", java.time.Duration.ofSeconds(10)));
            assertThat(wrong.bytes(wrong.request("/studies").GET().build()).statusCode()).isEqualTo(401);
            orthanc.restart();
            assertThat(new String(orthanc.get("/dicom-web/studies", "application/dicom+json").body(),
                    StandardCharsets.UTF_8)).contains(study.studyUid());
        }
    }
}

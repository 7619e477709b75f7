package org.musubi.imaging.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When Musubi runs its own Orthanc, and how it talks to it; no process is started here ({@code ManagedOrthancIT} does). */
class ManagedOrthancTest {

    private static final ArchiveProperties NOTHING_SET = new ArchiveProperties("", "", "", "/dicom-web/",
            Duration.ofSeconds(7));
    private static final ManagedArchiveProperties ON = new ManagedArchiveProperties(true, Path.of("./data/orthanc"));

    @Test
    void anOperatorsOrthancUrlWinsAndNothingIsStarted() {
        ArchiveProperties operators = new ArchiveProperties("http://archive.example.jp:8042", "musubi", "secret",
                "/dicom-web/", Duration.ofSeconds(30));
        assertThat(ManagedOrthanc.plan(operators, ON)).isEmpty();
    }

    @Test
    void turnedOffNothingIsStarted() {
        assertThat(ManagedOrthanc.plan(NOTHING_SET, new ManagedArchiveProperties(false, Path.of("x")))).isEmpty();
    }

    @Test
    void withoutOrthancInstalledImagingStaysOff() {
        assumeTrue(!ManagedOrthanc.installed(), "Orthanc is installed here: the other case is tested");
        assertThat(ManagedOrthanc.plan(NOTHING_SET, ON)).isEmpty();
    }

    @Test
    void installedAndNothingSetMusubiTalksToItsOwnOrthancOnLoopbackWithAGeneratedPassword() {
        assumeTrue(ManagedOrthanc.installed(), "Orthanc or its DICOMweb plugin not installed: only the other case applies");
        ManagedOrthanc first = ManagedOrthanc.plan(NOTHING_SET, ON).orElseThrow();
        ManagedOrthanc second = ManagedOrthanc.plan(NOTHING_SET, ON).orElseThrow();
        ArchiveProperties settings = first.settings(NOTHING_SET);
        assertThat(settings.configured()).isTrue();
        assertThat(settings.orthancUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(settings.username()).isEqualTo("musubi");
        assertThat(settings.password()).hasSize(32).isNotEqualTo(second.settings(NOTHING_SET).password());
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.toString()).doesNotContain(settings.password());
        assertThat(first.directory()).isEqualTo(Path.of("./data/orthanc").toAbsolutePath().normalize());
    }
}

package org.musubi.imaging.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.musubi.testing.TestDirs;
import org.springframework.util.FileSystemUtils;

/**
 * Musubi's own Orthanc as a process (Debian's orthanc and orthanc-dicomweb, started on loopback by the test): its
 * configuration readable by Musubi's user only, no DICOM port, nothing answered without the generated password;
 * stopped when Musubi closes it, its images kept for the next start. (The demo's use of it — the tours' patient's CT on
 * the timeline and in the viewer — is DemoImagingIT's, on the demo the tour tests share.) Skipped with a message when
 * Orthanc is not installed.
 */
class ManagedOrthancIT {

    @Test
    void startedOnLoopbackWithAGeneratedPasswordAndStoppedWithMusubiItsImagesKept() throws Exception {
        assumeTrue(ManagedOrthanc.installed(), "Orthanc or its DICOMweb plugin not installed (Debian: apt-get install "
                + "orthanc orthanc-dicomweb): Musubi's own archive cannot be tested here");
        Path directory = TestDirs.of("managed-orthanc");
        FileSystemUtils.deleteRecursively(directory);
        ArchiveProperties nothingSet = new ArchiveProperties("", "", "", "/dicom-web/", Duration.ofSeconds(7));
        ManagedOrthanc orthanc = ManagedOrthanc.plan(nothingSet, new ManagedArchiveProperties(true, directory))
                .orElseThrow();
        ArchiveProperties settings = orthanc.settings(nothingSet);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            orthanc.startInBackground();
            assertThat(orthanc.awaitReady(Duration.ofSeconds(60))).as("Orthanc answers").isTrue();

            Path config = directory.resolve("orthanc.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
            assertThat(Files.readString(config)).contains("\"RemoteAccessAllowed\" : false")
                    .contains("\"DicomServerEnabled\" : false").contains("\"AuthenticationEnabled\" : true")
                    .contains("\"DefaultEncoding\" : \"Utf8\"")
                    .contains(directory.resolve("storage").toAbsolutePath().normalize().toString());
            assertThat(http.send(HttpRequest.newBuilder(URI.create(settings.orthancUrl() + "/system")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as("no request without the password")
                    .isEqualTo(401);
            String authorization = "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":"
                    + settings.password()).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> plugins = http.send(HttpRequest.newBuilder(URI.create(settings.orthancUrl()
                    + "/plugins")).header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plugins.statusCode()).isEqualTo(200);
            assertThat(plugins.body()).as("DICOMweb loaded").contains("dicom-web");
            assertThat(Files.exists(directory.resolve("orthanc.pid"))).isTrue();
        } finally {
            orthanc.close();
        }

        assertThat(Files.exists(directory.resolve("orthanc.pid"))).as("Musubi's Orthanc stopped with it").isFalse();
        try {
            http.send(HttpRequest.newBuilder(URI.create(settings.orthancUrl() + "/system")).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("Orthanc still answers on " + settings.orthancUrl() + " after Musubi stopped");
        } catch (ConnectException stopped) {
            // nothing listens any more
        }
        assertThat(Files.isDirectory(directory.resolve("storage"))).as("the images stay for the next start").isTrue();
    }
}

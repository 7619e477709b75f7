package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.imaging.archive.ManagedOrthanc;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.testing.WebSession;

/**
 * Imaging in the demo without set-up by hand (issue 67): the demo started as a newcomer starts it — an empty data
 * directory, nothing set under {@code musubi.imaging}, Debian's Orthanc installed — runs Musubi's own Orthanc on
 * loopback, sends the synthetic CT of the tours' patient into it, indexes it like any study, and doctor1 finds it on
 * the patient's timeline, opens it in the viewer and reads its series through the DICOMweb proxy. (The Orthanc process
 * itself — its configuration, its password, stopped with Musubi — is ManagedOrthancIT's.) Skipped with a message when
 * Orthanc is not installed.
 */
class DemoImagingIT extends StartedDemo {

    private static final Pattern VIEWER = Pattern.compile("href=\"/imaging/viewer/studies/([0-9.]+)\"");

    @Test
    void theDemoRunsItsOwnOrthancAndTheToursPatientHasAStudyInTheTimelineAndTheViewer() throws Exception {
        assumeTrue(ManagedOrthanc.installed(), "Orthanc or its DICOMweb plugin not installed (Debian: apt-get install "
                + "orthanc orthanc-dicomweb): the demo's own archive cannot be tested here");
        OrthancClient archive = server.getBean(OrthancClient.class);
        String url = archive.settings().orthancUrl();
        assertThat(url).as("Musubi's own Orthanc, on loopback").matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(archive.settings().username()).isEqualTo(ManagedOrthanc.USER);
        assertThat(archive.settings().password()).as("a generated password").hasSizeGreaterThanOrEqualTo(32);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/system")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("no request without the password")
                .isEqualTo(401);
        long patient = server.getBean(DemoProgress.class).protagonist().orElseThrow();

        WebSession doctor = DemoServer.signIn(port, "/login", "doctor1");
        String study = awaitStudy(doctor, patient);
        String date = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(3).toString();

        HttpResponse<String> viewer = doctor.get("/imaging/viewer/studies/" + study);
        assertThat(viewer.statusCode()).isEqualTo(200);
        Matcher opened = Pattern.compile("<p id=\"viewer-study\">(.*?)</p>", Pattern.DOTALL).matcher(viewer.body());
        assertThat(opened.find()).as(viewer.body()).isTrue();
        assertThat(opened.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip())
                .as("the study named by its kind, date and size").isEqualTo("CT " + date + " 10:30 1 シリーズ・12 画像");
        HttpResponse<String> series = doctor.get("/imaging/dicomweb/studies/" + study + "/series");
        assertThat(series.statusCode()).as("the series through the DICOMweb proxy").isEqualTo(200);
        Matcher seriesUid = Pattern.compile("\"0020000E\"\\s*:\\s*\\{[^}]*?\"Value\"\\s*:\\s*\\[\\s*\"([0-9.]+)\"")
                .matcher(series.body());
        assertThat(seriesUid.find()).as(series.body()).isTrue();
        assertThat(series.body()).as("Japanese text as sent (UTF-8), never cut to Latin-1")
                .contains("胸部 軸位 5mm（合成）");
        HttpResponse<String> instances = doctor.get("/imaging/dicomweb/studies/" + study + "/series/"
                + seriesUid.group(1) + "/instances");
        assertThat(instances.statusCode()).isEqualTo(200);
        assertThat(instances.body().split("\"00080018\"", -1)).as("12 instances").hasSize(13);
    }

    /** The study's UID from the patient's timeline, once Orthanc called it stable and the index took it. */
    private static String awaitStudy(WebSession doctor, long patient) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plusSeconds(120);
        String page = "";
        while (Instant.now().isBefore(deadline)) {
            page = doctor.get("/portal/patients/" + patient).body();
            Matcher link = VIEWER.matcher(page);
            if (link.find()) {
                return link.group(1);
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("no study on the tours' patient's timeline within 120 s");
    }
}

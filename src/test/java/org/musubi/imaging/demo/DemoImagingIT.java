package org.musubi.imaging.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.Musubi;
import org.musubi.demo.DemoProgress;
import org.musubi.imaging.archive.ManagedOrthanc;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.testing.TestDirs;
import org.musubi.testing.TestPasswordHashing;
import org.musubi.testing.WebSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Imaging in the demo without set-up by hand (issue 67): the demo started as a newcomer starts it — an empty data
 * directory, nothing set under {@code musubi.imaging}, Debian's Orthanc installed — runs Musubi's own Orthanc on
 * loopback, sends the synthetic CT of the tours' patient into it, indexes it like any study, and doctor1 finds it on
 * the patient's timeline, opens it in the viewer and reads its series through the DICOMweb proxy; when Musubi stops,
 * its Orthanc stops. Skipped with a message when Orthanc is not installed.
 */
class DemoImagingIT {

    private static final Pattern VIEWER = Pattern.compile("href=\"/imaging/viewer/studies/([0-9.]+)\"");

    @Test
    void theDemoRunsItsOwnOrthancAndTheToursPatientHasAStudyInTheTimelineAndTheViewer() throws Exception {
        assumeTrue(ManagedOrthanc.installed(), "Orthanc or its DICOMweb plugin not installed (Debian: apt-get install "
                + "orthanc orthanc-dicomweb): the demo's own archive cannot be tested here");
        Path data = TestDirs.of("demo-imaging");
        FileSystemUtils.deleteRecursively(data);
        Files.createDirectories(data);
        String url;
        Path orthanc = data.resolve("orthanc");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Musubi.class, TestPasswordHashing.class)
                .run("--server.port=0",
                        "--musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                        "--musubi.security.secret-key-file=" + data.resolve("secret.key"),
                        "--musubi.blob.directory=" + data.resolve("blobs"),
                        "--musubi.ingest.upload-directory=" + data.resolve("uploads"),
                        "--musubi.audit.spool-directory=" + data.resolve("spool"),
                        "--musubi.demo.enabled=true",
                        "--musubi.demo.history=false",
                        "--musubi.demo.import-folder=" + data.resolve("demo-sources"),
                        "--musubi.imaging.managed.enabled=true",
                        "--musubi.imaging.managed.directory=" + orthanc,
                        "--musubi.imaging.index-every=1s",
                        "--spring.main.banner-mode=off",
                        "--logging.structured.format.console=")) {
            OrthancClient archive = server.getBean(OrthancClient.class);
            url = archive.settings().orthancUrl();
            assertThat(url).as("Musubi's own Orthanc, on loopback").matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(archive.settings().username()).isEqualTo(ManagedOrthanc.USER);
            assertThat(archive.settings().password()).as("a generated password").hasSizeGreaterThanOrEqualTo(32);
            assertThat(server.getBean(DemoProgress.class).await(Duration.ofMinutes(5))).as("the demo is seeded").isTrue();
            long patient = server.getBean(DemoProgress.class).protagonist().orElseThrow();

            Path config = orthanc.resolve("orthanc.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
            assertThat(Files.readString(config)).contains("\"RemoteAccessAllowed\" : false")
                    .contains("\"DicomServerEnabled\" : false").contains("\"AuthenticationEnabled\" : true")
                    .contains(orthanc.resolve("storage").toAbsolutePath().normalize().toString());
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/system")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as("no request without the password")
                    .isEqualTo(401);

            int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
            WebSession doctor = signIn(port, "doctor1");
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
        assertThat(Files.exists(orthanc.resolve("orthanc.pid"))).as("Musubi's Orthanc stopped with it").isFalse();
        try {
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(HttpRequest.newBuilder(
                    URI.create(url + "/system")).build(), HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("Orthanc still answers on " + url + " after Musubi stopped");
        } catch (ConnectException stopped) {
            // nothing listens any more
        }
        assertThat(Files.isDirectory(orthanc.resolve("storage"))).as("the images stay for the next start").isTrue();
    }

    /** doctor1 as a newcomer signs in: the demo password, then the code the demo's second-factor page shows. */
    private static WebSession signIn(int port, String loginId) throws InterruptedException {
        WebSession web = new WebSession(port);
        web.get("/login");
        HttpResponse<String> step = web.post("/login", "username", loginId, "password", "musubi-demo");
        assertThat(WebSession.location(step)).contains("/login/second-factor");
        Matcher code = Pattern.compile("data-code=\"(\\d{6})\" data-valid-from=\"([^\"]+)\"")
                .matcher(web.get("/login/second-factor").body());
        assertThat(code.find()).as("the demo's code on the second-factor page").isTrue();
        long wait = Duration.between(Instant.now(), Instant.parse(code.group(2))).toMillis();
        if (wait > 0) {
            Thread.sleep(wait + 200);
        }
        assertThat(WebSession.location(web.post("/login/second-factor", "code", code.group(1))))
                .doesNotContain("/login");
        return web;
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

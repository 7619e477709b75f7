package org.musubi.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.Musubi;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.EmbeddedClusters;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.TestDirs;
import org.musubi.testing.TestPasswordHashing;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 64, item 5: a Musubi without a DICOM archive — a second server in this JVM on the tests' database, with
 * nothing set under {@code musubi.imaging} (the tests' own server has the shared Orthanc) — answers every imaging page
 * with one page that says, in Japanese (English with {@code ?lang=en}), that imaging is not set up and whom to ask:
 * the network's secretariat, through the help desk; a network administrator also reads which setting to make. Pages
 * of every kind — the viewer, the reading centre's worklist (which answered Spring's raw 404 before), a request, the
 * requester's list, double reading, the programmes' statistics and their CSV, the operators' imaging and AI pages —
 * and a posted form; status 503. The DICOMweb proxy is no page and keeps its answer; on a server with an archive the
 * page's own path is a page nobody has.
 */
@MusubiIntegrationTest
@Tag("browser")
class ImagingNotSetUpBrowserIT extends NetworkFixtures {

    private static final String TITLE = "画像連携は設定されていません";

    /** The staff's imaging pages, some with ids nobody has (the answer does not depend on them). */
    private static final List<String> PAGES = List.of("/imaging/reading/worklist", "/imaging/reading/worklist/1",
            "/imaging/reading/requests", "/imaging/reading/requests/1", "/imaging/viewer/studies/1.2.392.1",
            "/imaging/double", "/imaging/double/submitted", "/imaging/double/1", "/imaging/programmes/1/statistics",
            "/imaging/programmes/1/statistics.csv");
    /** The operators' imaging pages. */
    private static final List<String> OPERATOR_PAGES = List.of("/admin/imaging", "/admin/imaging/ai",
            "/admin/imaging/ai/1", "/imaging/programmes");

    @Autowired
    DataSource dataSource;

    @Test
    void everyImagingPageSaysInJapaneseThatImagingIsNotSetUpAndWhomToAsk(@TempDir Path work) throws Exception {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User operator = accounts.networkAdmin();
        assertThat(accounts.signedIn(port, doctor).get("/imaging/not-set-up").statusCode()).as("with an archive")
                .isEqualTo(404);

        try (ConfigurableApplicationContext server = withoutArchive(work)) {
            assertThat(server.getBean(OrthancClient.class).settings().configured()).isFalse();
            int other = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));

            try (Chromium browser = Chromium.start(other)) {
                browser.logIn(doctor, TestAccounts.PASSWORD, accounts::nextCode);
                for (String page : PAGES) {
                    browser.open(page);
                    assertThat(browser.find("h1").getText()).as(page).isEqualTo(TITLE);
                    assertThat(browser.find("#imaging-off-explain").getText()).as(page)
                            .contains("画像サーバ（DICOM アーカイブ）が設定されていない")
                            .contains("画像の閲覧").contains("遠隔読影").contains("二重読影");
                    assertThat(browser.find("#imaging-off-ask").getText()).as(page).contains("ネットワークの事務局");
                    assertThat(browser.find("#imaging-off-help").getDomAttribute("href")).isEqualTo("/portal/help/ask");
                    assertThat(browser.findAll("#imaging-off-operator")).as("no settings for a doctor").isEmpty();
                    assertThat(browser.findAll("#nav-help")).as("the site's header").isNotEmpty();
                }
                browser.open("/imaging/reading/worklist?lang=en");
                assertThat(browser.find("h1").getText()).isEqualTo("Imaging is not set up");
                assertThat(browser.find("#imaging-off-ask").getText()).contains("network's secretariat");
                browser.open("/imaging/reading/worklist?lang=ja");
                assertThat(browser.find("h1").getText()).isEqualTo(TITLE);
            }

            WebSession web = accounts.signedIn(other, doctor);
            HttpResponse<String> worklist = web.get("/imaging/reading/worklist");
            assertThat(worklist.statusCode()).isEqualTo(503);
            assertThat(worklist.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(worklist.body()).contains(TITLE).doesNotContain("\"status\"");
            HttpResponse<String> anyType = web.send(HttpRequest.newBuilder(URI.create(web.base()
                    + "/imaging/reading/worklist")).GET().header("Accept", "*/*"));
            assertThat(anyType.body()).as("as curl asks: the page, not Spring's JSON").contains(TITLE)
                    .doesNotContain("\"status\"");
            HttpResponse<String> posted = web.post("/imaging/reading/requests", "study", "1.2.392.1", "centre", "1",
                    "question", "胸部CT");
            assertThat(posted.statusCode()).as("a form posted from a page kept open").isEqualTo(503);
            assertThat(posted.body()).contains(TITLE);
            assertThat(web.get("/imaging/dicomweb/studies/1.2.392.1/metadata").body()).as("the proxy is no page")
                    .doesNotContain(TITLE);

            try (Chromium browser = Chromium.start(other)) {
                browser.logIn(operator, TestAccounts.PASSWORD, accounts::nextCode);
                for (String page : OPERATOR_PAGES) {
                    browser.open(page);
                    assertThat(browser.find("h1").getText()).as(page).isEqualTo(TITLE);
                    assertThat(browser.find("#imaging-off-operator").getText()).as(page)
                            .contains("apt-get install orthanc orthanc-dicomweb").contains("自分の Orthanc を起動します")
                            .contains("musubi.imaging.orthanc-url").contains("MUSUBI_IMAGING_ORTHANC_URL")
                            .contains("docs/imaging.md");
                }
                browser.open("/admin/imaging?lang=en");
                assertThat(browser.find("#imaging-off-operator").getText())
                        .contains("install Debian's packages orthanc and orthanc-dicomweb")
                        .contains("Musubi then runs its own Orthanc");
                browser.open("/admin/imaging?lang=ja");
            }
        }
    }

    /** Musubi as it runs with nothing set under {@code musubi.imaging}, on the tests' database and keys. */
    private ConfigurableApplicationContext withoutArchive(Path work) throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return new SpringApplicationBuilder(Musubi.class, TestPasswordHashing.class).run(
                "--server.port=0",
                "--musubi.database.url=" + pool.getJdbcUrl(),
                "--musubi.database.user=" + pool.getUsername(),
                "--musubi.database.password=" + pool.getPassword(),
                "--musubi.database.owner-user=postgres",
                "--musubi.database.owner-password=" + EmbeddedClusters.password(EmbeddedClusters.SHARED, "postgres"),
                "--musubi.database.pool-size=4",
                "--musubi.security.secret-key-file=" + TestDirs.arg("it-secret.key"),
                "--musubi.security.ip-max-failures=40",
                "--musubi.demo.enabled=true",
                "--musubi.demo.import-persons=0",
                "--musubi.demo.history=false",
                "--musubi.demo.import-folder=" + work.resolve("demo-sources"),
                "--musubi.surveillance.derive-every=0",
                "--musubi.imaging.ai.send-every=1h",
                // nor Musubi's own Orthanc (issue 67): this is a server where Orthanc is not installed
                "--musubi.imaging.managed.enabled=false",
                "--musubi.blob.directory=" + work.resolve("blobs"),
                "--musubi.audit.spool-directory=" + work.resolve("spool"),
                "--musubi.ingest.watch=false",
                "--musubi.ingest.upload-directory=" + work.resolve("uploads"),
                "--musubi.fhir.warm-up=false",
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    }
}

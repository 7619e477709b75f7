package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musubi.Musubi;
import org.musubi.testing.Chromium;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A newcomer's first day: the server starts on an empty data directory in demo mode, seeds the demo network,
 * imports its records (dated up to yesterday) and tells the demo's story; then each demo role logs in through a real
 * browser with the password and the code the demo's second-factor page shows, and finds patients on its home page
 * and data on the patient's screens. Screenshots go to target/screenshots/tour-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTourIT {

    @TempDir
    static Path data;
    private ConfigurableApplicationContext server;
    private int port;

    @BeforeAll
    void startFromAnEmptyDataDirectory() throws InterruptedException {
        server = new SpringApplicationBuilder(Musubi.class).properties(
                "server.port=0",
                "musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                "musubi.security.secret-key-file=" + data.resolve("secret.key"),
                "musubi.blob.directory=" + data.resolve("blobs"),
                "musubi.ingest.upload-directory=" + data.resolve("uploads"),
                "musubi.demo.enabled=true",
                "musubi.demo.import-persons=16",
                "musubi.demo.import-messages=15",
                "musubi.demo.import-folder=" + data.resolve("demo-sources"),
                "spring.main.banner-mode=off",
                "logging.structured.format.console=").run();
        port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        assertThat(server.getBean(DemoProgress.class).await(Duration.ofMinutes(5))).as("the demo is seeded").isTrue();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctor1", "nurse1", "pharmacist1", "caremanager1"})
    void eachDemoRoleFindsPatientsAndTheirRecords(String loginId) {
        try (Chromium browser = Chromium.start(port)) {
            logIn(browser, loginId);

            browser.open("/");
            List<WebElement> patients = browser.findAll("#patient-list tbody tr");
            browser.screenshot("tour-" + loginId + "-home");
            assertThat(patients).as(loginId + "'s home lists linked patients").isNotEmpty();
            assertThat(browser.find("#notices").getText()).contains("デモ環境へようこそ");

            String patient = browser.find("#patient-list tbody tr a").getAttribute("href");
            browser.driver().get(patient);
            browser.find("#timeline");
            browser.screenshot("tour-" + loginId + "-timeline");
            assertThat(browser.findAll("#timeline .day")).as(loginId + " sees the patient's timeline").isNotEmpty();
        }
    }

    /** As a newcomer does: the demo password, then the code the demo's second-factor page shows. */
    private static void logIn(Chromium browser, String loginId) {
        browser.open("/login");
        browser.find("#username").sendKeys(loginId);
        browser.find("#password").sendKeys("musubi-demo");
        browser.find("#login-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
        browser.find("#code").sendKeys(browser.find("#demo-code").getAttribute("data-code"));
        browser.find("#code-form button").click();
        browser.await().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}

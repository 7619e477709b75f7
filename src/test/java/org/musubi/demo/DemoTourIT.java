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
        // As command-line arguments: they win over application.yml (the port there is 8080).
        server = new SpringApplicationBuilder(Musubi.class).run(
                "--server.port=0",
                "--musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                "--musubi.security.secret-key-file=" + data.resolve("secret.key"),
                "--musubi.blob.directory=" + data.resolve("blobs"),
                "--musubi.ingest.upload-directory=" + data.resolve("uploads"),
                "--musubi.demo.enabled=true",
                "--musubi.demo.import-persons=16",
                "--musubi.demo.import-messages=15",
                "--musubi.demo.import-folder=" + data.resolve("demo-sources"),
                "--spring.main.banner-mode=off",
                "--logging.structured.format.console=");
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
            assertThat(patients).as(loginId + "'s home lists linked patients").hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.find("#notices").getText()).contains("デモ環境へようこそ");

            browser.driver().get(browser.find("#patient-list tbody tr a").getAttribute("href"));
            browser.find("#timeline");
            browser.screenshot("tour-" + loginId + "-timeline");
            assertThat(browser.findAll("#timeline .day")).as(loginId + " sees the patient's timeline").isNotEmpty();
        }
    }

    /** The story's patient, on top of doctor1's list: an allergy, a current duplicate, an HbA1c rising past the range. */
    @org.junit.jupiter.api.Test
    void theDoctorSeesTheStorysAllergyDuplicateAndHbA1cTrend() {
        try (Chromium browser = Chromium.start(port)) {
            logIn(browser, "doctor1");
            browser.open("/");
            String patient = browser.find("#patient-list tbody tr a").getAttribute("href");

            browser.driver().get(patient);
            assertThat(browser.find("main").getText()).as("the allergy in the header").contains("セフェム系抗生物質");
            browser.driver().get(patient + "/medications");
            browser.screenshot("tour-doctor1-medications");
            assertThat(browser.findAll("#medications-current .drug.alerted")).as("a current duplicate").isNotEmpty();
            assertThat(browser.find("#medications-current .drug.alerted").getText()).contains("アムロジピン");

            browser.driver().get(patient + "/labs");
            browser.screenshot("tour-doctor1-labs");
            WebElement hba1c = browser.findAll("#lab-table tbody tr a").stream()
                    .filter(a -> a.getText().contains("HbA1c")).findFirst().orElseThrow();
            browser.driver().get(hba1c.getAttribute("href"));
            browser.find(".trend canvas");
            browser.screenshot("tour-doctor1-hba1c-trend");
            String values = browser.find(".trend-values").getText();
            assertThat(values).contains("5.8", "7.4");

            browser.driver().get(patient);
            List<String> documents = browser.findAll("a.open-document").stream().map(a -> a.getAttribute("href")).toList();
            assertThat(documents).as("the discharge summary and the referral letter on the timeline").hasSizeGreaterThanOrEqualTo(2);
            browser.driver().get(documents.getFirst());
            browser.screenshot("tour-doctor1-document");
            assertThat(browser.find("main").getText()).containsAnyOf("診療情報提供書", "退院時サマリー");
        }
    }

    /** The operator sees the story's lab file with its one rejected row, and the audit trail of the story. */
    @org.junit.jupiter.api.Test
    void theOperatorSeesTheRejectedRecordAndTheAuditTrail() {
        try (Chromium browser = Chromium.start(port)) {
            logIn(browser, "admin");
            browser.open("/admin/imports");
            browser.screenshot("tour-admin-imports");
            List<WebElement> story = browser.findAll("#import-batches tbody tr").stream()
                    .filter(row -> row.getText().contains("demo-story")).toList();
            assertThat(story).as("the story's batches").hasSize(4);
            assertThat(story).as("the lab file's one rejected row").anySatisfy(row -> assertThat(row.findElements(
                    org.openqa.selenium.By.cssSelector(".warn"))).singleElement().extracting(WebElement::getText).isEqualTo("1"));

            browser.open("/admin/matching");
            browser.screenshot("tour-admin-matching");
            assertThat(browser.findAll("#review-list tbody tr")).as("a patient waiting for 名寄せ review").isNotEmpty();

            browser.open("/admin/audit?action=PATIENT_LINK");
            browser.screenshot("tour-admin-audit");
            assertThat(browser.findAll("#audit-list tbody tr")).as("the links made as the demo users").isNotEmpty();
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

package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.security.DemoAccounts;
import org.musubi.security.Totp;
import org.musubi.testing.MusubiIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser (Debian's headless Chromium via its chromedriver) logs in to the demo network
 * with password and TOTP code and reaches the facility list. CI installs both packages.
 */
@MusubiIntegrationTest
class BrowserLoginIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Debian's chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--window-size=1366,768", "--lang=ja",
                "--user-data-dir=" + Files.createTempDirectory("musubi-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOperatorLogsInWithPasswordAndTotpAndReachesTheFacilityList() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/admin/facilities");
        assertThat(browser.getPageSource()).contains("ログイン");

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("musubi-demo");
        browser.findElement(By.cssSelector("#login-form button")).click();
        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        screenshot("second-factor");
        String shownCode = browser.findElement(By.id("demo-code")).getAttribute("data-code");
        assertThat(shownCode).matches("\\d{6}");
        browser.findElement(By.id("code")).sendKeys(Totp.code(DemoAccounts.DEMO_TOTP_SECRET, Totp.step(Instant.now())));
        browser.findElement(By.cssSelector("#code-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));

        browser.get("http://localhost:" + port + "/admin/facilities");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("facility-list")));
        assertThat(browser.findElements(By.cssSelector("#facility-list tbody tr"))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("参加施設");
        screenshot("facility-list");

        browser.get("http://localhost:" + port + "/admin/facilities?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Participating facilities");
        browser.get("http://localhost:" + port + "/admin/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit trail");
        assertThat(browser.findElements(By.cssSelector("#audit-list tbody tr"))).isNotEmpty();
        screenshot("audit-en");
    }

    /** Keeps what the browser showed under target/screenshots, for people reviewing a CI run. */
    private void screenshot(String name) throws java.io.IOException {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

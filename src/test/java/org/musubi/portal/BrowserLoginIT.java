package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser (Debian's headless Chromium via its chromedriver) logs in to the demo network
 * with password and TOTP code and reaches the facility list. CI installs both packages.
 */
@MusubiIntegrationTest
@Tag("browser")
class BrowserLoginIT {

    @LocalServerPort
    int port;
    private Chromium browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start(port);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOperatorLogsInWithPasswordAndTotpAndReachesTheFacilityList() {
        browser.open("/admin/facilities");
        assertThat(browser.source()).contains("ログイン");

        browser.open("/login");
        browser.find("#username").sendKeys("admin");
        browser.find("#password").sendKeys("musubi-demo");
        browser.find("#login-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
        browser.screenshot("second-factor");
        String shownCode = browser.find("#demo-code").getAttribute("data-code");
        assertThat(shownCode).matches("\\d{6}");
        // when another test used this demo account's code of this 30 seconds, the page shows a later one: wait for it
        Instant validFrom = Instant.parse(browser.find("#demo-code").getAttribute("data-valid-from"));
        long wait = Duration.between(Instant.now(), validFrom).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        browser.find("#code").sendKeys(shownCode);
        browser.find("#code-form button").click();
        // the second factor's answer must have arrived (the page it replaces has an h1 too) before the next page
        browser.await().until(d -> !d.getCurrentUrl().contains("/login/second-factor"));
        browser.find("h1");

        browser.open("/admin/facilities");
        browser.find("#facility-list");
        assertThat(browser.findAll("#facility-list tbody tr")).hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.find("h1").getText()).isEqualTo("参加施設");
        browser.screenshot("facility-list");

        browser.open("/admin/facilities?lang=en");
        assertThat(browser.find("h1").getText()).isEqualTo("Participating facilities");
        browser.open("/admin/audit");
        assertThat(browser.find("h1").getText()).isEqualTo("Audit trail");
        assertThat(browser.findAll("#audit-list tbody tr")).isNotEmpty();
        browser.screenshot("audit-en");
    }
}

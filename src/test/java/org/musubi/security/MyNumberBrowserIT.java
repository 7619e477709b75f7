package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.Chromium;
import org.musubi.testing.MockOpenIdProvider;
import org.musubi.testing.MusubiIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * My Number card login in headless Chromium on a phone, against the test OpenID provider ({@link MockOpenIdProvider},
 * a mock of the デジタル認証アプリ, on another site: 127.0.0.1 while Musubi is at localhost). It shows what a plain HTTP
 * client cannot: the round trip works with a real browser's cookie rules. The session cookie is SameSite=Strict, which
 * a browser does not send on the provider's cross-site redirect back; the callback's page carries the round trip on
 * from Musubi's own site, where it is sent. A resident links their card from the notebook, logs out, and logs in with
 * the card alone.
 */
@MusubiIntegrationTest
@Tag("browser")
class MyNumberBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Residents residents;
    private Chromium browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentLinksTheirCardAndLogsInWithItOnAPhone() {
        Residents.Resident resident = residents.register(residents.patientAt(port, FacilityKind.HOSPITAL, "カードログイン")
                .personId());
        String subject = "browser-subject-" + UUID.randomUUID();
        browser = Chromium.start(port);
        browser.resize(new Dimension(360, 800));
        browser.logIn(resident.account(), Residents.PASSWORD, id -> residents.nextCode(id, resident.totpSecret()));

        browser.open("/phr");
        browser.find("#menu-mynumber").click();
        browser.find("#password-mynumber").sendKeys(Residents.PASSWORD);
        browser.find(".oidc-link button").click();
        readCardAtTheProvider(subject);
        browser.await().until(ExpectedConditions.urlContains("/phr/mynumber?linked"));
        assertThat(browser.find("#oidc-linked").isDisplayed()).isTrue();
        browser.screenshot("phr-mynumber-linked-phone");

        WebElement logout = browser.find("header form button");
        logout.click();
        // the logout's answer must have arrived before the next page: else the session still stands and the login
        // page sends a signed-in resident home
        browser.await().until(d -> gone(logout));
        browser.await().until(d -> !d.getCurrentUrl().contains("/phr/mynumber"));
        browser.open("/phr/login");
        browser.screenshot("phr-login-mynumber-phone");
        browser.find("#oidc-login-mynumber").click();
        readCardAtTheProvider(subject);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("phr-home")));
        assertThat(browser.path()).isEqualTo("/phr");
        assertThat(browser.consoleErrors()).as("no CSP violation or script error on Musubi's pages")
                .noneMatch(error -> error.contains("localhost:" + port));
    }

    /**
     * Whether the element left the page. ChromeDriver may answer a check of a node the new page replaced with an
     * "unknown error" (the node does not belong to the document) instead of a stale reference: gone too.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    /** At the provider's page (another site), the card holder answers as {@code subject}. */
    private void readCardAtTheProvider(String subject) {
        browser.await().until(ExpectedConditions.urlContains("127.0.0.1"));
        browser.find("#subject").sendKeys(subject);
        browser.find("#read-card").click();
    }
}

package org.musubi.demo;

import java.time.Duration;
import java.time.Instant;
import org.musubi.testing.Chromium;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Logging in to the demo as a newcomer does: the demo password, then the code the demo's second-factor page shows,
 * once it is valid (a third login within 30 seconds waits for the next one, as the page says).
 */
final class DemoLogin {

    private DemoLogin() {
    }

    static void logIn(Chromium browser, String loginId) {
        browser.open("/login");
        browser.find("#username").sendKeys(loginId);
        browser.find("#password").sendKeys("musubi-demo");
        browser.find("#login-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
        WebElement shown = browser.find("#demo-code");
        long wait = Duration.between(Instant.now(), Instant.parse(shown.getAttribute("data-valid-from"))).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        browser.find("#code").sendKeys(shown.getAttribute("data-code"));
        browser.find("#code-form button").click();
        browser.await().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}

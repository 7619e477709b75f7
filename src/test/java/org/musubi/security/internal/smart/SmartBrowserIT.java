package org.musubi.security.internal.smart;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The standalone launch in a real browser on a phone (headless Chromium, 360×800), as a native app starts it: the app
 * (here a loopback listener on 127.0.0.1, another site than the server's {@code localhost}, as RFC 8252 native apps
 * use) opens the authorization request from its own page; the resident follows Musubi's page to the notebook's login
 * (so that the SameSite=Strict session cookie is sent despite the cross-site start), logs in with password and
 * authenticator code, approves on the consent page, and the browser lands on the app's redirect URI with the code —
 * which the page's Content-Security-Policy lets the form lead to — and the code is exchanged for tokens.
 */
@MusubiIntegrationTest
@Tag("browser")
class SmartBrowserIT {

    private static final Dimension PHONE = new Dimension(360, 800);

    @LocalServerPort
    int port;
    @Autowired
    SmartApps apps;
    @Autowired
    Residents residents;
    @Autowired
    TestAccounts accounts;

    @Test
    void aResidentConnectsAnAppFromItsOwnPageOnAPhone() throws IOException {
        Residents.Resident resident = residents.register(residents.patientAt(port, FacilityKind.CLINIC, "ブラウザ").personId());
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String redirect = "http://127.0.0.1:" + app.getAddress().getPort() + "/callback";
        JdbcSmartApps.App registered = apps.register(accounts.networkAdmin().id(), "けんこう手帳アプリ", redirect,
                SmartLaunches.SCOPES);
        SmartLaunches.Pkce pkce = SmartLaunches.Pkce.fresh();
        var params = SmartLaunches.request(port, new SmartLaunches.App(registered.clientId(), registered.id()),
                SmartLaunches.SCOPES, "phone-state", pkce);
        params.put("redirect_uri", redirect);
        String authorize = "http://localhost:" + port + "/oauth2/authorize?" + SmartLaunches.query(params);
        app.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/callback") ? "<p id=\"connected\">connected</p>"
                    : "<!DOCTYPE html><a id=\"connect\" href=\"" + authorize.replace("&", "&amp;") + "\">健康手帳と連携</a>")
                    .getBytes(StandardCharsets.UTF_8);
            if (path.equals("/callback")) {
                received.set(exchange.getRequestURI().getRawQuery());
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            browser.driver().get("http://127.0.0.1:" + app.getAddress().getPort() + "/");
            browser.find("#connect").click();

            browser.find("#smart-login");
            assertThat(sidewaysScroll(browser)).as("the login lead on a phone").isZero();
            browser.screenshot("smart-login-phone");
            browser.find("#to-login").click();
            browser.find("#username").sendKeys(resident.account().loginId());
            browser.find("#password").sendKeys(Residents.PASSWORD);
            browser.find("#login-form button").click();
            browser.find("#code").sendKeys(residents.nextCode(resident.account().id(), resident.totpSecret()));
            browser.find("#code-form button").click();

            assertThat(browser.find("#consent-app").getText()).contains("けんこう手帳アプリ");
            assertThat(browser.find("#consent-scopes").getText()).contains("あなたの記録すべてを読む（見るだけ）");
            assertThat(sidewaysScroll(browser)).as("the consent page on a phone").isZero();
            browser.screenshot("smart-consent-phone");
            browser.find("#approve").click();
            browser.find("#connected");

            assertThat(browser.consoleErrors()).as("no Content-Security-Policy violation").isEmpty();
        } finally {
            app.stop(0);
        }
        String location = redirect + "?" + received.get();
        assertThat(SmartLaunches.parameter(location, "state")).isEqualTo("phone-state");
        SmartLaunches.TokenAnswer tokens = SmartLaunches.token(port, "grant_type", "authorization_code",
                "code", SmartLaunches.parameter(location, "code"), "redirect_uri", redirect,
                "client_id", registered.clientId(), "code_verifier", pkce.verifier());
        assertThat(tokens.status()).as(tokens.json().toString()).isEqualTo(200);
        assertThat(tokens.text("access_token")).startsWith("msa_");
    }

    private static long sidewaysScroll(Chromium browser) {
        return (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }
}

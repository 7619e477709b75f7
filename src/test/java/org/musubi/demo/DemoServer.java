package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.musubi.Musubi;
import org.musubi.testing.Chromium;
import org.musubi.testing.TestPasswordHashing;
import org.musubi.testing.WebSession;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo as a newcomer starts it (an empty data directory, demo mode on) and logs in to it, for the tours' tests. */
final class DemoServer {

    private DemoServer() {
    }

    /** Starts the server on {@code data} and waits until the demo is seeded (network, records, story). */
    static ConfigurableApplicationContext start(Path data) throws InterruptedException {
        // As command-line arguments: they win over application.yml (the port there is 8080).
        ConfigurableApplicationContext server = new SpringApplicationBuilder(Musubi.class, TestPasswordHashing.class).run(
                "--server.port=0",
                "--musubi.database.embedded.data-directory=" + data.resolve("postgres"),
                "--musubi.security.secret-key-file=" + data.resolve("secret.key"),
                "--musubi.blob.directory=" + data.resolve("blobs"),
                "--musubi.ingest.upload-directory=" + data.resolve("uploads"),
                "--musubi.demo.enabled=true",
                "--musubi.demo.import-folder=" + data.resolve("demo-sources"),
                // Musubi's own Orthanc where Debian's is installed, as a newcomer's demo runs it (the tests' JVMs turn
                // it off by a system property; an argument wins): the tours' patient's CT, DemoImagingIT
                "--musubi.imaging.managed.enabled=true",
                "--musubi.imaging.managed.directory=" + data.resolve("orthanc"),
                "--spring.main.banner-mode=off",
                "--logging.structured.format.console=");
        assertThat(server.getBean(DemoProgress.class).await(Duration.ofMinutes(5))).as("the demo is seeded").isTrue();
        return server;
    }

    static int port(ConfigurableApplicationContext server) {
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * As a newcomer does, on the login page {@code page}: the demo password, then the code the demo's second-factor
     * page shows, once it is valid (a third login within 30 seconds waits for the next one, as the page says).
     */
    static void logIn(Chromium browser, String page, String loginId) {
        browser.open(page);
        browser.find("#username").sendKeys(loginId);
        browser.find("#password").sendKeys("musubi-demo");
        browser.find("#login-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
        WebElement shown = browser.find("#demo-code");
        awaitValid(shown.getAttribute("data-valid-from"));
        browser.find("#code").sendKeys(shown.getAttribute("data-code"));
        browser.find("#code-form button").click();
        browser.await().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * {@link #logIn} over plain HTTP, for tests that read pages' text: the demo password, then the code the demo's
     * second-factor page shows, once it is valid. {@code page}: {@code /login} or {@code /phr/login}.
     */
    static WebSession signIn(int port, String page, String loginId) {
        WebSession web = new WebSession(port);
        String form = web.get(page).body();
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("name=\"from\" value=\"([^\"]*)\"").matcher(form);
        HttpResponse<String> step = from.find()
                ? web.post("/login", "username", loginId, "password", "musubi-demo", "from", from.group(1))
                : web.post("/login", "username", loginId, "password", "musubi-demo");
        assertThat(WebSession.location(step)).as(loginId + "'s password step").contains("/login/second-factor");
        String codePage = web.get("/login/second-factor").body();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile(
                "data-code=\"(\\d{6})\" data-valid-from=\"([^\"]+)\"").matcher(codePage);
        assertThat(code.find()).as("the demo's code on the second-factor page").isTrue();
        awaitValid(code.group(2));
        HttpResponse<String> done = web.post("/login/second-factor", "code", code.group(1));
        assertThat(WebSession.location(done)).as(loginId + " signed in").doesNotContain("/login");
        return web;
    }

    /** Waits until the demo's code, valid from {@code validFrom} (an instant), is accepted. */
    static void awaitValid(String validFrom) {
        long wait = Duration.between(Instant.now(), Instant.parse(validFrom)).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

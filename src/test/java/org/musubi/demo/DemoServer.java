package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.musubi.Musubi;
import org.musubi.imaging.demo.DemoImaging;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.testing.Chromium;
import org.musubi.testing.NotDurable;
import org.musubi.testing.TestPasswordHashing;
import org.musubi.testing.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo as a newcomer starts it (an empty data directory, demo mode on) and logs in to it, for the tours' tests. */
final class DemoServer {

    /**
     * The cookies of each demo account's newest sign-in, by server port and login id, for a sign-in that would have to
     * wait for the next code ({@link #logIn}).
     */
    private static final Map<String, String> RECENT = new ConcurrentHashMap<>();

    private DemoServer() {
    }

    /** Starts the server on {@code data} and waits until the demo is seeded (network, records, story). */
    static ConfigurableApplicationContext start(Path data) throws InterruptedException {
        // As command-line arguments: they win over application.yml (the port there is 8080).
        // not durable (NotDurable): no test crashes this cluster, and the demo seeds and serves with thousands of commits
        List<String> arguments = new ArrayList<>(NotDurable.arguments());
        arguments.addAll(List.of("--server.port=0",
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
                "--logging.structured.format.console="));
        ConfigurableApplicationContext server = new SpringApplicationBuilder(Musubi.class, TestPasswordHashing.class)
                .run(arguments.toArray(String[]::new));
        assertThat(server.getBean(DemoProgress.class).await(Duration.ofMinutes(5))).as("the demo is seeded").isTrue();
        awaitImaging(server);
        return server;
    }

    /**
     * Waits until the demo's CT, sent in the background once the story is told, is in Musubi's index: a study indexed
     * while a test reads the doctor's "new since you last opened" would count as new (RoleHomePagesIT).
     */
    private static void awaitImaging(ConfigurableApplicationContext server) throws InterruptedException {
        DemoImaging imaging = server.getBeanProvider(DemoImaging.class).getIfAvailable();
        if (imaging == null) {
            return;
        }
        Optional<String> sent;
        try {
            sent = imaging.finished().get(3, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the demo's imaging did not finish", e);
        }
        if (sent.isEmpty()) {
            return;
        }
        StudyIndex index = server.getBean(StudyIndex.class);
        Instant deadline = Instant.now().plusSeconds(120);
        while (index.find(sent.get()).isEmpty()) {
            assertThat(Instant.now()).as("the demo's CT is indexed within two minutes").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    static int port(ConfigurableApplicationContext server) {
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * As a newcomer does, on the login page {@code page}: the demo password, then the code the demo's second-factor
     * page shows, once it is valid. A sign-in within 30 seconds of the account's last one would wait for the next code
     * (the code just used is not accepted twice, as the page says): the browser then takes over the session that last
     * sign-in opened ({@link #RECENT}), as a person would go on in the tab they had just signed in with; when that
     * session has ended, it waits for the next code.
     */
    static void logIn(Chromium browser, String page, String loginId) {
        logIn(browser, page, loginId, true);
    }

    private static void logIn(Chromium browser, String page, String loginId, boolean mayTakeOver) {
        browser.open(page);
        int port = URI.create(browser.driver().getCurrentUrl()).getPort();
        browser.find("#username").sendKeys(loginId);
        browser.find("#password").sendKeys("musubi-demo");
        browser.find("#login-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
        WebElement shown = browser.find("#demo-code");
        String validFrom = shown.getAttribute("data-valid-from");
        if (mayTakeOver && Instant.parse(validFrom).isAfter(Instant.now()) && RECENT.containsKey(port + "/" + loginId)) {
            if (!takeOver(browser, port, loginId)) {
                logIn(browser, page, loginId, false); // that session has ended (a log-out): sign in afresh
            }
            return;
        }
        awaitValid(validFrom);
        browser.find("#code").sendKeys(shown.getAttribute("data-code"));
        browser.find("#code-form button").click();
        browser.await().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        RECENT.put(port + "/" + loginId, browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }

    /** Whether the browser now holds the session {@code loginId} last signed in with on this server, still open. */
    private static boolean takeOver(Chromium browser, int port, String loginId) {
        String cookies = RECENT.get(port + "/" + loginId);
        browser.driver().manage().deleteAllCookies();
        for (String pair : cookies.split("; ")) {
            int eq = pair.indexOf('=');
            browser.driver().manage().addCookie(new Cookie(pair.substring(0, eq), pair.substring(eq + 1), "/"));
        }
        browser.open("/");
        // signed in: the header's log-out form (an ended session shows "/" as the public front door, or a login page)
        if (!browser.driver().findElements(By.cssSelector("form[action$='/logout']")).isEmpty()) {
            return true;
        }
        RECENT.remove(port + "/" + loginId);
        browser.driver().manage().deleteAllCookies();
        return false;
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
        RECENT.put(port + "/" + loginId, web.cookieHeader());
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

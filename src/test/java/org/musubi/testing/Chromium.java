package org.musubi.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.musubi.registry.User;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, for the browser tests: one per test
 * class, skipped (not failed) where the packages are missing. Screenshots go to target/screenshots
 * for people reviewing a CI run.
 */
public final class Chromium implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1366, 768);
    public static final Dimension TABLET = new Dimension(1024, 768);
    private static final File FULL = new File("/usr/bin/chromium");
    /**
     * Debian's chromium-headless-shell (the old headless mode as a binary of its own, without the browser's window
     * and extension machinery): the same Blink and V8, about a sixth less CPU for the tours (bench/README.md). The
     * wrapper /usr/bin/chromium-headless-shell is not used: the driver finds no page through it.
     */
    private static final File SHELL = new File("/usr/lib/chromium/chromium-headless-shell");
    private static final File BINARY = SHELL.canExecute() ? SHELL : FULL;
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;
    private final String base;
    private final WebDriverWait wait;

    private Chromium(WebDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.base = "http://localhost:" + port;
        // a page replaced while a condition reads an element (a redirect after a click) is asked again, not a failure
        this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Starts a browser for the app on {@code port}, or skips the calling tests when Chromium is not installed. */
    public static Chromium start(int port) {
        assumeTrue(BINARY.canExecute() && DRIVER.canExecute(),
                "Debian's chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        Path profile = null;
        try {
            options.addArguments(BINARY == SHELL ? "--headless" : "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--disable-sync", "--disable-quic", "--window-size=1366,768", "--lang=ja");
            if (BINARY == FULL) {
                // the shell given a profile directory of its own opens no page the driver can find: the driver's own
                // temporary profile serves it (and goes with it)
                profile = Files.createTempDirectory("musubi-chromium");
                options.addArguments("--user-data-dir=" + profile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile, port);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    /** Opens a path of the app, e.g. "/portal/link". */
    public void open(String path) {
        driver.get(base + path);
    }

    /** The path and query the browser is at now. */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * Waits until {@code element} has left the page (the next page has loaded, or the script replaced
     * it). Chromium sometimes answers a question about a node of the page being unloaded with an
     * inspector error ("Node with given id does not belong to the document") instead of a stale
     * element; that answer means the same thing and is taken as gone.
     */
    public void awaitGone(WebElement element) {
        wait.until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return true;
            } catch (WebDriverException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /**
     * Clicks what {@code css} finds and waits until the page it was on is gone (a link followed, a form posted), so
     * that the next look-up reads the new page rather than the old one going away.
     */
    public void clickAndLeave(String css) {
        clickAndLeave(find(css));
    }

    /** {@link #clickAndLeave(String)} of an element already found. */
    public void clickAndLeave(WebElement target) {
        WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        target.click();
        awaitGone(page);
    }

    /**
     * Opens the {@code <details>} whose summary {@code summaryCss} finds, as a user does: clicks the summary, and clicks
     * it again while the details are still closed (a click that landed while the page was still moving, on a viewer
     * page loading its images, say, opens nothing).
     */
    public void expand(String summaryCss) {
        WebElement summary = find(summaryCss);
        WebElement details = summary.findElement(By.xpath("ancestor::details[1]"));
        wait.until(d -> {
            if ("true".equals(details.getDomProperty("open"))) {
                return true;
            }
            try {
                summary.click();
            } catch (org.openqa.selenium.ElementNotInteractableException e) { // click intercepted included
                return false; // the page is still moving: try again
            }
            return "true".equals(details.getDomProperty("open"));
        });
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String source() {
        return driver.getPageSource();
    }

    /** Password, then the TOTP code {@code codeFor} gives for the user's id (e.g. TestAccounts::nextCode). */
    public void logIn(User user, String password, LongFunction<String> codeFor) {
        open("/login");
        find("#username").sendKeys(user.loginId());
        find("#password").sendKeys(password);
        find("#login-form button").click();
        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        find("#code").sendKeys(codeFor.apply(user.id()));
        find("#code-form button").click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Scrolls the element to the middle of the window (before a screenshot of it). */
    public void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Saves what the browser shows now as target/screenshots/{name}.png. */
    public void screenshot(String name) {
        Path shot = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's errors since the last call (CSP violations and script errors show up here). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /**
     * Saves what a phone shows as target/screenshots/phr-{page}-phone.png and asserts that the page does not scroll
     * sideways and that the window is a phone's (at most 360 CSS pixels wide).
     */
    public void fitsThePhone(String page) {
        screenshot("phr-" + page + "-phone");
        Number scrollWidth = (Number) script("return document.documentElement.scrollWidth");
        Number viewport = (Number) script("return window.innerWidth");
        Assertions.assertThat(scrollWidth.intValue()).as(page + ": no sideways scrolling on a phone")
                .isLessThanOrEqualTo(viewport.intValue());
        Assertions.assertThat(viewport.intValue()).as("the phone's width").isLessThanOrEqualTo(360);
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Quits the browser and removes its profile directory (the full browser's; the shell's goes with its driver). */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            if (profile != null) {
                removeProfile();
            }
        }
    }

    private void removeProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test for
        }
    }
}

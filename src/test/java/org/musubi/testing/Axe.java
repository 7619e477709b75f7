package org.musubi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (npm's {@code axe-core}, version and integrity pinned in pom.xml, unpacked by the build into the test
 * classpath, never committed nor served by the app) run in the page a {@link Chromium} shows: the WCAG 2.0, 2.1 and 2.2
 * A and AA rules. A {@link Violation} is one rule broken on the page, with the elements that break it; the browser
 * tests fail on those of impact serious or critical (issue 67, item 6).
 */
public final class Axe {

    /**
     * The rules run: WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no tag {@code wcag22a}: none of 2.2's new level-A
     * criteria can be tested by a machine).
     */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /** The impacts a test fails on. */
    public static final Set<String> FAILING = Set.of("serious", "critical");
    private static final String SOURCE = load();

    private Axe() {
    }

    /**
     * One rule broken on a page.
     *
     * @param rule    axe's rule id (e.g. {@code color-contrast})
     * @param impact  minor, moderate, serious or critical
     * @param help    what the rule asks, in axe's words
     * @param targets the CSS selectors of the elements that break it
     */
    public record Violation(String rule, String impact, String help, List<String> targets) {

        /** Whether a test fails on it: serious or critical. */
        public boolean failing() {
            return FAILING.contains(impact);
        }

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " — " + String.join(", ", targets);
        }
    }

    /**
     * Has the browser load axe-core into every page it opens from now on (once, through the DevTools protocol: sending
     * its half a megabyte of script with every page costs seconds a page on a busy CI machine).
     */
    public static void install(Chromium browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", SOURCE));
    }

    /** Runs the WCAG A/AA rules in the page the browser shows now; every violation found, of any impact. */
    public static List<Violation> check(Chromium browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE); // a browser without install(), or a page opened before it
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done({violations: r.violations.map(v => ({rule: v.id, impact: v.impact || '',
                      help: v.help, targets: v.nodes.map(n => n.target
                          .map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '))}))}))
                  .catch(e => done({error: String(e)}));""", TAGS);
        if (answer.containsKey("error")) {
            throw new IllegalStateException("axe-core failed on " + browser.path() + ": " + answer.get("error"));
        }
        List<Violation> violations = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) answer.get("violations");
        for (Map<String, Object> v : found) {
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) v.get("targets");
            violations.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    List.copyOf(targets)));
        }
        return violations;
    }

    /** The serious and critical violations of the page the browser shows now. */
    public static List<Violation> failing(Chromium browser) {
        return check(browser).stream().filter(Violation::failing).toList();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath (target/test-classes/axe-core/"
                        + "axe.min.js): build with Maven, which fetches it (pom.xml, execution npm-vendor)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.emergency.Crews;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.Residents;
import org.musubi.registry.User;
import org.musubi.testing.Axe;
import org.musubi.testing.Chromium;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 67, item 6: with the keyboard alone — Tab, Shift+Tab, Enter, Space and typing, never a click — a doctor signs
 * in (password, then the second factor's code), opens a patient from the home page (not the demo resident) and moves
 * between the chart's tabs, and an ambulance crew member on a phone signs in, finds a patient by card and opens the
 * emergency dataset. Every element the keyboard lands on shows where it is: it matches {@code :focus-visible} and has
 * an outline of at least 2 px. The pages on the way (the second factor, the chart's tabs, the crew's screens) also
 * pass axe-core's WCAG 2.2 AA rules without a serious or critical violation.
 */
@Tag("browser")
class KeyboardBrowserIT extends StartedDemo {

    private static final Dimension PHONE = new Dimension(360, 740);
    private static final int MOST_KEYS = 120;

    private final List<String> unseenFocus = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void nothingFoundYet() {
        unseenFocus.clear();
        violations.clear();
    }

    @Test
    void aDoctorSignsInOpensAPatientAndMovesBetweenTheChartsTabsWithTheKeyboardAlone() {
        try (Chromium browser = Chromium.start(port)) {
            Axe.install(browser);
            browser.resize(Chromium.DESKTOP);
            browser.open("/login");
            browser.find("#login-form");
            focus(browser, "#username", Keys.TAB);
            type(browser, "doctor1");
            focus(browser, "#password", Keys.TAB);
            focus(browser, "#username", Keys.SHIFT);
            focus(browser, "#password", Keys.TAB);
            type(browser, "musubi-demo");
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
            WebElement shown = browser.find("#demo-code");
            DemoServer.awaitValid(shown.getAttribute("data-valid-from"));
            axe(browser, "/login/second-factor");
            focus(browser, "#code", Keys.TAB);
            type(browser, shown.getAttribute("data-code"));
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            browser.find("#patient-list");
            // a linked patient other than the demo resident, whose accesses the second tour counts
            long resident = server.getBean(DemoProgress.class).resident().map(r -> r.account().personId()).orElse(-1L);
            String patient = browser.findAll("#patient-list tbody tr a[href^='/portal/patients/']").stream()
                    .map(a -> a.getDomAttribute("href"))
                    .filter(h -> !h.matches("/portal/patients/" + resident + "\\b.*")).findFirst()
                    .orElseThrow(() -> new AssertionError("doctor1 has a linked patient besides the resident"));
            focus(browser, "#patient-list tbody tr a[href='" + patient + "']", Keys.TAB);
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.urlContains("/portal/patients/"));
            browser.find("#timeline");
            String chart = browser.path().replaceFirst("\\?.*", "");
            axe(browser, chart);
            focus(browser, "#patient-tabs a[href*='/labs']", Keys.TAB);
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.urlContains(chart + "/labs"));
            browser.find("#patient-tabs a.current[href*='/labs']");
            axe(browser, chart + "/labs");
            focus(browser, "#patient-tabs a[href*='/notebook']", Keys.TAB);
            focus(browser, "#patient-tabs a[href*='/labs']", Keys.SHIFT);
            focus(browser, "#patient-tabs a[href*='/medications']", Keys.SHIFT);
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.urlContains(chart + "/medications"));
            assertThat(browser.find("#patient-tabs a.current").getText()).as("the tab now shown").isEqualTo("お薬");
            axe(browser, chart + "/medications");
        }
        assertThat(unseenFocus).as("elements the keyboard reached without a visible focus indicator").isEmpty();
        assertThat(violations).as("serious or critical axe-core violations on the way").isEmpty();
    }

    @Test
    void aCrewMemberSignsInFindsAPatientByCardAndOpensTheDatasetWithTheKeyboardAloneOnAPhone() {
        Crews crews = server.getBean(Crews.class);
        TestAccounts accounts = server.getBean(TestAccounts.class);
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        IssuedCard card = server.getBean(IssueCard.class).regional(0, patient.personId());
        User paramedic = crews.paramedic();
        try (Chromium browser = Chromium.start(port)) {
            Axe.install(browser);
            browser.resize(PHONE);
            browser.open("/login");
            browser.find("#login-form");
            focus(browser, "#username", Keys.TAB);
            type(browser, paramedic.loginId());
            focus(browser, "#password", Keys.TAB);
            type(browser, TestAccounts.PASSWORD);
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
            focus(browser, "#code", Keys.TAB);
            type(browser, accounts.nextCode(paramedic.id()));
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.urlMatches(".*/emergency$"));

            browser.find("#crew-find-card");
            axe(browser, "/emergency");
            focus(browser, "#card", Keys.TAB);
            type(browser, card.card().number());
            focus(browser, "#checkCode", Keys.TAB);
            type(browser, card.printedCheckCode());
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.urlContains("/emergency/open"));
            browser.find("#crew-open-form");
            axe(browser, "/emergency/open");
            focus(browser, "#crew-open-form input[name=code]:checked", Keys.TAB);
            press(browser, Keys.SPACE);
            focus(browser, "#password", Keys.TAB);
            type(browser, TestAccounts.PASSWORD);
            press(browser, Keys.ENTER);
            browser.await().until(ExpectedConditions.urlContains("/emergency/persons/" + patient.personId()));
            assertThat(browser.find("#dataset-person").getText()).as("the dataset's person").isNotBlank();
            axe(browser, "/emergency/persons/{id}");
        }
        assertThat(unseenFocus).as("elements the keyboard reached without a visible focus indicator").isEmpty();
        assertThat(violations).as("serious or critical axe-core violations on the way").isEmpty();
    }

    /**
     * Presses Tab ({@code key} TAB) or Shift+Tab ({@code key} SHIFT) until the focus is on what {@code css} finds,
     * unless it is there already; every element the focus lands on must show it.
     */
    private void focus(Chromium browser, String css, Keys key) {
        for (int i = 0; i <= MOST_KEYS; i++) {
            if (Boolean.TRUE.equals(browser.script("return document.activeElement !== null "
                    + "&& document.activeElement.matches(arguments[0])", css))) {
                return;
            }
            if (key == Keys.SHIFT) {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(browser, Keys.TAB);
            }
            focusShown(browser);
        }
        throw new AssertionError(MOST_KEYS + " presses of " + (key == Keys.SHIFT ? "Shift+Tab" : "Tab") + " on "
                + browser.path() + " never reached " + css);
    }

    /** The focused element matches :focus-visible and has an outline of 2 px or more. */
    private void focusShown(Chromium browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> focused = (Map<String, Object>) browser.script("""
                const e = document.activeElement;
                if (e === null || e === document.body) { return null; }
                const s = getComputedStyle(e);
                return {what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.name || '')
                            .trim().slice(0, 30),
                        visible: e.matches(':focus-visible'), style: s.outlineStyle,
                        width: parseFloat(s.outlineWidth)};""");
        if (focused == null) {
            return;
        }
        boolean shown = Boolean.TRUE.equals(focused.get("visible")) && !"none".equals(focused.get("style"))
                && ((Number) focused.get("width")).doubleValue() >= 2;
        if (!shown) {
            unseenFocus.add(browser.path() + ": " + focused);
        }
    }

    private static void press(Chromium browser, Keys key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** Types into the focused element. */
    private static void type(Chromium browser, String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    private void axe(Chromium browser, String page) {
        for (Axe.Violation v : Axe.failing(browser)) {
            violations.add(page + " | " + v);
        }
    }
}

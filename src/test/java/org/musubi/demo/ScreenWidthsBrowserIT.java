package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.musubi.audit.Purpose;
import org.musubi.emergency.Crews;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.Overflow;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Phones and laptops (issue 39): on the full demo network, every main page at 360×740 (the portal and the patient
 * viewer as a home-visit nurse or care manager holds it, the ambulance crew's screens, the resident's notebook) and at
 * 1366×768 (the viewer and every operator page) has no horizontal overflow: the page does not scroll sideways and
 * nothing runs past the window unless inside its own scroll box. On a phone the crew's header is one line and the
 * hand-over's result is at the top of the page. Screenshots go to target/screenshots/width-*.png.
 */
@ExtendWith(SoftAssertionsExtension.class)
@Tag("browser")
class ScreenWidthsBrowserIT extends StartedDemo {

    private static final Dimension PHONE = new Dimension(360, 740);
    private static final Dimension LAPTOP = Chromium.DESKTOP;

    @InjectSoftAssertions
    private SoftAssertions softly;

    @Test
    void theViewerFitsAPhoneAndALaptop() {
        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            DemoServer.logIn(browser, "/login", "nurse1");
            String patient = viewerPages(browser, "phone-nurse");
            assertTheTabsWrapOrScroll(browser);
            browser.open("/portal/facilities");
            Overflow.check(softly, browser, "phone-facilities");
            browser.open("/portal/link");
            Overflow.check(softly, browser, "phone-link");

            browser.resize(LAPTOP);
            browser.open("/");
            Overflow.check(softly, browser, "laptop-home");
            browser.driver().get(patient + "/labs");
            Overflow.check(softly, browser, "laptop-labs");
        }
    }

    @Test
    void theCareManagersViewerFitsAPhone() {
        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            DemoServer.logIn(browser, "/login", "caremanager1");
            viewerPages(browser, "phone-caremanager");
        }
    }

    /** Home, timeline (also filtered), お薬, 検査結果, a trend, 健康手帳 and a document; returns the patient's address. */
    private String viewerPages(Chromium browser, String name) {
        browser.open("/");
        Overflow.check(softly, browser, name + "-home");
        headerLines(browser, name + "-home", 2);
        adminMenuOnTheScreen(browser, name);
        patientCards(browser, name);
        String patient = browser.find("#patient-list tbody tr a").getAttribute("href");
        browser.driver().get(patient);
        browser.find("#timeline");
        Overflow.check(softly, browser, name + "-timeline");
        headerLines(browser, name + "-timeline", 2);
        browser.scrollTo(browser.find("#patient-tabs"));
        browser.screenshot("width-" + name + "-tabs");
        List<WebElement> documents = browser.findAll("a.open-document");
        String document = documents.isEmpty() ? null : documents.getFirst().getAttribute("href");
        WebElement filter = browser.find("#timeline-filter input[name=kind]");
        browser.scrollTo(filter);
        browser.screenshot("width-" + name + "-filter");
        filter.click();
        browser.script("arguments[0].requestSubmit()", browser.find("#timeline-filter"));
        browser.await().until(ExpectedConditions.urlContains("kind="));
        Overflow.check(softly, browser, name + "-timeline-filtered");
        browser.driver().get(patient + "/medications");
        Overflow.check(softly, browser, name + "-medications");
        browser.driver().get(patient + "/labs");
        Overflow.check(softly, browser, name + "-labs");
        List<WebElement> trends = browser.findAll("#lab-table tbody tr a");
        if (!trends.isEmpty()) {
            browser.driver().get(trends.getFirst().getAttribute("href"));
            Overflow.check(softly, browser, name + "-lab-trend");
        }
        browser.driver().get(patient + "/notebook");
        Overflow.check(softly, browser, name + "-notebook");
        if (document != null) {
            browser.driver().get(document);
            Overflow.check(softly, browser, name + "-document");
        }
        return patient;
    }

    /** Every tab of the viewer can be reached on a phone: on the screen, or in the tabs' own scroll box. */
    private static void assertTheTabsWrapOrScroll(Chromium browser) {
        for (WebElement tab : browser.findAll("#patient-tabs a")) {
            Boolean reachable = (Boolean) browser.script("""
                    const r = arguments[0].getBoundingClientRect();
                    const box = arguments[0].parentElement;
                    return (r.left >= 0 && r.right <= window.innerWidth) || getComputedStyle(box).overflowX === 'auto';""",
                    tab);
            assertThat(reachable).as("the tab " + tab.getText()).isTrue();
        }
    }

    @Test
    void theCrewsScreensFitAPhoneWithAOneLineHeaderAndTheHandOverOnTop() {
        Crews crews = server.getBean(Crews.class);
        TestAccounts accounts = server.getBean(TestAccounts.class);
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        IssuedCard card = server.getBean(IssueCard.class).regional(0, patient.personId());
        Facility er = accounts.newHospital();
        User paramedic = crews.paramedic();
        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            browser.logIn(paramedic, TestAccounts.PASSWORD, accounts::nextCode);
            browser.await().until(ExpectedConditions.urlMatches(".*/emergency$"));
            crewPage(browser, "crew-find");
            browser.find("#card").sendKeys(card.card().number());
            browser.find("#checkCode").sendKeys(card.printedCheckCode());
            submit(browser, "#crew-find-card");
            crewPage(browser, "crew-open");
            browser.find("#password").sendKeys(TestAccounts.PASSWORD);
            submit(browser, "#crew-open-form");
            crewPage(browser, "crew-dataset");
            browser.open("/emergency/persons/" + patient.personId() + "/handover?q="
                    + URLEncoder.encode(er.nameKanji(), StandardCharsets.UTF_8));
            crewPage(browser, "crew-handover");
            submit(browser, "#handover-" + er.id() + "");
            browser.find("#handed-over");
            crewPage(browser, "crew-handed-over");
            Number top = (Number) browser.script("return document.getElementById('handed-over').getBoundingClientRect().bottom");
            Number person = (Number) browser.script("return document.getElementById('dataset-person').getBoundingClientRect().top");
            assertThat(top.doubleValue()).as("the hand-over's result is on the first screen, above the person")
                    .isLessThanOrEqualTo(person.doubleValue()).isLessThanOrEqualTo(PHONE.height / 2.0);
        }
        User doctor = accounts.memberOf(er, Profession.DOCTOR);
        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            browser.logIn(doctor, TestAccounts.PASSWORD, accounts::nextCode);
            Overflow.check(softly, browser, "phone-er-home");
            browser.open("/emergency/inbox");
            crewPage(browser, "er-inbox");
            browser.find(".handover-inbox a[data-handover]").click();
            browser.await().until(ExpectedConditions.urlContains("/emergency/persons/" + patient.personId()));
            crewPage(browser, "er-dataset");
        }
    }

    private void crewPage(Chromium browser, String name) {
        Overflow.check(softly, browser, "phone-" + name);
        headerLines(browser, name, 1);
    }

    /**
     * On a phone the home page's linked patients are cards, not a table squeezed to a letter a line: every value of
     * the first patient spans most of the card's width and, but for the name, says what it is (its column's label).
     */
    private void patientCards(Chromium browser, String name) {
        WebElement row = browser.find("#patient-list tbody tr");
        double rowWidth = row.getRect().getWidth();
        for (WebElement cell : row.findElements(By.tagName("td"))) {
            if (!cell.isDisplayed()) {
                continue; // an empty value (no chart number) is left out
            }
            softly.assertThat(cell.getRect().getWidth()).as(name + ": a patient's value across the card: " + cell.getText())
                    .isGreaterThan((int) (rowWidth * 0.8));
            if (!cell.findElements(By.tagName("a")).isEmpty()) {
                continue; // the name, a link to the record, needs no label
            }
            String label = (String) browser.script(
                    "return getComputedStyle(arguments[0], '::before').content", cell);
            softly.assertThat(label).as(name + ": the label of " + cell.getText()).contains("：");
        }
    }

    /** When the user has the 管理 menu: opened on a phone, every link in it lies on the screen and can be tapped. */
    private void adminMenuOnTheScreen(Chromium browser, String name) {
        List<WebElement> menu = browser.findAll("#admin-menu summary");
        if (menu.isEmpty()) {
            return;
        }
        menu.getFirst().click();
        List<WebElement> links = browser.findAll("#admin-menu .admin-links a");
        softly.assertThat(links).as(name + ": the 管理 menu's links").isNotEmpty();
        browser.screenshot("width-" + name + "-admin-menu");
        for (WebElement link : links) {
            Boolean onScreen = (Boolean) browser.script("""
                    const r = arguments[0].getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0
                        && r.bottom <= window.innerHeight && hit !== null && arguments[0].contains(hit);""", link);
            softly.assertThat(onScreen).as(name + ": 管理 → " + link.getText() + " on the screen, not covered").isTrue();
        }
        menu.getFirst().click();
    }

    /**
     * The header's links, buttons and texts (banners aside) sit on at most {@code most} lines: one for the crew's
     * screens, two for staff pages on a phone (brand and language; the menu), so the patient starts near the top.
     */
    private void headerLines(Chromium browser, String name, int most) {
        @SuppressWarnings("unchecked")
        List<Number> centres = (List<Number>) browser.script("""
                const header = document.querySelector('header.top');
                return [...header.querySelectorAll('a, button, span, summary')]
                    .filter(e => !e.closest('.disaster-banner, .standby-banner, .admin-links'))
                    .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0)
                    .map(r => r.top + r.height / 2);""");
        List<Double> lines = new ArrayList<>();
        centres.stream().mapToDouble(Number::doubleValue).sorted().forEach(c -> {
            if (lines.isEmpty() || c - lines.getLast() >= 12) {
                lines.add(c);
            }
        });
        softly.assertThat(lines).as(name + ": the header's lines on a phone (centres in px)").hasSizeLessThanOrEqualTo(most);
    }

    private static void submit(Chromium browser, String formOrButtonCss) {
        WebElement element = browser.find(formOrButtonCss);
        browser.script("(arguments[0].form || arguments[0]).requestSubmit(arguments[0].form ? arguments[0] : undefined)",
                element);
        browser.awaitGone(element);
    }

    @Test
    void theNotebookFitsAPhone() {
        Residents residents = server.getBean(Residents.class);
        // a hospital's patient with allergies, medicines, problems and vitals, registered for the notebook
        Residents.Patient patient = server.getBean(Crews.class).patient(port, Set.of(Purpose.TREATMENT));
        Residents.Resident resident = residents.register(patient.personId());
        try (Chromium browser = Chromium.start(port)) {
            browser.resize(PHONE);
            browser.logIn(resident.account(), Residents.PASSWORD, id -> residents.nextCode(id, resident.totpSecret()));
            for (String page : List.of("/phr", "/phr/emergency-sheet", "/phr/emergency-sheet/edit",
                    "/phr/emergency-sheet/history", "/phr/vitals", "/phr/medicines", "/phr/medicines/otc/new",
                    "/phr/checkups", "/phr/access-log", "/phr/sharing", "/phr/points", "/phr/passkeys", "/phr/proxies",
                    "/phr/password")) {
                browser.open(page);
                Overflow.check(softly, browser, "phone-notebook" + page.replace('/', '-'));
            }
        }
    }

    @Test
    void theOperatorsTablesFitALaptop() {
        try (Chromium browser = Chromium.start(port)) {
            browser.resize(LAPTOP);
            DemoServer.logIn(browser, "/login", "admin");
            for (String page : List.of("/", "/admin/users", "/admin/facilities", "/admin/imports", "/admin/audit",
                    "/admin/matching", "/admin/emergency", "/admin/persons", "/admin/notices", "/admin/api-clients",
                    "/admin/disaster", "/admin/phr-inquiries", "/admin/phr-points", "/admin/smart-apps",
                    "/admin/audit?action=PATIENT_LINK")) {
                browser.open(page);
                Overflow.check(softly, browser, "laptop" + page.replaceAll("[/?=]", "-"));
            }
            // an app whose redirect URIs are long (as vendors' are, one a single word): its row still fits
            browser.open("/admin/smart-apps");
            browser.find("#name").sendKeys("服薬記録アプリ");
            browser.find("#redirectUris").sendKeys("https://care-app.example.test/musubi/oauth2/authorization-code/"
                    + "callback-for-the-regional-network-of-hiroshima-prefecture-and-its-municipalities\n"
                    + "jp.example.careappforthemusubiregionalhealthinformationnetworkofhiroshimaprefecture"
                    + "anditsmunicipalitiesandcareoffices.oauth2redirect:/callback");
            browser.script("arguments[0].requestSubmit()", browser.find("#smart-app-form"));
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("created-app")));
            Overflow.check(softly, browser, "laptop-admin-smart-apps-one");
            long personId = server.getBean(JdbcClient.class)
                    .sql("SELECT min(id) FROM person").query(Long.class).single();
            String kana = server.getBean(IdentityStore.class).person(personId).orElseThrow().person()
                    .familyKana();
            browser.open("/admin/persons?q=" + URLEncoder.encode(kana, StandardCharsets.UTF_8));
            Overflow.check(softly, browser, "laptop-admin-persons-found");
            browser.open("/admin/persons/" + personId);
            Overflow.check(softly, browser, "laptop-admin-persons-one");
            browser.open("/admin/imports");
            List<String> batches = browser.findAll("#import-batches tbody tr a[href^='/admin/imports/']").stream()
                    .map(a -> a.getAttribute("href")).toList();
            for (String batch : batches) {
                browser.driver().get(batch);
                Overflow.check(softly, browser, "laptop-admin-imports-" + batch.replaceAll(".*/", ""));
            }
            for (String list : List.of("/admin/users", "/admin/facilities", "/admin/matching")) {
                browser.open(list);
                List<WebElement> rows = browser.findAll("main table tbody tr a[href^='" + list + "/']");
                assertThat(rows).as(list + " lists something on the demo").isNotEmpty();
                browser.driver().get(rows.getFirst().getAttribute("href"));
                Overflow.check(softly, browser, "laptop" + list.replace('/', '-') + "-one");
            }
        }
    }
}

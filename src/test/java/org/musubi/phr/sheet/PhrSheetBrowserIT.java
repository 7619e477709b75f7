package org.musubi.phr.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.phr.Residents;
import org.musubi.photos.TestPictures;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 命の宝箱 on a phone (headless Chromium, 360×800): the resident fills in the sheet from the notebook's menu, adds a
 * photo of the paper form (shown back without its EXIF location) and opens the printable sheet, an A4 PDF fetched by
 * the page's own link; a pharmacist of a linked pharmacy enters the sheet on the resident's behalf on a tablet, and
 * the resident sees it marked as entered by that pharmacy and confirms it. No page scrolls sideways.
 */
@MusubiIntegrationTest
@Tag("browser")
class PhrSheetBrowserIT {

    private static final Dimension PHONE = new Dimension(360, 800);

    @LocalServerPort
    int port;
    @Autowired
    Residents residents;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Consents consents;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentFillsTheSheetOnAPhoneAddsAPhotoAndPrintsIt() throws Exception {
        Residents.Resident resident = residents.register(
                residents.patientAt(port, FacilityKind.HOSPITAL, "ホウモツ").personId());
        browser = Chromium.start(port);
        browser.resize(PHONE);
        logIn(resident);

        browser.find("#menu-sheet").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/emergency-sheet"));
        assertThat(browser.findAll("#sheet-empty")).hasSize(1);
        browser.fitsThePhone("sheet-empty");
        browser.find("#sheet-edit").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/emergency-sheet/edit"));
        browser.find("#allergy-0-substance").sendKeys("ペニシリン");
        browser.find("#condition-0-name").sendKeys("糖尿病");
        browser.find("#contact-0-name").sendKeys("宝箱 花子");
        browser.find("#contact-0-phone").sendKeys("090-2222-3333");
        browser.find("#paperLocation").sendKeys("冷蔵庫のドア");
        select("#bloodAbo", "O");
        browser.fitsThePhone("sheet-edit");
        submit("#sheet-form");

        assertThat(browser.find("#saved").getText()).isNotBlank();
        assertThat(browser.find("#sheet-view").getText()).contains("ペニシリン").contains("糖尿病").contains("宝箱 花子")
                .contains("090-2222-3333").contains("冷蔵庫のドア").contains("O型");

        Path photo = Files.createTempFile("paper-sheet", ".jpg");
        try {
            Files.write(photo, TestPictures.jpegWithExif(400, 300, 1));
            browser.find("#photo").sendKeys(photo.toAbsolutePath().toString());
            browser.find("#caption").sendKeys("用紙の表面");
            submit("#photo-form");
        } finally {
            Files.deleteIfExists(photo);
        }
        WebElement shown = browser.find("#sheet-photos img");
        assertThat(browser.find("#sheet-photos").getText()).contains("用紙の表面");
        browser.scrollTo(shown);
        browser.await().until(d -> ((Number) browser.script(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", shown)).intValue() > 0);
        assertThat(browser.script("return arguments[0].naturalWidth", shown)).as("the photo loads in the page")
                .isEqualTo(400L);
        @SuppressWarnings("unchecked")
        Map<String, Object> image = (Map<String, Object>) fetch(shown.getAttribute("src"));
        assertThat(image.get("type")).isEqualTo("image/jpeg");
        assertThat(image.get("gps")).as("no EXIF location in what is served").isEqualTo(false);
        browser.fitsThePhone("sheet-photo");

        WebElement print = browser.find("#sheet-print");
        assertThat(print.getAttribute("href")).endsWith("/phr/emergency-sheet/print");
        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = (Map<String, Object>) fetch(print.getAttribute("href"));
        assertThat(pdf.get("status")).isEqualTo(200L);
        assertThat(pdf.get("type")).asString().startsWith("application/pdf");
        assertThat(pdf.get("head")).as("a PDF file").isEqualTo("%PDF-");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPharmacistsProxyEntryIsShownToTheResidentAsProxyEnteredAndTheResidentConfirmsIt() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.PHARMACY, "ダイリ");
        Residents.Resident resident = residents.register(patient.personId());
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        consents.link(patient.personId(), pharmacy.id(), admin);

        browser = Chromium.start(port);
        browser.resize(Chromium.TABLET);
        browser.logIn(accounts.memberOf(pharmacy, Profession.PHARMACIST), TestAccounts.PASSWORD, accounts::nextCode);
        browser.open("/portal/patients/" + patient.personId() + "/notebook");
        browser.find("#sheet-proxy-entry").click();
        browser.await().until(ExpectedConditions.urlContains("/emergency-sheet/edit"));
        browser.find("#allergy-0-substance").sendKeys("卵");
        browser.find("#medicine-0-name").sendKeys("メトホルミン錠250mg");
        submit("#sheet-form");
        assertThat(browser.find("#proxy-entered").getText()).contains(pharmacy.nameKanji());
        for (String badge : List.of("#sheet-view .badge.patient-reported", "#proxy-entered")) {
            // issue 67: the 本人・代理入力 note (the same fragment the crew's screen shows) readable, WCAG AA
            assertThat(contrast(badge)).as(badge + ": text contrast").isGreaterThanOrEqualTo(4.5);
        }
        browser.close();

        browser = Chromium.start(port);
        browser.resize(PHONE);
        logIn(resident);
        browser.find("#menu-sheet").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/emergency-sheet"));
        assertThat(browser.find("#proxy-entered").getText()).contains(pharmacy.nameKanji());
        assertThat(browser.findAll("#awaiting-confirmation")).hasSize(1);
        assertThat(browser.find("#sheet-view").getText()).contains("卵").contains("メトホルミン錠250mg");
        browser.fitsThePhone("sheet-proxy-entered");
        browser.find("#sheet-confirm").click();
        browser.await().until(ExpectedConditions.urlContains("saved=confirmed"));
        assertThat(browser.findAll("#awaiting-confirmation")).isEmpty();
        assertThat(browser.findAll("#sheet-confirm")).isEmpty();
        browser.find("#sheet-history").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/emergency-sheet/history"));
        List<WebElement> badges = browser.findAll("#sheet-versions .proxy-entered");
        assertThat(badges).as("the pharmacy's version is marked in the history").isNotEmpty();
        browser.fitsThePhone("sheet-history");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void logIn(Residents.Resident resident) {
        browser.logIn(resident.account(), Residents.PASSWORD, id -> residents.nextCode(id, resident.totpSecret()));
        browser.await().until(ExpectedConditions.urlMatches(".*/phr$"));
    }

    private void select(String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    private void submit(String formCss) {
        WebElement form = browser.find(formCss);
        browser.script("arguments[0].requestSubmit()", form);
        browser.awaitGone(form);
    }

    /** Fetches a URL in the page (the browser's own session): status, content type, first bytes, GPS mark found. */
    private Object fetch(String url) {
        return ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const mark = arguments[1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
                  const bytes = new Uint8Array(b);
                  const head = String.fromCharCode(...bytes.slice(0, 5));
                  const text = Array.from(bytes, c => String.fromCharCode(c)).join('');
                  done({status: r.status, type: r.headers.get('Content-Type'), head: head,
                        gps: text.indexOf(mark) >= 0});
                })).catch(e => done({error: String(e)}));
                """, url, new String(TestPictures.GPS_MARK, StandardCharsets.ISO_8859_1));
    }


    /** The contrast ratio (WCAG 2.2) of an element's text colour on its own background colour, as the browser paints them. */
    private double contrast(String css) {
        Object ratio = browser.script("""
                const style = getComputedStyle(document.querySelector(arguments[0]));
                const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
                const luminance = c => c.map(v => v / 255).map(v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
                        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                const a = luminance(rgb(style.color)), b = luminance(rgb(style.backgroundColor));
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);""", css);
        return ((Number) ratio).doubleValue();
    }
}

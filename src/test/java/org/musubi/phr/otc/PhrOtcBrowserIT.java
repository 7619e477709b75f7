package org.musubi.phr.otc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * わたしのお薬 on a phone (headless Chromium, 360×800): the resident adds a supplement from the medicines page (a missing
 * name refused by name first), sees it listed, ends it and sees it among those no longer taken, and the page's
 * お薬手帳 link downloads a Shift_JIS JAHIS file as an attachment. No page scrolls sideways.
 */
@MusubiIntegrationTest
@Tag("browser")
class PhrOtcBrowserIT {

    private static final Dimension PHONE = new Dimension(360, 800);

    @LocalServerPort
    int port;
    @Autowired
    Residents residents;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentAddsAndEndsASupplementOnAPhoneAndDownloadsTheNotebookFile() {
        Residents.Resident resident = residents.register(
                residents.patientAt(port, FacilityKind.PHARMACY, "シハンヤク").personId());
        browser = Chromium.start(port);
        browser.resize(PHONE);
        browser.logIn(resident.account(), Residents.PASSWORD, id -> residents.nextCode(id, resident.totpSecret()));
        browser.await().until(ExpectedConditions.urlMatches(".*/phr$"));

        browser.find("#menu-medicines").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/medicines"));
        assertThat(browser.findAll("#otc-none")).hasSize(1);
        browser.find("#otc-add").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/medicines/otc/new"));
        browser.fitsThePhone("otc-form");
        browser.find("input[name='kind'][value='supplement']").click();
        browser.script("arguments[0].value = arguments[1]", browser.find("#otc-since"), "2026-10-01");
        browser.script("arguments[0].removeAttribute('required')", browser.find("#otc-name"));
        submit("#otc-form");
        assertThat(browser.find("#faults li[data-field='name']").getText()).contains("名前");
        browser.fitsThePhone("otc-refused");
        assertThat(browser.consoleErrors()).as("the refused form's answer (422) is the only message").singleElement()
                .asString().contains("422");

        browser.find("#otc-name").sendKeys("ビタミンD 1000IU");
        browser.find("#otc-dose").sendKeys("朝1粒");
        browser.script("arguments[0].value = arguments[1]", browser.find("#otc-since"), "2026-10-01");
        submit("#otc-form");
        browser.await().until(ExpectedConditions.urlContains("/phr/medicines"));
        WebElement entry = browser.find("#otc-current li.otc-entry");
        assertThat(entry.getAttribute("data-kind")).isEqualTo("supplement");
        assertThat(entry.getText()).contains("ビタミンD 1000IU").contains("朝1粒").contains("2026-10-01");
        browser.fitsThePhone("otc-listed");

        browser.expand("#otc-current li.otc-entry .otc-actions summary");
        assertThat(browser.find("#otc-current li.otc-entry .confirm-question").getText())
                .as("issue 67: asked once, the entry and what follows named")
                .isEqualTo("「ビタミンD 1000IU」を飲むのをやめたと記録します。きょうが「やめた日」になり、「飲むのをやめたもの」に"
                        + "移ります（やめた日は「変更」で直せます）。");
        browser.clickAndLeave("#otc-current li.otc-entry .confirm-body button");
        assertThat(browser.findAll("#otc-current")).isEmpty();
        assertThat(browser.find("#otc-past li.otc-entry").getText()).contains("ビタミンD 1000IU");

        String href = browser.find("#okusuri-techo-download").getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status,
                    type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'),
                    head: new TextDecoder('shift_jis').decode(b).substring(0, 7)})))
                  .catch(e => done({error: String(e)}));
                """, href);
        assertThat(file.get("status")).isEqualTo(200L);
        assertThat(file.get("type")).asString().containsIgnoringCase("shift_jis");
        assertThat(file.get("disposition")).asString().startsWith("attachment");
        assertThat(file.get("head")).as("a JAHIS file starts with its version record").isEqualTo("JAHISTC");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void submit(String formCss) {
        WebElement form = browser.find(formCss);
        browser.script("arguments[0].requestSubmit()", form);
        browser.awaitGone(form);
    }

}

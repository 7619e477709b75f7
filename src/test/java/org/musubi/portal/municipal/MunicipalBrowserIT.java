package org.musubi.portal.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A municipality requests and receives a 主治医意見書, in headless Chromium: the municipality's public-health nurse opens
 * the resident's record and asks the clinic's doctor with a due date; the doctor finds the request on the home page, fills the form
 * (BPSD details appear only when there is BPSD, checked on the server) and sends it; the municipality sees the opinion
 * counted unread on the home page of its staff, who open it (under the addressee rule: the record itself stays
 * closed to them), get its PDF and mark it completed. No script error on the way.
 */
@MusubiIntegrationTest
@Tag("browser")
class MunicipalBrowserIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    org.musubi.carenet.municipal.Places places;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMunicipalityRequestsAndReceivesAnAttendingPhysiciansOpinion() {
        Facility clinic = accounts.newHospital();
        Facility city = places.municipality();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User nurse = accounts.memberOf(city, Profession.PUBLIC_HEALTH_NURSE);
        User staff = accounts.memberOf(city, Profession.MUNICIPAL_STAFF);
        long person = linkedConsentedPatientAt(clinic);
        consents.link(person, city.id(), accounts.networkAdmin().id());
        Person who = identities.person(person).orElseThrow().person();

        browser = browserAs(nurse);
        browser.open("/portal/patients/" + person);
        browser.find("#municipal-link").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("request-opinion"))).click();
        new Select(browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("facility"))))
                .selectByValue(String.valueOf(clinic.id()));
        browser.find("#show-doctors").click();
        new Select(browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("doctor"))))
                .selectByValue(String.valueOf(doctor.id()));
        new Select(browser.find("#application")).selectByValue("RENEWAL");
        browser.find("#insuredNumber").sendKeys("0000123456");
        setDate("#due", LocalDate.now().plusDays(14));
        browser.find("#note").sendKeys("要介護更新認定のため、ご記入をお願いします。");
        browser.find("#send-request-ask").click();
        assertThat(browser.find("#send-request-question").getText()).isEqualTo("主治医意見書の依頼を " + clinic.nameKanji()
                + " の選んだ医師に送ります。送った依頼はここから取り消せません（医師が意見書を送るか辞退するまで残ります）。");
        browser.find("#send-request-confirm").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("document-facts")));
        assertThat(browser.find("#document-status").getText()).isEqualTo("依頼中");
        assertThat(browser.find("#patient-name").getText()).contains(who.familyKanji());
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();

        browser = browserAs(doctor);
        browser.open("/");
        assertThat(browser.find("#municipal-requests").getAttribute("data-waiting")).isEqualTo("1");
        browser.find("#municipal-requests-link").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#municipal-list a.open-document")))
                .click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("opinion-form")));
        Map.of("consent", "consent-yes", "times", "times-again", "stability", "stable", "bedridden", "A1",
                        "dementia", "IIb", "memory", "memory-problem", "decisions", "dec-watch",
                        "communication", "com-some", "walking", "walk-ind", "eating", "eat-self")
                .forEach((field, code) -> new Select(browser.find("#f-" + field)).selectByValue(code));
        Map.of("nutrition", "nut-good", "outlook", "outlook-unknown", "infectious", "inf-no")
                .forEach((field, code) -> new Select(browser.find("#f-" + field)).selectByValue(code));
        new Select(browser.find("#f-bpsd")).selectByValue("bpsd-yes");
        setDate("#f-lastVisit", LocalDate.now().minusDays(3));
        browser.find("#f-diagnosis1").sendKeys("アルツハイマー型認知症");
        browser.find("#f-course").sendKeys("2024年から物忘れ。ドネペジル内服中。");
        browser.find("#send-opinion-ask").click();
        browser.find("#send-opinion-confirm").click();
        WebElement faults = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("form-faults")));
        assertThat(faults.findElement(By.cssSelector("[data-item='bpsdItems']")).getText())
                .as("BPSD present asks which").contains("bpsdItems");
        assertThat(browser.find("#f-diagnosis1").getAttribute("value")).as("kept").isEqualTo("アルツハイマー型認知症");
        browser.find("#f-bpsdItems input[value='wandering']").click();
        browser.find("#send-opinion-ask").click();
        browser.find("#send-opinion-confirm").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("document-answer")));
        assertThat(browser.find("#document-status").getText()).isEqualTo("受領");
        assertThat(browser.consoleErrors()).as("only the refused form's own 422")
                .allMatch(e -> e.contains("/answer") && e.contains("status of 422"));
        browser.close();

        browser = browserAs(staff);
        browser.open("/");
        assertThat(browser.find("#municipal-opinions").getAttribute("data-waiting")).isEqualTo("1");
        browser.find("#municipal-opinions-link").click();
        WebElement row = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#municipal-list tr[data-document]")));
        assertThat(row.getAttribute("data-unread")).isEqualTo("true");
        row.findElement(By.cssSelector("a.open-document")).click();
        WebElement answer = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("document-answer")));
        assertThat(answer.getText()).contains("アルツハイマー型認知症", "Ⅱb", "徘徊");
        String pdf = browser.find("#document-pdf").getAttribute("href");
        assertThat(fetchStatus(pdf)).isEqualTo(200L);
        browser.find("#complete").click();
        browser.await().until(ExpectedConditions.textToBe(By.id("document-status"), "完了"));
        browser.open("/");
        assertThat(browser.findAll("#municipal-opinions")).as("read: no longer waiting").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void setDate(String css, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector(arguments[0]).value = arguments[1]",
                css, date.toString());
    }

    private long fetchStatus(String url) {
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { done(r.status); })
                  .catch(function () { done(-1); });""", url);
        return ((Number) status).longValue();
    }

}

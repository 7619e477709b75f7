package org.musubi.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.EmergencyAccess;
import org.musubi.identity.FindPerson;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An ambulance crew on a phone (headless Chromium, 360×800): the paramedic lands on {@code /emergency}, finds a person
 * by card number and check code and another by the card's QR code (as a scanner app pastes it), sees the minimum
 * dataset after choosing a reason and typing the password, is refused for a person without emergency consent (by the
 * printed sheet's QR code), and hands the person over to a hospital; that hospital's doctor opens it from the inbox on
 * the home page; the accesses show on the operators' review list. No page scrolls sideways, and the strict CSP
 * reports nothing.
 */
@MusubiIntegrationTest
@Tag("browser")
class CrewBrowserIT extends NetworkFixtures {

    private static final Dimension PHONE = new Dimension(360, 800);

    @Autowired
    Crews crews;
    @Autowired
    IssueCard issueCard;
    @Autowired
    HandOvers handOvers;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aParamedicFindsOpensIsRefusedAndHandsOverAndTheHospitalsDoctorOpensIt() {
        Residents.Patient byNumber = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        Residents.Patient byQr = crews.patient(port, Set.of(Purpose.EMERGENCY));
        Residents.Patient refusing = crews.patient(port, Set.of(Purpose.TREATMENT));
        IssuedCard card = issueCard.regional(0, byNumber.personId());
        IssuedCard qrCard = issueCard.regional(0, byQr.personId());
        Facility er = accounts.newHospital();
        User paramedic = crews.paramedic();

        browser = Chromium.start(port);
        browser.resize(PHONE);
        browser.logIn(paramedic, TestAccounts.PASSWORD, accounts::nextCode);
        browser.await().until(ExpectedConditions.urlMatches(".*/emergency$"));
        browser.fitsThePhone("crew-find");

        browser.find("#card").sendKeys(card.card().number());
        browser.find("#checkCode").sendKeys(card.printedCheckCode());
        submit("#crew-find-card");
        assertThat(browser.path()).isEqualTo("/emergency/open");
        assertThat(browser.find("#emergency-person").getText()).contains(byNumber.person().givenKana());
        browser.fitsThePhone("crew-open");
        browser.find("#password").sendKeys(TestAccounts.PASSWORD);
        submit("#crew-open-form");
        assertThat(browser.path()).isEqualTo("/emergency/persons/" + byNumber.personId());
        assertThat(browser.find("#emergency-banner").isDisplayed()).isTrue();
        assertThat(browser.find("#dataset-allergies").getText()).contains("ペニシリン系抗菌薬");
        assertThat(browser.find("#dataset-medicines").getText()).contains("アムロジピン");
        browser.fitsThePhone("crew-dataset");

        browser.open("/emergency");
        browser.find("#card").sendKeys(qrCard.qrPayload());
        submit("#crew-find-card");
        browser.find("#code-CANNOT_COMMUNICATE").click();
        browser.find("#password").sendKeys(TestAccounts.PASSWORD);
        submit("#crew-open-form");
        assertThat(browser.path()).isEqualTo("/emergency/persons/" + byQr.personId());

        browser.open("/emergency");
        browser.find("#card").sendKeys(FindPerson.SHEET_QR_PREFIX + refusing.person().regionalId());
        submit("#crew-find-card");
        assertThat(browser.find("#emergency-error").getAttribute("data-key")).isEqualTo("emergency.notFound");
        assertThat(browser.source()).doesNotContain(refusing.person().givenKana());
        browser.fitsThePhone("crew-refused");

        browser.open("/emergency/persons/" + byQr.personId());
        browser.find("#q").sendKeys(er.nameKanji());
        submit("#handover-search");
        browser.fitsThePhone("crew-handover");
        browser.find("#handover-" + er.id()).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("handed-over")));
        assertThat(browser.find("#handed-over").getText()).contains(er.nameKanji());
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
        browser.close();

        User doctor = accounts.memberOf(er, Profession.DOCTOR);
        browser = Chromium.start(port);
        browser.resize(PHONE);
        browser.logIn(doctor, TestAccounts.PASSWORD, accounts::nextCode);
        HandOver handOver = handOvers.liveFor(er.id(), Instant.now()).getFirst();
        browser.find("#er-inbox a[data-handover='" + handOver.id() + "']").click();
        browser.await().until(ExpectedConditions.urlContains("/emergency/persons/" + byQr.personId()));
        assertThat(browser.find("#dataset-allergies").getText()).contains("ペニシリン系抗菌薬");
        assertThat(browser.findAll("#glass-form")).hasSize(1);
        browser.fitsThePhone("er-dataset");
        browser.close();

        // older than most others waiting (the list shows the oldest first), but not overdue
        jdbc.sql("UPDATE emergency_access SET opened_at = opened_at - interval '71 hours' WHERE person_id = ?")
                .param(byQr.personId()).update();
        browser = Chromium.start(port);
        browser.logIn(accounts.networkAdmin(), TestAccounts.PASSWORD, accounts::nextCode);
        browser.open("/admin/emergency");
        for (EmergencyAccess access : consents.emergencies(byQr.personId())) {
            WebElement row = browser.find("#emergency-list tr[data-access='" + access.id() + "']");
            assertThat(row.getAttribute("data-kind")).isEqualTo(access.kind().name());
            assertThat(row.getText()).containsPattern("救急用の最小限の情報（救急隊の画面） \\d+回").doesNotContain("emergency-dataset");
        }
    }

    private void submit(String formCss) {
        WebElement form = browser.find(formCss);
        browser.script("arguments[0].requestSubmit()", form);
        browser.awaitGone(form);
    }
}

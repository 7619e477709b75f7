package org.musubi.secretariat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 45's help desk in headless Chromium: a clinic's nurse asks from the patient list (the home page) through the
 * header's link — the page goes along by itself —, after reading the FAQ of the category chosen; the operator answers
 * from the queue, reached from the home page's line of questions waiting; the nurse sees the answer as a line of the
 * home page and on the question's page.
 */
@MusubiIntegrationTest
@Tag("browser")
class HelpDeskBrowserIT extends NetworkFixtures {

    private Chromium nurseBrowser;
    private Chromium operatorBrowser;

    @AfterEach
    void stopBrowsers() {
        for (Chromium browser : new Chromium[] {nurseBrowser, operatorBrowser}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void aNurseAsksFromThePatientListAndReadsTheOperatorsAnswer() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        linkedConsentedPatientAt(clinic);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        String subject = "患者一覧が表示されません " + UUID.randomUUID().toString().substring(0, 8);

        nurseBrowser = browserAs(nurse);
        nurseBrowser.open("/");
        nurseBrowser.clickAndLeave("#nav-help");
        nurseBrowser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("category-form")));
        assertThat(nurseBrowser.find("#attached-page code").getText()).as("the patient list went along").isEqualTo("/");
        new Select(nurseBrowser.find("#category")).selectByValue("LINKING");
        nurseBrowser.clickAndLeave("#category-next");
        nurseBrowser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("ask-form")));
        assertThat(nurseBrowser.findAll("#faq-suggestions")).hasSize(1);
        nurseBrowser.find("#subject").sendKeys(subject);
        nurseBrowser.find("#text").sendKeys("ホーム画面の患者一覧に、連携したはずの患者さんが出てきません。");
        nurseBrowser.clickAndLeave("#ask-send");
        nurseBrowser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("question-status")));
        assertThat(nurseBrowser.find("#question-status").getAttribute("data-status")).isEqualTo("NEW");
        assertThat(nurseBrowser.find("#question-page").getText()).isEqualTo("/");

        operatorBrowser = browserAs(accounts.networkAdmin());
        operatorBrowser.open("/");
        assertThat(Integer.parseInt(operatorBrowser.find("#helpdesk-waiting").getAttribute("data-waiting")))
                .as("the secretariat's home line").isPositive();
        operatorBrowser.clickAndLeave("#helpdesk-waiting-link");
        operatorBrowser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("status-filter")));
        operatorBrowser.clickAndLeave(operatorBrowser.driver().findElement(By.linkText(subject)));
        operatorBrowser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        assertThat(operatorBrowser.find("#question-page").getText()).isEqualTo("/");
        operatorBrowser.find("#answer").sendKeys("連携の操作が完了していない可能性があります。カードの確認をもう一度お願いします。");
        operatorBrowser.clickAndLeave("#answer-send");
        operatorBrowser.await().until(ExpectedConditions.attributeToBe(By.id("question-status"), "data-status",
                "ANSWERED"));

        nurseBrowser.open("/");
        assertThat(nurseBrowser.find("#helpdesk-answers").getAttribute("data-waiting")).isEqualTo("1");
        nurseBrowser.clickAndLeave("#helpdesk-answers-link");
        nurseBrowser.clickAndLeave(nurseBrowser.driver().findElement(By.linkText(subject)));
        nurseBrowser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
        assertThat(nurseBrowser.find("#question-status").getAttribute("data-status")).isEqualTo("ANSWERED");
        assertThat(nurseBrowser.find("#history").getText()).contains("カードの確認をもう一度お願いします。");
        nurseBrowser.open("/");
        assertThat(nurseBrowser.findAll("#helpdesk-answers")).as("read now").isEmpty();
        assertThat(nurseBrowser.consoleErrors()).isEmpty();
    }
}

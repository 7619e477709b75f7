package org.musubi.portal.careteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.carenet.CareTeams;
import org.musubi.carenet.HomeCareTeam;
import org.musubi.consent.team.CareTeam;
import org.musubi.photos.TestPictures;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The care team's workspace in headless Chromium, on a phone's width (issue 44's browser test): a visiting nurse adds
 * a care note, a task for the team's pharmacist and a wound photo (shown as a thumbnail); the pharmacist sees the task
 * on the home page's work list, opens the task list from it, sees the note in the team's handover and marks the task in
 * progress. Neither page scrolls sideways at 360 px; no script error or CSP report on the way.
 */
@MusubiIntegrationTest
@Tag("browser")
class WorkspaceBrowserIT extends NetworkFixtures {

    private static final Dimension PHONE = new Dimension(360, 800);
    @Autowired
    CareTeams teams;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aVisitingNurseAddsANoteAndATaskForThePharmacistWhoSeesItOnHome() throws java.io.IOException {
        Facility hospital = accounts.newHospital();
        HomeCareTeam home = HomeCareTeam.of(accounts, teams, hospital, linkedConsentedPatientAt(hospital));
        User nurse = home.nurse();
        User pharmacist = home.pharmacist();
        CareTeam team = home.team();
        String note = "訪問時、食欲あり " + UUID.randomUUID().toString().substring(0, 8);
        String task = "残薬の確認をお願いします " + UUID.randomUUID().toString().substring(0, 8);

        browser = browserAs(nurse);
        browser.resize(PHONE);
        browser.open("/portal/care-teams");
        browser.find("li[data-team='" + team.id() + "'] a.workspace-link").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("form-note")));
        browser.fitsThePhone("care-team-workspace");
        browser.find("#note-text").sendKeys(note);
        save("#note-save");
        browser.find("#form-task summary").click();
        browser.find("#task-text").sendKeys(task);
        new Select(browser.find("#task-assignee")).selectByValue(String.valueOf(pharmacist.id()));
        save("#task-save");
        assertThat(browser.find("#timeline").getText()).contains(note, task);
        Path picture = Files.createTempFile("wound", ".png");
        Files.write(picture, TestPictures.png(800, 600));
        browser.find("#form-photo summary").click();
        browser.find("#photo-file").sendKeys(picture.toAbsolutePath().toString());
        browser.find("#photo-site").sendKeys("仙骨部");
        browser.find("#photo-caption").sendKeys("発赤 2cm");
        save("#photo-save");
        Files.deleteIfExists(picture);
        assertThat(browser.find("#timeline li[data-kind='PHOTO']").getText()).contains("発赤 2cm", "仙骨部");
        assertThat(browser.script("var i = document.querySelector(\"#timeline li[data-kind='PHOTO'] img\");"
                + " return i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width <= 192;"))
                .as("the thumbnail loaded, at most 12rem wide").isEqualTo(true);
        browser.fitsThePhone("care-team-workspace-photo");
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
        browser.close();

        browser = browserAs(pharmacist);
        browser.resize(PHONE);
        browser.open("/");
        assertThat(browser.find("#care-team-tasks").getAttribute("data-waiting")).isEqualTo("1");
        browser.find("#care-team-tasks-link").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("my-tasks")));
        browser.fitsThePhone("care-team-tasks");
        assertThat(browser.find("#my-tasks .task-text").getText()).isEqualTo(task);
        browser.find("#my-tasks .meta a").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("handover")));
        assertThat(browser.find("#handover").getText()).as("what the team wrote since the pharmacist's last entry")
                .contains(note, task);
        new Select(browser.find("#timeline li[data-kind='TASK'] select")).selectByValue("in-progress");
        save("#timeline li[data-kind='TASK'] button");
        assertThat(browser.find("#timeline li[data-kind='TASK'] .task-status").getText()).isEqualTo("対応中");
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
    }

    /**
     * Clicks a save button and waits for the page it posts to: the page before is gone first (it may already show
     * "saved" from the entry before), then the new one says "saved".
     */
    private void save(String button) {
        org.openqa.selenium.WebElement before = browser.find("#timeline");
        browser.find(button).click();
        browser.awaitGone(before);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("workspace-saved")));
    }

}

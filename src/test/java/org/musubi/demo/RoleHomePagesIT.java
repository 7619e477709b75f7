package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 39, item 3: each demo role logs in through a real browser and its home page answers its first question — a
 * doctor what changed for each linked patient since they last opened it, a pharmacist the newest dispensing and the
 * duplicate alerts, a care manager and a visiting nurse the clients' changes, a paramedic the crew screen, the secretariat its queues —
 * and the buttons a profession cannot use are not there: break-the-glass for care workers (whose emergency page says
 * why before asking anything), the own-records backup for clerks. Facility-admin links sit in the one 管理 menu.
 * Screenshots go to target/screenshots/home-*.png.
 */
@Tag("browser")
class RoleHomePagesIT extends StartedDemo {

    /**
     * The care manager's "not opened yet" marks count on nobody having opened the client's record before: the shared
     * demo as its first visitor (first in {@link SharedDemoSuiteIT}), else a demo of its own.
     */
    @Override
    protected boolean unvisitedDemo() {
        return true;
    }

    @Test
    void aDoctorSeesWhatChangedSinceTheyLastOpenedEachPatient() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "doctor1");
            browser.open("/");
            browser.screenshot("home-doctor1");
            WebElement top = browser.find("#patient-list tbody tr");
            WebElement news = top.findElement(By.cssSelector("td.news"));
            assertThat(news.getText()).as("a patient never opened: everything is new").startsWith("未閲覧：記録");
            assertThat(Long.parseLong(news.getAttribute("data-new"))).isPositive();
            assertThat(news.getText()).as("the categories, labelled").contains("検査結果");

            top.findElement(By.cssSelector("a")).click();
            browser.find("#timeline");
            browser.open("/");
            WebElement again = browser.find("#patient-list tbody tr td.news");
            assertThat(again.getText()).as("opened just now: nothing new since").contains("変更なし", "前回閲覧");
            assertThat(again.getAttribute("data-new")).isEqualTo("0");
            browser.screenshot("home-doctor1-after-view");
        }
    }

    @Test
    void aPharmacistSeesTheNewestDispensingAndTheDuplicateAlerts() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "pharmacist1");
            browser.open("/");
            browser.screenshot("home-pharmacist1");
            assertThat(browser.find("#patient-list thead").getText()).contains("最終調剤日", "重複投薬");
            WebElement top = browser.find("#patient-list tbody tr");
            WebElement duplicates = top.findElement(By.cssSelector("td.duplicates"));
            assertThat(Integer.parseInt(duplicates.getAttribute("data-alerts"))).as("the story's duplicate").isPositive();
            assertThat(duplicates.getText()).startsWith("重複");
            assertThat(top.findElement(By.cssSelector("td.dispensed")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void aCareManagerSeesTheClientsRecentChanges() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "caremanager1");
            browser.open("/");
            browser.screenshot("home-caremanager1");
            List<WebElement> news = browser.findAll("#patient-list tbody tr td.news");
            assertThat(news).isNotEmpty();
            assertThat(news.getFirst().getText()).as("never opened: the client's records so far").startsWith("未閲覧：記録");
            assertThat(browser.find("#patient-list thead").getText()).contains("前回閲覧以降").doesNotContain("重複投薬");
        }
    }

    @Test
    void aVisitingNurseSeesTheClientsRecentChanges() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "nurse8");
            browser.open("/");
            browser.screenshot("home-nurse8");
            assertThat(browser.find("main").getText()).as("her home-nursing station").contains("所属施設：", "訪問看護ステーション");
            List<WebElement> news = browser.findAll("#patient-list tbody tr td.news");
            assertThat(news).as("the station's clients").isNotEmpty();
            assertThat(news.getFirst().getText()).as("never opened: the client's records so far").startsWith("未閲覧：記録");
            assertThat(browser.find("#patient-list thead").getText()).contains("前回閲覧以降").doesNotContain("重複投薬");
        }
    }

    @Test
    void aParamedicLandsOnTheCrewScreen() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "paramedic1");
            browser.open("/");
            browser.await().until(ExpectedConditions.urlContains("/emergency"));
            assertThat(browser.path()).isEqualTo("/emergency");
        }
    }

    @Test
    void theSecretariatSeesItsQueuesWithLinks() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "admin");
            browser.open("/");
            browser.screenshot("home-admin");
            WebElement queues = browser.find("#queues");
            assertThat(queues.getText()).contains("名寄せの確認待ち", "確認待ちの緊急時アクセス", "エラーのある取り込み");
            assertThat(Long.parseLong(browser.find("#queue-matching").getAttribute("data-count")))
                    .as("the story's patient waiting for 名寄せ").isPositive();
            assertThat(Long.parseLong(browser.find("#queue-imports").getAttribute("data-count")))
                    .as("the story's lab file with its rejected row").isPositive();
            browser.find("#queue-matching").click();
            assertThat(browser.findAll("#review-list tbody tr")).isNotEmpty();
        }
    }

    @Test
    void facilityAdministrationIsOneMenuApartFromTheClinicalLinks() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "doctor1");
            browser.open("/");
            List<WebElement> adminLinks = browser.findAll("header nav a[href^='/admin']");
            assertThat(adminLinks).as("doctor1 administers the first hospital").isNotEmpty();
            assertThat(browser.findAll("header nav #admin-menu a[href^='/admin']")).hasSameSizeAs(adminLinks);
            assertThat(browser.findAll("main a[href^='/admin']")).as("no admin button among the clinical ones").isEmpty();
            assertThat(browser.find("#admin-menu summary").getText()).startsWith("管理");
            browser.find("#admin-menu summary").click();
            browser.driver().findElement(By.linkText("利用者")).click();
            browser.await().until(ExpectedConditions.urlContains("/admin/users"));
            browser.open("/");
            assertThat(browser.findAll("#emergency-access")).as("a doctor breaks the glass").hasSize(1);
            assertThat(browser.findAll("#nav-own-records")).as("a doctor reads the backup").hasSize(1);
        }
    }

    @Test
    void careWorkersSeeNoBreakTheGlassButtonAndAreToldWhyOnItsPage() {
        Assumptions.assumeTrue(server.getBean(Users.class).findByLoginId("careworker1")
                .filter(User::active).isPresent(), "the demo has a care worker");
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "careworker1");
            browser.open("/");
            browser.screenshot("home-careworker1");
            assertThat(browser.findAll("#emergency-access")).isEmpty();
            assertThat(browser.findAll("a[href='/portal/emergency']")).isEmpty();
            browser.open("/portal/emergency");
            assertThat(browser.find("#emergency-unavailable").getText())
                    .contains("緊急時アクセスは使えません", "この職種では緊急時アクセスを使えません");
            assertThat(browser.findAll("#emergency-find-form")).as("nothing to type").isEmpty();
        }
    }

    @Test
    void clerksSeeNoOwnRecordsBackup() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "clerk1");
            browser.open("/");
            browser.screenshot("home-clerk1");
            assertThat(browser.findAll("a[href='/portal/own-records']")).isEmpty();
            assertThat(browser.findAll("#emergency-access")).as("nor break-the-glass").isEmpty();
        }
    }
}

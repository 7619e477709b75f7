package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musubi.testing.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A newcomer's first day: the server starts on an empty data directory in demo mode, seeds the demo network,
 * imports its records (dated up to yesterday) and tells the demo's story; then each demo role logs in through a real
 * browser with the password and the code the demo's second-factor page shows, and finds patients on its home page
 * and data on the patient's screens. Screenshots go to target/screenshots/tour-*.png.
 */
@Tag("browser")
class DemoTourIT extends StartedDemo {

    /** A care office (care managers' office, care facility, home nursing) looks after persons of 65 and over only. */
    @Test
    void careOfficesAreLinkedToPersonsOfCareAgeOnly() {
        List<LocalDate> born = server.getBean(JdbcClient.class).sql("""
                SELECT p.birth_date FROM patient_link l JOIN person p ON p.id = l.person_id
                JOIN facility f ON f.id = l.facility_id
                WHERE l.ended_at IS NULL AND f.kind IN ('CARE_FACILITY', 'HOME_NURSING_STATION')""")
                .query(LocalDate.class).list();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertThat(born).as("caremanager1's office has linked persons").isNotEmpty();
        assertThat(born).as("birth dates of care offices' persons, on " + today)
                .allMatch(b -> !b.plusYears(65).isAfter(today));
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctor1", "nurse1", "pharmacist1", "caremanager1", "nurse8"})
    void eachDemoRoleFindsPatientsAndTheirRecords(String loginId) {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", loginId);

            browser.open("/");
            List<WebElement> patients = browser.findAll("#patient-list tbody tr");
            browser.screenshot("tour-" + loginId + "-home");
            assertThat(patients).as(loginId + "'s home lists linked patients").hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.find("#notices").getText()).contains("デモ環境へようこそ");

            String patient = browser.find("#patient-list tbody tr a").getAttribute("href");
            browser.driver().get(patient);
            browser.find("#timeline");
            browser.screenshot("tour-" + loginId + "-timeline");
            assertThat(browser.findAll("#timeline .day")).as(loginId + " sees the patient's timeline").isNotEmpty();

            browser.driver().get(patient + "/medications");
            browser.screenshot("tour-" + loginId + "-medications");
            assertThat(browser.findAll("#medications-current .drug.alerted")).as(loginId + " sees the duplicate").isNotEmpty();

            browser.driver().get(patient + "/labs");
            browser.screenshot("tour-" + loginId + "-labs");
            if (loginId.equals("caremanager1")) {
                assertThat(browser.findAll("#labs-hidden")).as("a care manager's profession may not see lab results: "
                        + "said, not shown as none").isNotEmpty();
            } else {
                assertThat(browser.find("#lab-table").getText()).as(loginId + " sees the HbA1c row").contains("HbA1c");
            }
        }
    }

    /** The story's patient, on top of doctor1's list: an allergy, a current duplicate, an HbA1c rising past the range. */
    @Test
    void theDoctorSeesTheStorysAllergyDuplicateAndHbA1cTrend() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "doctor1");
            browser.open("/");
            String patient = browser.find("#patient-list tbody tr a").getAttribute("href");

            browser.driver().get(patient);
            assertThat(browser.find("main").getText()).as("the allergy in the header").contains("セフェム系抗生物質");
            browser.driver().get(patient + "/medications");
            browser.screenshot("tour-doctor1-medications");
            assertThat(browser.findAll("#medications-current .drug.alerted")).as("a current duplicate").isNotEmpty();
            assertThat(browser.find("#medications-current .drug.alerted").getText()).contains("アムロジピン");

            browser.driver().get(patient + "/labs");
            browser.screenshot("tour-doctor1-labs");
            WebElement hba1c = browser.findAll("#lab-table tbody tr a").stream()
                    .filter(a -> a.getText().contains("HbA1c")).findFirst().orElseThrow();
            browser.driver().get(hba1c.getAttribute("href"));
            browser.find(".trend canvas");
            browser.screenshot("tour-doctor1-hba1c-trend");
            String values = browser.find(".trend-values").getText();
            assertThat(values).contains("5.8", "7.4");

            browser.driver().get(patient);
            List<String> documents = browser.findAll("a.open-document").stream().map(a -> a.getAttribute("href")).toList();
            assertThat(documents).as("the discharge summary and the referral letter on the timeline").hasSizeGreaterThanOrEqualTo(2);
            browser.driver().get(documents.getFirst());
            browser.screenshot("tour-doctor1-document");
            assertThat(browser.find("main").getText()).containsAnyOf("診療情報提供書", "退院時サマリー");
        }
    }

    /** The operator sees the story's lab file with its one rejected row, and the audit trail of the story. */
    @Test
    void theOperatorSeesTheRejectedRecordAndTheAuditTrail() {
        try (Chromium browser = Chromium.start(port)) {
            DemoServer.logIn(browser, "/login", "admin");
            browser.open("/admin/imports");
            browser.screenshot("tour-admin-imports");
            List<WebElement> story = browser.findAll("#import-batches tbody tr").stream()
                    .filter(row -> row.getText().contains("demo-story")).toList();
            assertThat(story).as("the story's batches").hasSize(4);
            assertThat(story).as("the lab file's one rejected row").anySatisfy(row -> assertThat(row.findElements(
                    By.cssSelector(".warn"))).singleElement().extracting(WebElement::getText).isEqualTo("1"));

            browser.open("/admin/matching");
            browser.screenshot("tour-admin-matching");
            assertThat(browser.findAll("#review-list tbody tr")).as("a patient waiting for 名寄せ review").isNotEmpty();

            browser.open("/admin/audit?action=PATIENT_LINK");
            browser.screenshot("tour-admin-audit");
            assertThat(browser.findAll("#audit-list tbody tr")).as("the links made as the demo users").isNotEmpty();
        }
    }

    /** README's "First tour", step by step, with the names and labels the README gives. */
    @Test
    void theReadmesFirstTour() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String tour = readme.substring(readme.indexOf("### First tour"), readme.indexOf("## Commands"));
        Matcher top = Pattern.compile("open the patient at the top, \\*\\*(.+?)\\*\\*")
                .matcher(tour);
        assertThat(top.find()).as("README names the patient at the top").isTrue();
        assertThat(tour).contains("**doctor1**", "**musubi-demo**", "**アレルギーのある系統の薬**", "**お薬**", "**検査結果**",
                "**HbA1c(NGSP)**",
                "**ログアウト**", "**admin**", "**監査証跡**", "**データ取り込み**", "**名寄せ確認**", "**職員の方（ログイン）**");
        try (Chromium browser = Chromium.start(port)) {
            // 1. The network's address shows its public site; its staff log-in link, then doctor1, the demo password
            // and the code the page shows.
            browser.open("/");
            WebElement staffLogin = browser.find("#nav-public-login");
            assertThat(staffLogin.getText()).isEqualTo("職員の方（ログイン）");
            staffLogin.click();
            browser.await().until(ExpectedConditions.urlContains("/login"));
            assertThat(browser.path()).isEqualTo("/login");
            DemoServer.logIn(browser, "/login", "doctor1");
            // 2. The patient at the top: timeline, allergy and duplicate alert.
            browser.open("/");
            WebElement first = browser.find("#patient-list tbody tr a");
            assertThat(first.getText()).isEqualTo(top.group(1));
            first.click();
            browser.find("#timeline");
            assertThat(browser.find("main").getText()).contains("セフェム系抗生物質", "重複");
            assertThat(browser.find("#medication-alerts li[data-alert='medication.alert.allergyClass']").getText())
                    .as("the allergy alert the README names").startsWith("アレルギーのある系統の薬: セファゾリン")
                    .contains("記録：セフェム系抗生物質で全身に発疹");
            browser.screenshot("tour-readme-2-timeline");
            // 3. お薬: amlodipine marked as a duplicate.
            browser.driver().findElement(By.linkText("お薬")).click();
            assertThat(browser.find("#medications-current .drug.alerted").getText()).contains("アムロジピン", "重複");
            browser.screenshot("tour-readme-3-medications");
            // 4. 検査結果, then HbA1c(NGSP): the trend, past the range at the end.
            browser.driver().findElement(By.linkText("検査結果")).click();
            browser.driver().findElement(By.linkText("HbA1c(NGSP)")).click();
            browser.find(".trend canvas");
            assertThat(browser.find(".trend-values").getText()).contains("7.4");
            browser.screenshot("tour-readme-4-hba1c");
            // 5. Log out, admin: the audit trail names doctor1's views of the patient; imports; the review queue.
            browser.driver().findElement(By.xpath("//button[normalize-space()='ログアウト']")).click();
            DemoServer.logIn(browser, "/login", "admin");
            browser.screenshot("tour-readme-5-admin-home");
            adminMenu(browser, "監査証跡");
            // one line per event in words; the login id is behind each line's 詳細 (details)
            String audit = browser.find("#audit-list").getAttribute("textContent");
            browser.screenshot("tour-readme-5-audit");
            assertThat(audit).contains("doctor1", top.group(1));
            adminMenu(browser, "データ取り込み");
            assertThat(browser.find("#import-batches").getText()).contains("demo-story");
            adminMenu(browser, "名寄せ確認");
            assertThat(browser.findAll("#review-list tbody tr")).isNotEmpty();
        }
    }

    /** A link of the header's one 管理 menu: open the menu, then follow the link. */
    private static void adminMenu(Chromium browser, String label) {
        browser.find("#admin-menu summary").click();
        browser.driver().findElement(By.linkText(label)).click();
    }

}

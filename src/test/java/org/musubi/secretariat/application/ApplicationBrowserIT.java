package org.musubi.secretariat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.security.Totp;
import org.musubi.testing.Chromium;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 45's first "done when" in headless Chromium: a clinic applies on the public page from a phone, the secretariat
 * (a network admin) reviews, approves, sets it up and makes it live, and the clinic's doctor logs in for the first time
 * with the temporary password and the enrolment code handed over, and sees the portal with the notice of going live.
 */
@MusubiIntegrationTest
@Tag("browser")
class ApplicationBrowserIT extends NetworkFixtures {

    private static final Dimension PHONE = new Dimension(360, 800);

    @Autowired
    Facilities facilities;

    @Test
    void aClinicAppliesTheSecretariatApprovesAndItsDoctorLogsInWithTheEnrolmentCode() throws IOException {
        String code = TestAccounts.unusedInstitutionCode(facilities, 1);
        String name = "試験ブラウザ内科" + code.substring(6);
        Path letter = Files.createTempFile("application", ".pdf");
        Files.write(letter, "%PDF-1.4\n参加申込書\n%%EOF".getBytes(StandardCharsets.UTF_8));
        String reference;
        String secret;
        try (Chromium phone = Chromium.start(port)) {
            phone.resize(PHONE);
            phone.open("/apply");
            phone.fitsThePhone("apply-form");
            new Select(phone.find("#kind")).selectByValue("CLINIC");
            phone.find("#nameKanji").sendKeys(name);
            phone.find("#nameKana").sendKeys("シケンブラウザナイカ");
            phone.find("#code").sendKeys(code);
            phone.find("#prefecture").clear();
            phone.find("#prefecture").sendKeys("34");
            phone.find("#municipality").sendKeys("広島市中区");
            phone.find("#address").sendKeys("広島市中区基町1-1");
            phone.find("#phone").sendKeys("082-111-2222");
            phone.find("#beds").sendKeys("0");
            phone.find("#disclosing").click();
            phone.find("#contactName").sendKeys("申請 花子");
            phone.find("#contactPhone").sendKeys("082-111-2223");
            phone.find("#userNameKanji-0").sendKeys("試験 医師");
            phone.find("#userNameKana-0").sendKeys("シケン イシ");
            new Select(phone.find("#userProfession-0")).selectByValue("DOCTOR");
            phone.find("#userAdmin-0").click();
            phone.find("#documents").sendKeys(letter.toAbsolutePath().toString());
            WebElement submit = phone.find("#apply-submit");
            phone.scrollTo(submit);
            submit.click();
            reference = phone.find("#reference").getText();
            secret = phone.find("#secret").getText();
            phone.fitsThePhone("apply-receipt");

            phone.open("/apply/status");
            phone.find("#reference").sendKeys(reference.toLowerCase());
            phone.find("#secret").sendKeys(secret);
            phone.find("#status-submit").click();
            assertThat(phone.find("#application-status").getAttribute("data-status")).isEqualTo("RECEIVED");
            phone.fitsThePhone("apply-status");
            assertThat(phone.consoleErrors()).isEmpty();
        }

        String loginId;
        String password;
        String enrolmentCode;
        try (Chromium secretariat = browserAs(accounts.networkAdmin())) {
            secretariat.open("/");
            secretariat.find("#applications-waiting-link").click();
            secretariat.find("#application-list");
            secretariat.driver().findElement(By.linkText(reference)).click();
            secretariat.find("#review").click();
            secretariat.await().until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
            assertThat(secretariat.find("#application-documents").getText()).contains(letter.getFileName().toString());
            secretariat.find("#approve").click();
            WebElement row = secretariat.find("#created-users tbody tr");
            loginId = row.findElement(By.className("login-id")).getText();
            password = row.findElement(By.className("temporary-password")).getText();
            enrolmentCode = row.findElement(By.className("enrolment-code")).getText();
            secretariat.find("#back-to-application").click();
            secretariat.find("#set-up-note").sendKeys("端末の設定が終わりました");
            secretariat.find("#set-up").click();
            secretariat.find("#live").click();
            secretariat.await().until(d -> "LIVE".equals(d.findElement(By.id("application-status"))
                    .getAttribute("data-status")));
            assertThat(secretariat.consoleErrors()).isEmpty();
        }
        assertThat(loginId).isEqualTo("c" + code + "-1");

        try (Chromium doctor = Chromium.start(port)) {
            doctor.open("/login");
            doctor.find("#username").sendKeys(loginId);
            doctor.find("#password").sendKeys(password);
            doctor.find("#login-form button").click();
            doctor.await().until(ExpectedConditions.urlContains("/login/enrol"));
            String totpSecret = doctor.find("#secret").getText().replace(" ", "");
            doctor.find("#enrolmentCode").sendKeys(enrolmentCode);
            doctor.find("#code").sendKeys(Totp.code(totpSecret, Totp.step(Instant.now())));
            doctor.find("#enrol-form button").click();
            doctor.find("#recovery-codes");
            doctor.find("main a.button").click();
            doctor.await().until(ExpectedConditions.urlContains("/account/password"));
            doctor.find("#current").sendKeys(password);
            doctor.find("#password").sendKeys("a brand new pass");
            doctor.find("#confirm").sendKeys("a brand new pass");
            doctor.find("#password-form button").click();
            doctor.await().until(d -> !d.getCurrentUrl().contains("/account/password"));
            assertThat(doctor.find("#notices").getText()).contains(name + " が運用を開始しました");
            assertThat(doctor.source()).contains("id=\"nav-letters\"");
            assertThat(doctor.consoleErrors()).isEmpty();
        }

        try (Chromium phone = Chromium.start(port)) {
            phone.resize(PHONE);
            phone.open("/apply/status");
            phone.find("#reference").sendKeys(reference);
            phone.find("#secret").sendKeys(secret);
            phone.find("#status-submit").click();
            assertThat(phone.find("#application-status").getAttribute("data-status")).isEqualTo("LIVE");
            assertThat(phone.find("#notices").getText()).contains("端末の設定が終わりました")
                    .contains("利用者の登録コードは事務局からお渡しします");
            phone.fitsThePhone("apply-live");
        } finally {
            Files.deleteIfExists(letter);
        }
    }
}

package org.musubi.portal.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A case consultation in headless Chromium (issue 44): a clinic's doctor asks a hospital's specialist from the
 * patient's page, referring to a lab result and attaching a file; the specialist — whose hospital has no link to the
 * patient — sees the unread line on the home page, opens the thread from the list (bold, unread), reads the question
 * and the referenced result, answers; the doctor sees the answer counted on home, reads it and closes the thread. No
 * script error and no CSP report on the way.
 */
@MusubiIntegrationTest
@Tag("browser")
class ConsultBrowserIT extends NetworkFixtures {

    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aClinicDoctorAsksAHospitalSpecialistWhoAnswers() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        User specialist = accounts.memberOf(hospital, Profession.DOCTOR);
        String localId = FhirRecords.localId();
        var fhir = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        FhirRecords.registerPatient(fhir, clinic, localId, FhirRecords.uniqueKana());
        Observation hba1c = FhirRecords.lab(clinic, localId, FhirRecords.HBA1C, "2026-11-01", 8.1);
        hba1c.getCode().getCodingFirstRep().setDisplay("HbA1c");
        String lab = FhirRecords.create(fhir, hba1c);
        long person = clients.personOf(clinic, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, clinic.id(), admin);
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, clinic.id());

        browser = browserAs(doctor);
        browser.open("/portal/patients/" + person);
        browser.find("#consult-link").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("pick-facility")));
        new Select(browser.find("#facility-pick")).selectByValue(String.valueOf(hospital.id()));
        browser.find("#pick").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("ask-form")));
        new Select(browser.find("#specialist")).selectByValue(String.valueOf(specialist.id()));
        browser.find("#department").sendKeys("糖尿病内科");
        browser.find("#subject").sendKeys("血糖コントロール不良について");
        browser.find("#question").sendKeys("HbA1c が高値です。インスリン導入についてご意見をください。");
        WebElement pick = browser.find("input[name='reference'][value='Observation/" + lab + "']");
        assertThat(pick.findElement(By.xpath("./ancestor::label")).getText()).as("the picker names the result")
                .isEqualTo("検査結果・測定値 2026-11-01 HbA1c 8.1 %");
        pick.click();
        browser.find("#files").sendKeys(file("経過表", "経過表の本文").toString());
        browser.find("#ask").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("asked")));
        assertThat(browser.find("#thread-status").getAttribute("data-status")).isEqualTo("OPEN");
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
        browser.close();

        browser = browserAs(specialist);
        browser.open("/");
        assertThat(browser.find("#consult-waiting").getAttribute("data-waiting")).isEqualTo("1");
        browser.find("#consult-waiting-link").click();
        WebElement row = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#consult-list tr[data-thread]")));
        assertThat(row.getAttribute("class")).contains("unread");
        assertThat(row.findElements(By.cssSelector("b"))).as("unread in bold").isNotEmpty();
        row.findElement(By.cssSelector("a.open-thread")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertThat(browser.find("#messages").getText()).contains("インスリン導入");
        assertThat(browser.find("#references").getText()).as("the referenced result, readable by the specialist")
                .contains("検査結果・測定値 2026-11-01 HbA1c 8.1 %").doesNotContain(lab).doesNotContain("Observation")
                .doesNotContain("閲覧できません");
        assertThat(browser.findAll("#messages a.attachment")).hasSize(1);
        browser.find("#message-text").sendKeys("まず GLP-1 受容体作動薬をお勧めします。");
        browser.find("#post").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("posted")));
        assertThat(browser.find("#thread-status").getAttribute("data-status")).isEqualTo("ANSWERED");
        browser.open("/");
        assertThat(browser.findAll("#consult-waiting")).as("read: nothing waits").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();

        browser = browserAs(doctor);
        browser.open("/");
        assertThat(browser.find("#consult-waiting").getAttribute("data-waiting")).isEqualTo("1");
        browser.open("/portal/consultations?tab=answered");
        browser.find("#consult-list tr[data-thread] a.open-thread").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertThat(browser.find("#messages").getText()).contains("GLP-1 受容体作動薬");
        browser.find("#close-ask").click();
        assertThat(browser.find("#close-question").getText()).as("issue 67: asked once, the consequence named")
                .contains("を終了します。終了すると、相談先もあなたもこの相談に書き込めず");
        browser.find("#close-confirm").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("closed-done")));
        assertThat(browser.find("#thread-status").getAttribute("data-status")).isEqualTo("CLOSED");
        assertThat(browser.findAll("#post-form")).as("a closed thread takes no message").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }


    private static Path file(String name, String text) {
        try {
            Path file = Files.createTempFile(name, ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

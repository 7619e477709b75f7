package org.musubi.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.LetterPatients;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 42's round trip in headless Chromium: a clinic doctor writes a referral from the patient's record with two
 * attachments (one picked from the record, one uploaded), signs and sends it; the hospital's 地域連携室 (a nurse: the
 * profession the matrix lets see referrals) finds it unread in the inbox, counted on home, opens it and its PDF, sees
 * the signature valid, accepts it and writes the reply; the clinic sees the letter answered and opens the reply. A
 * pharmacist sends a トレーシングレポート to the prescriber's clinic, which finds it in its inbox. No script error and no
 * CSP report on the way.
 */
@MusubiIntegrationTest
@Tag("browser")
class LettersBrowserIT extends NetworkFixtures {

    private static final Pattern LETTER_PAGE = Pattern.compile(".*/portal/letters/([0-9a-f-]{36}).*");

    @Autowired
    LetterPatients patients;
    @Autowired
    IssueCard issueCard;
    @Autowired
    IdentityStore identities;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aReferralGoesFromTheClinicToTheHospitalAndTheReplyComesBack() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        LetterPatients.Written patient = patients.at(port, clinic);
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);

        browser = browserAs(doctor);
        browser.open("/portal/patients/" + patient.personId());
        browser.find("#letters-menu summary").click();
        browser.find("#letters-menu a[data-kind='REFERRAL']").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("compose-form")));
        assertThat(browser.find("#compose-diagnoses").getAttribute("innerHTML")).contains(LetterPatients.DIAGNOSIS);
        new Select(browser.find("#addressee")).selectByValue(String.valueOf(hospital.id()));
        browser.find("#department").sendKeys("循環器内科");
        browser.find("#purpose").sendKeys("精査加療のお願い");
        browser.find("#insuranceMemberId").sendKeys("06139999:1:2:00");
        WebElement pick = browser.find("#picks input[name='picked']");
        String picked = pick.getAttribute("data-reference");
        pick.click();
        browser.find("#files").sendKeys(upload().toString());
        submit("#sign-and-send");
        String letter = letterOf(browser.path());
        assertThat(browser.find("#pdf-signature").getAttribute("class")).contains("valid").doesNotContain("invalid");
        assertThat(browser.findAll("#letter-attachments a.attachment")).hasSize(2);
        assertThat(browser.find("#letter-status").getAttribute("data-status")).isEqualTo("requested");
        assertThat(picked).isNotBlank();
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
        browser.close();

        User liaison = accounts.memberOf(hospital, Profession.NURSE);
        browser = browserAs(liaison);
        assertThat(browser.find("#letters-unread").getText()).contains("1");
        browser.find("#letters-unread").click();
        WebElement row = browser.find("#letter-list tr[data-letter='" + letter + "']");
        assertThat(row.getAttribute("data-unread")).isEqualTo("true");
        assertThat(row.getAttribute("class")).contains("unread");
        row.findElement(By.cssSelector("a.open-letter")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("letter-head")));
        assertThat(browser.find("#pdf-signature").getAttribute("data-status")).isEqualTo("VALID");
        assertThat(browser.find("#letter-body").getText()).contains("精査加療のお願い", LetterPatients.DIAGNOSIS);
        assertThat(browser.script("return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('content-type'))",
                browser.find("#letter-pdf").getAttribute("href"))).isEqualTo("200 application/pdf");
        submit("#accept-form");
        assertThat(browser.find("#letter-status").getAttribute("data-status")).isEqualTo("accepted");
        patients.visits(hospital, patient);
        browser.find("#write-reply").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("compose-form")));
        assertThat(browser.find("#compose-replies-to").getText()).contains(clinic.nameKanji());
        assertThat(new Select(browser.find("#addressee")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(String.valueOf(clinic.id()));
        browser.find("#course").sendKeys("心エコーで軽度の左室肥大。外来で経過を見ます。");
        submit("#sign-and-send");
        String reply = letterOf(browser.path());
        assertThat(browser.find("#replies-to").getAttribute("href")).endsWith("/portal/letters/" + letter);
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
        browser.close();

        browser = browserAs(doctor);
        browser.open("/portal/letters/sent");
        WebElement sent = browser.find("#letter-list tr[data-letter='" + letter + "']");
        assertThat(sent.getAttribute("data-status")).isEqualTo("completed");
        sent.findElement(By.cssSelector("a.reply-link")).click();
        browser.await().until(ExpectedConditions.urlContains("/portal/letters/" + reply));
        assertThat(browser.find("#letter-body").getText()).contains("心エコーで軽度の左室肥大");
        assertThat(browser.find("#pdf-signature").getAttribute("data-status")).isEqualTo("VALID");
    }

    /**
     * Issue 67: the hospital refers a patient to a clinic that has never seen them; the clinic is told to link the
     * patient by card, links by card alone (自院のカルテ番号 left empty, as its label says it may be), and then writes
     * and sends the reply, which the hospital reads. The link leaves one source patient of the clinic's, made at its
     * first letter and audited once as a card link.
     */
    @Test
    void aClinicLinkedByCardAloneAnswersTheHospitalsReferral() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        LetterPatients.Written patient = patients.at(port, hospital);
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                hospital.id());
        IssuedCard card = issueCard.regional(admin, patient.personId());
        Person person = identities.person(patient.personId()).orElseThrow().person();

        browser = browserAs(accounts.memberOf(hospital, Profession.DOCTOR));
        browser.open("/portal/patients/" + patient.personId() + "/letters/new?kind=REFERRAL");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("compose-form")));
        new Select(browser.find("#addressee")).selectByValue(String.valueOf(clinic.id()));
        browser.find("#purpose").sendKeys("退院後の外来管理のお願い");
        browser.find("#insuranceMemberId").sendKeys("06139999:1:2:00");
        submit("#sign-and-send");
        String letter = letterOf(browser.path());
        browser.close();

        User clinicDoctor = accounts.memberOf(clinic, Profession.DOCTOR);
        browser = browserAs(clinicDoctor);
        browser.open("/portal/letters/" + letter);
        browser.find("#write-reply").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("reply-unavailable")));
        browser.find("#to-link").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("link-form")));
        assertThat(browser.find("label[for='chartNumber']").getText()).contains("任意");
        browser.find("#card").sendKeys(card.card().number());
        browser.find("#checkCode").sendKeys(card.printedCheckCode());
        browser.find("#kanaName").sendKeys(person.familyKana() + " " + person.givenKana());
        browser.script("arguments[0].value = arguments[1]", browser.find("#birthDate"), person.birthDate().toString());
        submit("#link-form");
        assertThat(browser.path()).isEqualTo("/portal/patients/" + patient.personId());

        long before = audit.max();
        browser.open("/portal/letters/" + letter);
        browser.find("#write-reply").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("compose-form")));
        assertThat(browser.findAll("#reply-unavailable")).isEmpty();
        assertThat(browser.find("#compose-replies-to").getText()).contains(hospital.nameKanji());
        browser.find("#course").sendKeys("当院外来で血糖管理を続けます。");
        submit("#sign-and-send");
        String reply = letterOf(browser.path());
        assertThat(browser.find("#letter-body").getText()).contains("当院外来で血糖管理を続けます。", patient.kanjiName());
        assertThat(audit.forPatient(before, person.regionalId()).stream().filter(a -> a.startsWith("IDENTITY_LINK")))
                .as("the clinic's source patient, made at its first letter").containsExactly(
                        "IDENTITY_LINK PERMIT CARD: a facility linked by card writes its first letter");
        assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
        browser.close();

        browser = browserAs(accounts.memberOf(hospital, Profession.DOCTOR));
        browser.open("/portal/letters/sent");
        WebElement sent = browser.find("#letter-list tr[data-letter='" + letter + "']");
        assertThat(sent.getAttribute("data-status")).isEqualTo("completed");
        sent.findElement(By.cssSelector("a.reply-link")).click();
        browser.await().until(ExpectedConditions.urlContains("/portal/letters/" + reply));
        assertThat(browser.find("#letter-body").getText()).contains("当院外来で血糖管理を続けます。");
        assertThat(browser.find("#pdf-signature").getAttribute("data-status")).isEqualTo("VALID");
    }

    @Test
    void aPharmacistSendsATracingReportToThePrescribersClinic() {
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        LetterPatients.Written patient = patients.at(port, pharmacy);
        User pharmacist = accounts.memberOf(pharmacy, Profession.PHARMACIST);

        browser = browserAs(pharmacist);
        browser.open("/portal/patients/" + patient.personId());
        browser.find("#letters-menu summary").click();
        browser.find("#letters-menu a[data-kind='TRACING_REPORT']").click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("compose-pharmacy")));
        new Select(browser.find("#addressee")).selectByValue(String.valueOf(clinic.id()));
        browser.find("#doctor").sendKeys("結び 一郎");
        browser.find("#proposal").sendKeys("残薬が多いため、アムロジピンの処方日数の調整をご検討ください。");
        browser.find("#compose-pharmacy input[value='AGREED']").click();
        submit("#sign-and-send");
        String report = letterOf(browser.path());
        assertThat(browser.find("#letter-body").getText()).contains("トレーシングレポート", "残薬が多いため");
        browser.close();

        browser = browserAs(accounts.memberOf(clinic, Profession.DOCTOR));
        browser.open("/portal/letters");
        WebElement row = browser.find("#letter-list tr[data-letter='" + report + "']");
        assertThat(row.getText()).contains("トレーシングレポート", pharmacy.nameKanji());
    }


    private void submit(String buttonOrFormCss) {
        WebElement element = browser.find(buttonOrFormCss);
        WebElement form = element.getTagName().equals("form") ? element : element.findElement(By.xpath("./ancestor::form"));
        if (element == form) {
            browser.script("arguments[0].requestSubmit()", form);
        } else {
            browser.script("arguments[0].requestSubmit(arguments[1])", form, element);
        }
        browser.awaitGone(form);
    }

    /** The letter whose page the browser is at (a send that came back shows its faults in the message). */
    private String letterOf(String path) {
        Matcher m = LETTER_PAGE.matcher(path);
        assertThat(m.matches()).as("a letter's page: " + path + " " + browser.findAll("#compose-faults li").stream()
                .map(WebElement::getText).toList() + " " + browser.findAll("main").stream().map(WebElement::getText)
                .map(t -> t.substring(0, Math.min(300, t.length()))).toList() + browser.source().substring(0, Math.min(1500, browser.source().length()))).isTrue();
        return m.group(1);
    }

    private static Path upload() {
        try {
            Path file = Files.createTempFile("紹介資料", ".txt");
            Files.writeString(file, "心電図所見：洞調律、左室肥大の疑い", StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

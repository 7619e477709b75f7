package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.points.PointsLedger;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.Totp;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident on a phone (headless Chromium, 360×800): opens the address on the registration slip, registers with the
 * card number and check code, birth date and code, sets up an authenticator app, logs in with both factors and sees the notebook's
 * home and who viewed their record, all without sideways scrolling.
 */
@MusubiIntegrationTest
@Tag("browser")
class PhrBrowserIT extends ResidentFixtures {

    private static final Dimension PHONE = new Dimension(360, 800);
    private static final Pattern SECRET = Pattern.compile("secret=([A-Z2-7]+)");

    @Autowired
    IssueRegistrationCode issue;
    @Autowired
    Users users;
    @Autowired
    PointsLedger ledger;
    private Chromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentRegistersOnAPhoneWithCardAndCodeSetsUpTotpAndLogsIn() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        api.create().resource(FhirRecords.withKanjiName(FhirRecords.newPatient(hospital, localId, "スマホ"), "須磨", "穂子"))
                .execute();
        long personId = clients.personOf(hospital, localId);
        FhirRecords.patientIdFor(api, hospital, localId); // the hospital system's look-up of its patient, logged
        Person person = identities.person(personId).orElseThrow().person();
        IssuedCard card = cards.regional(accounts.networkAdmin().id(), personId);
        String cardNumber = card.card().number();
        String code = issue.issue(accounts.networkAdmin().id(), personId).orElseThrow().code().printed();
        browser = Chromium.start(port);
        browser.resize(PHONE);

        browser.open("/phr/register?code=" + code);
        assertThat(browser.find("#code").getAttribute("value")).as("the slip's QR address fills the code").isEqualTo(code);
        browser.find("#card").sendKeys(cardNumber.substring(0, 4) + " " + cardNumber.substring(4));
        browser.find("#checkCode").sendKeys(card.printedCheckCode().toLowerCase(Locale.ROOT));
        browser.script("arguments[0].value = arguments[1]", browser.find("#birthDate"), person.birthDate().toString());
        browser.fitsThePhone("register");
        browser.find("#register-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/register/account"));
        assertThat(browser.find("h1").getText()).contains("須磨 穂子");
        Matcher secret = SECRET.matcher(browser.find("#totp-secret").getAttribute("data-otpauth"));
        assertThat(secret.find()).isTrue();
        assertThat(browser.findAll(".qr svg")).as("a QR code for the authenticator app").hasSize(1);
        browser.find("#loginId").sendKeys("sumaho" + personId);
        browser.find("#password").sendKeys(Residents.PASSWORD);
        browser.find("#passwordAgain").sendKeys(Residents.PASSWORD);
        browser.find("#totpCode").sendKeys(Totp.code(secret.group(1), Totp.step(Instant.now())));
        browser.fitsThePhone("register-account");
        browser.find("#account-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/login"));
        assertThat(browser.find("#registered").isDisplayed()).isTrue();

        User account = users.residentOf(personId).orElseThrow();
        browser.find("#username").sendKeys(account.loginId());
        browser.find("#password").sendKeys(Residents.PASSWORD);
        browser.find("#login-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
        browser.find("#code").sendKeys(residents.nextCode(account.id(), secret.group(1)));
        browser.find("#code-form button").click();
        browser.await().until(ExpectedConditions.urlMatches(".*/phr$"));
        assertThat(browser.find("#phr-home").getText()).contains("須磨 穂子");
        browser.fitsThePhone("home");

        browser.find("#menu-access-log").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/access-log"));
        assertThat(browser.findAll("#access-log li")).as("the hospital system's look-up of the patient").isNotEmpty();
        browser.fitsThePhone("access-log");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aResidentAddsAPasskeyAndAnswersTheSecondLoginStepWithIt() {
        Residents.Resident resident = residents.register(
                residents.patientAt(port, FacilityKind.HOSPITAL, "パスキー").personId());
        browser = Chromium.start(port);
        browser.resize(PHONE);
        VirtualAuthenticator authenticator =
                ((HasVirtualAuthenticator) browser.driver())
                        .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
        logInWithPassword(resident);
        browser.find("#code").sendKeys(residents.nextCode(resident.account().id(), resident.totpSecret()));
        browser.find("#code-form button").click();
        browser.await().until(ExpectedConditions.urlMatches(".*/phr$"));

        browser.find("#menu-passkeys").click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("add-passkey")));
        browser.find("#passkey-label").sendKeys("わたしのスマホ");
        browser.fitsThePhone("passkeys");
        browser.find("#add-passkey").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/passkeys?added"));
        assertThat(browser.find("#passkey-list").getText()).contains("わたしのスマホ");
        assertThat(authenticator.getCredentials()).as("the authenticator holds the new credential").hasSize(1);

        browser.find("header form.inline button").click();
        browser.await().until(ExpectedConditions.urlContains("/login"));
        logInWithPassword(resident);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("use-passkey")));
        browser.find("#use-passkey").click();
        browser.await().until(ExpectedConditions.urlMatches(".*/phr$"));
        assertThat(browser.find("#phr-home").isDisplayed()).isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(audit.since(0, resident.account().loginId())).anyMatch(row -> row.startsWith("LOGIN_SECOND_FACTOR PERMIT passkey"))
                .anyMatch(row -> row.matches("SECOND_FACTOR_ENROL PERMIT passkey \\d+ added"));
    }

    @Test
    void aResidentWhoseCheckupACentreSentSeesThePointsOnAPhone() {
        ledger.setRule(new PointsLedger.Rule(PointsLedger.Kind.CHECKUP, 100,
                null), accounts.networkAdmin().id());
        Residents.Patient patient = residents.patientAt(port, FacilityKind.CHECKUP_CENTRE, "ポイント");
        DiagnosticReport report = new DiagnosticReport()
                .setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL)
                .setSubject(patient.reference()).setEffective(new DateTimeType("2026-06-01"));
        report.getCode().setText("特定健診");
        FhirRecords.create(patient.api(), report);
        Residents.Resident resident = residents.register(patient.personId());
        browser = Chromium.start(port);
        browser.resize(PHONE);
        browser.logIn(resident.account(), Residents.PASSWORD, id -> residents.nextCode(id, resident.totpSecret()));
        browser.open("/phr");

        browser.find("#menu-points").click();
        browser.await().until(ExpectedConditions.urlContains("/phr/points"));
        assertThat(browser.find("#points-balance").getAttribute("data-balance")).isEqualTo("100");
        assertThat(browser.find("#points-history").getText()).contains("健診の受診").contains("+100");
        browser.fitsThePhone("points");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void logInWithPassword(Residents.Resident resident) {
        browser.open("/phr/login");
        browser.find("#username").sendKeys(resident.account().loginId());
        browser.find("#password").sendKeys(Residents.PASSWORD);
        browser.find("#login-form button").click();
        browser.await().until(ExpectedConditions.urlContains("/login/second-factor"));
    }

}

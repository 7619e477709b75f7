package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.portal.chart.ChartEntry;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.Chromium;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.PharmacyNotebooks.Dispensed;
import org.musubi.testing.PharmacyNotebooks.Holder;
import org.musubi.testing.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 6 in a real browser (headless Chromium): a clinic doctor logs in with two factors, links a
 * patient by card, reads the timeline and filters it by facility, sees the duplicate-medication
 * alert raised by two pharmacies' JAHIS files, and opens a lab trend chart. Every page view of the
 * patient leaves exactly one audit row. Screenshots of each page go to target/screenshots.
 * The scenarios run in story order on one browser; each still sets up what it needs itself.
 */
@MusubiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class PortalBrowserIT extends NetworkFixtures {

    private static final String READ = "READ PERMIT policy.permit.treatmentConsentAndLink";
    private static final DateTimeFormatter JAHIS = DateTimeFormatter.BASIC_ISO_DATE;
    private static final AtomicInteger CLINICS = new AtomicInteger();

    @Autowired
    PharmacyNotebooks notebooks;
    @Autowired
    Facilities facilities;
    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard issueCard;

    private Chromium browser;
    private Facility hospital;
    private Facility firstPharmacy;
    private Facility secondPharmacy;
    private Facility clinic;
    private User doctor;
    private long admin;
    private long personId;
    private Person person;
    private IssuedCard card;
    private boolean signedIn;

    @BeforeAll
    void aPatientOfAHospitalAndTwoPharmaciesAndADoctorOfAFreshClinic() {
        browser = Chromium.start(port);
        admin = accounts.networkAdmin().id();
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        hospitalApi.create().resource(FhirRecords.withKanjiName(FhirRecords.newPatient(hospital, localId, "ムスビ"), "結", "花子")).execute();
        personId = clients.personOf(hospital, localId);
        hospitalRecords(hospitalApi, localId);
        firstPharmacy = notebooks.pharmacy("本通り薬局" + ThreadLocalRandom.current().nextInt(1000));
        secondPharmacy = notebooks.pharmacy("駅前薬局" + ThreadLocalRandom.current().nextInt(1000));
        amlodipineFromBothPharmacies();
        consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), admin,
                hospital.id());
        person = identities.person(personId).orElseThrow().person();
        card = issueCard.regional(admin, personId);
        int n = CLINICS.incrementAndGet();
        clinic = facilities.insert(new FacilityDraft("むすび内科クリニック" + n, "ムスビナイカクリニック" + n, FacilityKind.CLINIC,
                null, 34, "広島市中区基町" + n, "082-000-0000", false, true, FacilityStatus.ACTIVE));
        doctor = accounts.memberOf(clinic, Profession.DOCTOR);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theDoctorLogsInWithPasswordAndTotpAndReachesTheHome() {
        long before = audit.max();

        signIn();

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find("#linked-patients").getText()).contains("連携中の患者");
        assertThat(browser.find("#link-patient").getAttribute("href")).endsWith("/portal/link");
        assertThat(audit.since(before, doctor.loginId())).containsSubsequence("LOGIN_PASSWORD PERMIT",
                "LOGIN_SECOND_FACTOR PERMIT");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void theDoctorLinksThePatientByCardAndFindsThemOnTheHome() {
        signIn();
        long before = audit.max();

        browser.open("/");
        browser.find("#link-patient").click();
        browser.find("#card").sendKeys(card.card().number());
        browser.find("#checkCode").sendKeys(card.printedCheckCode());
        browser.find("#kanaName").sendKeys(person.familyKana() + " " + person.givenKana());
        browser.script("arguments[0].value = arguments[1]", browser.find("#birthDate"), person.birthDate().toString());
        browser.find("#chartNumber").sendKeys("K-0815");
        browser.screenshot("portal-link-form");
        browser.find("#link-form button[type=submit]").click();

        browser.await().until(ExpectedConditions.urlMatches("/portal/patients/" + personId + "$"));
        assertThat(browser.find("#patient-header").getText()).contains(person.familyKanji() + " " + person.givenKanji());
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(
                "IDENTITY_LINK PERMIT CARD: chart number recorded at linking", "PATIENT_LINK PERMIT REGIONAL", READ);

        long beforeHome = audit.max();
        browser.open("/");
        WebElement row = browser.find("#patient-list tr[data-person='" + personId + "']");
        assertThat(row.getText()).contains(person.familyKanji(), person.regionalId(), "K-0815");
        assertThat(audit.since(beforeHome, doctor.loginId())).containsExactly("PATIENT_LIST PERMIT policy.permit.linkedPatientList");
        browser.screenshot("portal-home");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void theTimelineShowsEveryFacilityAndFiltersByOne() {
        signedInAndLinked();
        long before = audit.max();

        browser.open("/portal/patients/" + personId);
        assertThat(facilitiesOfEntries()).contains(hospital.id(), firstPharmacy.id(), secondPharmacy.id());
        assertThat(browser.find("#timeline").getText()).contains("HbA1c", "アムロジピン錠5mg");
        browser.screenshot("portal-timeline");
        browser.resize(Chromium.TABLET);
        browser.screenshot("portal-timeline-tablet");
        assertThat(horizontalOverflow()).as("no sideways scrolling at 1024 px").isLessThanOrEqualTo(0L);
        browser.resize(Chromium.DESKTOP);

        browser.find("#timeline-filter input[name=facility][value='" + firstPharmacy.id() + "']").click();
        browser.find("#timeline-filter button[type=submit]").click();

        browser.await().until(ExpectedConditions.urlContains("facility=" + firstPharmacy.id()));
        assertThat(facilitiesOfEntries()).containsOnly(firstPharmacy.id());
        assertThat(browser.find("#timeline").getText()).contains("アムロジピン錠5mg").doesNotContain("HbA1c");
        assertThat(browser.find("#timeline-filter input[name=facility][value='" + firstPharmacy.id() + "']").isSelected())
                .isTrue();
        browser.screenshot("portal-timeline-filtered");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(READ, READ);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void twoPharmaciesDispensingTheSameIngredientRaiseTheDuplicateAlert() {
        signedInAndLinked();
        browser.open("/portal/patients/" + personId);
        assertThat(browser.find("#medication-alerts").getText()).as("on the timeline too").contains("同一成分の重複");
        long before = audit.max();

        browser.find("#patient-tabs a[href*='/medications']").click();

        browser.await().until(ExpectedConditions.urlContains("/medications"));
        assertThat(browser.find("#medication-alerts").getText()).contains("同一成分の重複")
                .contains(firstPharmacy.nameKanji(), secondPharmacy.nameKanji());
        assertThat(browser.find("#medications-current").getText()).contains("アムロジピン錠5mg", "テルミサルタン錠40mg");
        browser.screenshot("portal-medications-duplicate");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(READ);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(5)
    void theLabTableOpensATrendChartDrawnFromItsValues() {
        signedInAndLinked();
        browser.open("/portal/patients/" + personId);
        long before = audit.max();

        browser.find("#patient-tabs a[href*='/labs']").click();
        WebElement hba1c = browser.find("#lab-table tr[data-analyte^='3D046']");
        assertThat(hba1c.getText()).contains("HbA1c", "7.4", "8.1");
        browser.scrollTo(hba1c);
        browser.screenshot("portal-labs");
        hba1c.findElement(By.cssSelector("a")).click();

        browser.await().until(ExpectedConditions.urlContains("/labs/trend?analyte=3D046"));
        WebElement canvas = browser.find("canvas#trend-chart-0");
        @SuppressWarnings("unchecked")
        Map<String, Object> chart = (Map<String, Object>) browser.script("""
                var chart = window.Chart && Chart.getChart(arguments[0]);
                return chart ? {points: chart.data.datasets[0].data.length, width: chart.width, height: chart.height} : null;""",
                canvas);
        assertThat(chart).as("Chart.js drew the canvas").isNotNull();
        assertThat(((Number) chart.get("points")).intValue()).isEqualTo(2);
        assertThat(((Number) chart.get("width")).intValue()).isPositive();
        assertThat(((Number) chart.get("height")).intValue()).isPositive();
        assertThat(browser.find("#trend-values-0").getText()).contains("2024-01-10", "7.4", "2024-03-02", "8.1");
        browser.scrollTo(canvas);
        browser.screenshot("portal-lab-trend");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(READ, READ);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Logs the clinic doctor in through the browser, once for the class. */
    private void signIn() {
        if (!signedIn) {
            browser.logIn(doctor, TestAccounts.PASSWORD, accounts::nextCode);
            signedIn = true;
        }
    }

    /** For a scenario run alone: what the earlier ones would have done. */
    private void signedInAndLinked() {
        signIn();
        if (consents.links(personId).stream().noneMatch(l -> l.facilityId() == clinic.id())) {
            consents.link(personId, clinic.id(), admin);
        }
    }

    private List<Long> facilitiesOfEntries() {
        return browser.findAll("#timeline details.entry").stream()
                .map(e -> Long.valueOf(e.getAttribute("data-facility"))).distinct().toList();
    }

    private long horizontalOverflow() {
        return (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    private void hospitalRecords(IGenericClient api, String localId) {
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        Condition diabetes = new Condition().setSubject(subject).setOnset(new DateTimeType("2024-01-10"));
        diabetes.getCode().addCoding(new Coding("http://medis.or.jp/CodeSystem/master-disease-keyNumber", "20060929", "2型糖尿病"));
        diabetes.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
                "active", null)));
        FhirRecords.create(api, diabetes);
        AllergyIntolerance penicillin = new AllergyIntolerance().setPatient(subject);
        penicillin.getCode().setText("ペニシリン系抗菌薬");
        penicillin.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
        FhirRecords.create(api, penicillin);
        for (Object[] result : new Object[][] {{"2024-01-10", 7.4}, {"2024-03-02", 8.1}}) {
            Observation hba1c = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, (String) result[0], (Double) result[1]);
            hba1c.getCode().getCodingFirstRep().setDisplay("HbA1c");
            FhirRecords.create(api, hba1c);
        }
    }

    /** Amlodipine 28 days from each pharmacy, overlapping (and telmisartan from the first), both made this person's. */
    private void amlodipineFromBothPharmacies() {
        LocalDate today = LocalDate.now(ChartEntry.JAPAN);
        Holder holder = new Holder("結 花子", "ムスビ ハナコ", "2",
                LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000)).format(JAHIS));
        String first = today.minusDays(10).format(JAHIS);
        notebooks.send(firstPharmacy, holder, new Dispensed(first, "アムロジピン錠5mg", "2171022F1020", 28, "中央病院", "1234567"),
                new Dispensed(first, "テルミサルタン錠40mg", "2149039F1028", 28, "中央病院", "1234567"));
        notebooks.send(secondPharmacy, holder, new Dispensed(today.minusDays(3).format(JAHIS), "アムロジピン錠5mg",
                "2171022F1020", 28, "中央病院", "1234567"));
        notebooks.samePerson(firstPharmacy, personId, admin);
        notebooks.samePerson(secondPharmacy, personId, admin);
    }
}

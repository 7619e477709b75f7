package org.musubi.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.identity.link.UnlinkSourcePatient;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The integrated viewer over real HTTP: a patient's records from a hospital and a pharmacy (written
 * over the FHIR API) seen by a linked clinic in one timeline, filtered, with its documents; each
 * page view leaves exactly one audit row for the patient, and an unlinked facility sees nothing.
 */
@MusubiIntegrationTest
class PatientViewIT {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    FhirClients clients;
    @Autowired
    Consents consents;
    @Autowired
    IdentityStore identities;
    @Autowired
    LinkSourcePatient linkSourcePatient;
    @Autowired
    UnlinkSourcePatient unlinkSourcePatient;
    @Autowired
    AuditRows audit;

    private Facility hospital;
    private Facility pharmacy;
    private long person;
    private String regionalId;
    private String textDocument;
    private String pdfDocument;

    @BeforeEach
    void aPatientWithRecordsAtAHospitalAndAPharmacy() {
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        IGenericClient pharmacyApi = clients.fhirFor(port, pharmacy, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(hospitalApi, hospital, localId, "ビューア");
        person = clients.personOf(hospital, localId);
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);

        Condition gastritis = new Condition().setSubject(subject).setOnset(new DateTimeType("2024-03-01"));
        gastritis.getCode().addCoding(new Coding("http://medis.or.jp/CodeSystem/master-disease-keyNumber", "20054174", "胃炎"))
                .addCoding(new Coding("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full", "K297", null));
        gastritis.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
                "active", null)));
        FhirRecords.create(hospitalApi, gastritis);
        AllergyIntolerance penicillin = new AllergyIntolerance().setPatient(subject);
        penicillin.getCode().setText("ペニシリン系抗菌薬");
        penicillin.setRecordedDateElement(new DateTimeType("2020-01-10"));
        penicillin.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
        FhirRecords.create(hospitalApi, penicillin);
        Encounter stay = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED).setSubject(subject)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"))
                .setPeriod(new Period().setStartElement(new DateTimeType("2024-03-01T10:00:00+09:00"))
                        .setEndElement(new DateTimeType("2024-03-05T11:00:00+09:00")));
        FhirRecords.create(hospitalApi, stay);
        Observation hba1c = FhirRecords.lab(hospital, localId, FhirRecords.HBA1C, "2024-03-02", 8.1);
        hba1c.getCode().getCodingFirstRep().setDisplay("HbA1c");
        hba1c.addInterpretation().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation")
                .setCode("H");
        FhirRecords.create(hospitalApi, hba1c);
        textDocument = FhirRecords.create(hospitalApi, document(subject, "text/plain; charset=UTF-8", "退院時サマリー",
                "経過良好にて退院。\n外来で経過観察。".getBytes(StandardCharsets.UTF_8)));
        pdfDocument = FhirRecords.create(hospitalApi, document(subject, "application/pdf", "紹介状",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));

        String pharmacyId = FhirRecords.localId();
        FhirRecords.registerPatient(pharmacyApi, pharmacy, pharmacyId, "ビューア");
        long pharmacyPerson = clients.personOf(pharmacy, pharmacyId);
        long admin = accounts.networkAdmin().id();
        long pharmacySource = identities.sourcePatientsOf(pharmacyPerson).getFirst().id();
        unlinkSourcePatient.unlink(admin, pharmacySource, "the same person as the hospital's (test)");
        linkSourcePatient.link(admin, pharmacySource, person, LinkMethod.OPERATOR, "the same person (test)");
        MedicationDispense dispense = new MedicationDispense().setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED)
                .setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(pharmacy) + "|" + pharmacyId))
                .setMedication(new CodeableConcept(new Coding("http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
                        "2171022F1020", "アムロジピン錠5mg")))
                .setWhenHandedOverElement(new DateTimeType("2024-04-01"));
        dispense.setQuantity(new Quantity().setValue(28).setUnit("錠"));
        FhirRecords.create(pharmacyApi, dispense);

        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), admin,
                hospital.id());
        consents.link(person, accounts.facilityOf(FacilityKind.CLINIC).id(), admin);
        regionalId = identities.person(person).orElseThrow().person().regionalId();
    }

    private static DocumentReference document(Reference subject, String contentType, String title, byte[] data) {
        DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setSubject(subject).setDate(new Date());
        document.getType().setText(title);
        document.addContent().setAttachment(new Attachment().setContentType(contentType).setTitle(title).setData(data));
        return document;
    }

    @Test
    void aLinkedClinicSeesEverythingInOneTimelineWithOneAuditRow() {
        WebSession clinic = logIn(FacilityKind.CLINIC);
        long before = audit.max();

        HttpResponse<String> page = clinic.get("/portal/patients/" + person);

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("id=\"allergies\"").contains("ペニシリン系抗菌薬");
        assertThat(section(body, "id=\"problems\"")).contains("胃炎");
        assertThat(body).contains("HbA1c: 8.1 % [H]").contains("K297").contains("アムロジピン錠5mg")
                .contains(hospital.nameKanji()).contains(pharmacy.nameKanji()).contains("退院時サマリー")
                .contains("data-kind=\"ENCOUNTER\"").contains("入院");
        assertThat(body.indexOf("アムロジピン錠5mg")).as("newest first").isLessThan(body.indexOf("HbA1c: 8.1"));
        assertThat(audit.forPatient(before, regionalId)).containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void theCareNetworksResourcesSentByASystemShowOnTheTimelineAsCareEntries() {
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = identities.sourcePatientsOf(person).stream().filter(s -> s.facilityId() == hospital.id())
                .findFirst().orElseThrow().localId();
        Reference subject = new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId);
        org.hl7.fhir.r4.model.Goal goal = new org.hl7.fhir.r4.model.Goal()
                .setLifecycleStatus(org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus.ACTIVE).setSubject(subject);
        goal.getDescription().setText("杖歩行で外出できる");
        goal.setStart(new org.hl7.fhir.r4.model.DateType("2024-05-01"));
        FhirRecords.create(hospitalApi, goal);
        org.hl7.fhir.r4.model.Task task = new org.hl7.fhir.r4.model.Task()
                .setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED)
                .setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER).setFor(subject).setDescription("退院前カンファレンスの日程調整")
                .setAuthoredOnElement(new DateTimeType("2024-05-02T09:00:00+09:00"));
        FhirRecords.create(hospitalApi, task);
        org.hl7.fhir.r4.model.QuestionnaireResponse form = new org.hl7.fhir.r4.model.QuestionnaireResponse()
                .setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                .setQuestionnaire("urn:musubi:pathway:stroke/acute|1").setSubject(subject)
                .setAuthoredElement(new DateTimeType("2024-05-03T10:00:00+09:00"));
        form.addItem().setLinkId("mrs").addAnswer().setValue(new org.hl7.fhir.r4.model.IntegerType(3));
        FhirRecords.create(hospitalApi, form);
        WebSession clinic = logIn(FacilityKind.CLINIC);
        long before = audit.max();

        String care = section(clinic.get("/portal/patients/" + person + "?kind=CARE").body(), "id=\"timeline\"");

        assertThat(care).contains("杖歩行で外出できる").contains("退院前カンファレンスの日程調整")
                .contains("urn:musubi:pathway:stroke/acute|1").contains("data-kind=\"CARE\"")
                .doesNotContain("HbA1c: 8.1");
        assertThat(audit.forPatient(before, regionalId)).containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void theTimelineFiltersByFacilityKindAndPeriod() {
        WebSession clinic = logIn(FacilityKind.CLINIC);

        String pharmacyOnly = clinic.get("/portal/patients/" + person + "?facility=" + pharmacy.id()).body();
        String labsOnly = clinic.get("/portal/patients/" + person + "?kind=LAB").body();
        String march = clinic.get("/portal/patients/" + person + "?from=2024-03-01&to=2024-03-01").body();

        String timeline = "id=\"timeline\"";
        assertThat(section(pharmacyOnly, timeline)).contains("アムロジピン錠5mg").doesNotContain("HbA1c: 8.1");
        assertThat(section(labsOnly, timeline)).contains("HbA1c: 8.1").doesNotContain("アムロジピン錠5mg")
                .doesNotContain("data-kind=\"DIAGNOSIS\"");
        assertThat(section(march, timeline)).contains("胃炎").contains("data-kind=\"ENCOUNTER\"")
                .doesNotContain("HbA1c: 8.1").doesNotContain("アムロジピン錠5mg");
    }

    @Test
    void documentsOpenInThePageEachViewAudited() {
        WebSession clinic = logIn(FacilityKind.CLINIC);
        long before = audit.max();

        HttpResponse<String> text = clinic.get("/portal/patients/" + person + "/documents/" + textDocument);
        HttpResponse<String> pdfPage = clinic.get("/portal/patients/" + person + "/documents/" + pdfDocument);
        HttpResponse<String> pdf = clinic.get(frameSource(pdfPage.body()));

        assertThat(text.body()).contains("id=\"document-text\"").contains("経過良好にて退院。\n外来で経過観察。");
        assertThat(pdfPage.body()).contains("id=\"document-frame\"")
                .contains("/portal/patients/" + person + "/documents/" + pdfDocument + "/content");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(pdf.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("frame-ancestors 'self'").contains("default-src 'none'");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(pdf.body()).startsWith("%PDF-1.4");
        assertThat(audit.forPatient(before, regionalId)).containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink",
                "READ PERMIT policy.permit.treatmentConsentAndLink", "READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void anUnlinkedFacilitySeesNoPatientDataAndIsAudited() {
        WebSession dental = logIn(FacilityKind.DENTAL_CLINIC);
        long before = audit.max();

        HttpResponse<String> page = dental.get("/portal/patients/" + person);
        HttpResponse<String> document = dental.get("/portal/patients/" + person + "/documents/" + textDocument);
        HttpResponse<String> content = dental.get("/portal/patients/" + person + "/documents/" + pdfDocument + "/content");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("id=\"denied-reason\"").doesNotContain("policy.deny").doesNotContain("ビューア")
                .doesNotContain("胃炎").doesNotContain("ペニシリン").doesNotContain("HbA1c");
        assertThat(document.statusCode()).isEqualTo(404);
        assertThat(document.body()).doesNotContain("経過良好");
        assertThat(content.statusCode()).isEqualTo(404);
        assertThat(content.body()).doesNotContain("%PDF");
        assertThat(audit.forPatient(before, regionalId)).containsExactly("READ DENY policy.deny.notLinked",
                "READ DENY policy.deny.notLinked", "READ DENY policy.deny.notLinked");
    }

    @Test
    void theViewerNeedsAFullLogin() {
        WebSession anonymous = new WebSession(port);
        assertThat(WebSession.location(anonymous.get("/portal/patients/" + person))).isEqualTo("/login");
        assertThat(WebSession.location(anonymous.get("/portal/patients/" + person + "/documents/" + textDocument)))
                .isEqualTo("/login");
    }

    /** The address the viewer's frame loads the document from, as the page writes it. */
    private static String frameSource(String page) {
        Matcher m = Pattern.compile("id=\"document-frame\"[^>]*src=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the document frame").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private WebSession logIn(FacilityKind kind) {
        WebSession web = new WebSession(port);
        accounts.logIn(web, accounts.staff(kind, Profession.DOCTOR));
        return web;
    }

    /** The page from the element marked {@code marker} on. */
    private static String section(String body, String marker) {
        int at = body.indexOf(marker);
        assertThat(at).as(marker).isGreaterThanOrEqualTo(0);
        return body.substring(at);
    }
}

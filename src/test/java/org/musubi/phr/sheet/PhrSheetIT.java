package org.musubi.phr.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.phr.Residents;
import org.musubi.photos.TestPictures;
import org.musubi.print.PdfPrinter;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 命の宝箱 over real HTTP: the resident's form is prefilled with what a pharmacy dispensed; a save is one audited write
 * stored as a versioned QuestionnaireResponse of category EMERGENCY_SHEET with a Provenance; a field at fault is named
 * and nothing is stored; a save that changes nothing stores nothing; the history says who changed which sections.
 * A pharmacist of a linked pharmacy enters it on the resident's behalf (Provenance agent + onBehalfOf, shown as
 * proxy-entered) and the resident confirms it; a clinic without a link, break-the-glass and a care worker without a
 * link cannot enter it. The printed sheet is an A4 PDF with the Japanese text and the person's QR code.
 */
@MusubiIntegrationTest
class PhrSheetIT {

    private static final String SELF = "policy.permit.patientSelfAccess";
    @LocalServerPort
    int port;
    @Autowired
    Residents residents;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Consents consents;
    @Autowired
    IdentityStore identities;
    @Autowired
    AuditRows audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PdfPrinter pdf;
    @Autowired
    Facilities facilities;

    private Residents.Patient patient;
    private Person person;
    private WebSession web;

    @BeforeEach
    void aResidentWithADispensingLoggedIn() {
        patient = residents.patientAt(port, FacilityKind.PHARMACY, "タカラバコ");
        person = patient.person();
        MedicationDispense dispense = new MedicationDispense()
                .setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED).setSubject(patient.reference())
                .setMedication(new CodeableConcept(new Coding("http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
                        "2171022F1020", "アムロジピン錠5mg")))
                .setWhenHandedOverElement(new DateTimeType(LocalDate.now().minusDays(3).toString()));
        dispense.setQuantity(new Quantity().setValue(28).setUnit("錠"));
        dispense.getDaysSupply().setValue(28).setUnit("日");
        FhirRecords.create(patient.api(), dispense);
        web = residents.logIn(port, residents.register(patient.personId()));
    }

    @Test
    void theResidentFillsInTheSheetPrefilledFromDispensingAsOneAuditedVersionedWrite() {
        HttpResponse<String> form = web.get("/phr/emergency-sheet/edit");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"prefilled\"").contains("value=\"アムロジピン錠5mg\"");

        long before = audit.max();
        HttpResponse<String> saved = web.post("/phr/emergency-sheet", "allergy[0].substance", "ペニシリン",
                "allergy[0].reaction", "発疹", "medicine[0].name", "アムロジピン錠5mg", "medicine[0].fromRecord", "true",
                "condition[0].name", "高血圧", "condition[0].since", "2015年ごろ", "contact[0].name", "山田 一郎",
                "contact[0].relation", "長男", "contact[0].phone", "０９０-１２３４-５６７８", "careLevel", "care-1",
                "bloodAbo", "A", "bloodRh", "positive", "acpWish", "comfort-only", "paperLocation", "冷蔵庫の中");

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).isEqualTo("/phr/emergency-sheet?saved=changed");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(
                "IDENTITY_LINK PERMIT SELF_REGISTRATION: the resident's own entries in the health notebook",
                "UPDATE PERMIT " + SELF);
        assertThat(stored("QuestionnaireResponse")).containsExactly("EMERGENCY_SHEET:1");
        assertThat(stored("Provenance")).hasSize(1);
        HttpResponse<String> page = web.get("/phr/emergency-sheet");
        assertThat(page.body()).contains("ペニシリン").contains("（発疹）").contains("高血圧").contains("090-1234-5678")
                .contains("要介護1").contains("A型").contains("延命治療は希望せず").contains("冷蔵庫の中")
                .contains("ご本人が記入").doesNotContain("id=\"awaiting-confirmation\"");

        before = audit.max();
        HttpResponse<String> same = web.post("/phr/emergency-sheet", "allergy[0].substance", "ペニシリン",
                "allergy[0].reaction", "発疹", "medicine[0].name", "アムロジピン錠5mg", "medicine[0].fromRecord", "true",
                "condition[0].name", "高血圧", "condition[0].since", "2015年ごろ", "contact[0].name", "山田 一郎",
                "contact[0].relation", "長男", "contact[0].phone", "090-1234-5678", "careLevel", "care-1",
                "bloodAbo", "A", "bloodRh", "positive", "acpWish", "comfort-only", "paperLocation", "冷蔵庫の中");
        assertThat(WebSession.location(same)).isEqualTo("/phr/emergency-sheet?saved=unchanged");
        assertThat(stored("QuestionnaireResponse")).containsExactly("EMERGENCY_SHEET:1");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly("UPDATE PERMIT " + SELF);

        before = audit.max();
        HttpResponse<String> refused = web.post("/phr/emergency-sheet", "allergy[0].substance", "ペニシリン",
                "contact[0].relation", "長女", "contact[1].name", "山田 二郎", "contact[1].phone", "電話して",
                "bloodAbo", "Z");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-field=\"contact[0].name\"").contains("data-field=\"contact[1].phone\"")
                .contains("data-field=\"bloodAbo\"").contains("緊急連絡先").contains("2 行目").contains("電話番号の形ではありません")
                .contains("value=\"電話して\"");
        assertThat(stored("QuestionnaireResponse")).as("nothing stored").containsExactly("EMERGENCY_SHEET:1");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly("UPDATE PERMIT " + SELF);

        web.post("/phr/emergency-sheet", "allergy[0].substance", "ペニシリン", "allergy[0].reaction", "発疹",
                "allergy[1].substance", "そば", "medicine[0].name", "アムロジピン錠5mg", "medicine[0].fromRecord", "true",
                "condition[0].name", "高血圧", "condition[0].since", "2015年ごろ", "contact[0].name", "山田 一郎",
                "contact[0].relation", "長男", "contact[0].phone", "090-1234-5678", "careLevel", "care-2",
                "bloodAbo", "A", "bloodRh", "positive", "acpWish", "comfort-only", "paperLocation", "冷蔵庫の中");
        assertThat(stored("QuestionnaireResponse")).containsExactly("EMERGENCY_SHEET:2");
        HttpResponse<String> history = web.get("/phr/emergency-sheet/history");
        assertThat(history.body()).contains("data-version=\"2\"").contains("data-version=\"1\"")
                .contains("アレルギー・副作用、</span>").contains("介護・血液型</span>");
    }

    @Test
    void aLinkedPharmacistEntersTheSheetOnTheResidentsBehalfAndTheResidentConfirmsIt() {
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        consents.link(patient.personId(), pharmacy.id(), admin);
        WebSession pharmacist = new WebSession(port);
        accounts.logIn(pharmacist, accounts.memberOf(pharmacy, Profession.PHARMACIST));

        HttpResponse<String> tab = pharmacist.get("/portal/patients/" + patient.personId() + "/notebook");
        assertThat(tab.body()).contains("id=\"sheet-none\"").contains("id=\"sheet-proxy-entry\"");
        HttpResponse<String> form = pharmacist.get("/portal/patients/" + patient.personId() + "/emergency-sheet/edit");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"アムロジピン錠5mg\"").contains("id=\"sheet-staff-title\"");
        long before = audit.max();
        HttpResponse<String> saved = pharmacist.post("/portal/patients/" + patient.personId() + "/emergency-sheet",
                "medicine[0].name", "アムロジピン錠5mg", "medicine[0].dose", "朝1錠", "allergy[0].substance", "卵",
                "paperLocation", "冷蔵庫");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(
                "IDENTITY_LINK PERMIT SELF_REGISTRATION: the emergency sheet, entered on the resident's behalf by a linked facility",
                "UPDATE PERMIT policy.permit.treatmentConsentAndLink");
        String provenance = jdbc.sql("""
                SELECT r.content::text FROM resource r JOIN person_link l ON l.source_patient_id = r.patient_key
                 WHERE l.person_id = ? AND r.type = 'Provenance' AND NOT r.deleted""")
                .param(patient.personId()).query(String.class).single();
        assertThat(provenance).contains("\"onBehalfOf\"").contains(pharmacy.nameKanji()).contains("QuestionnaireResponse/");

        HttpResponse<String> tabAfter = pharmacist.get("/portal/patients/" + patient.personId() + "/notebook");
        assertThat(tabAfter.body()).contains("id=\"proxy-entered\"").contains("卵").contains("朝1錠");
        HttpResponse<String> residentPage = web.get("/phr/emergency-sheet");
        assertThat(residentPage.body()).contains("id=\"proxy-entered\"").contains(pharmacy.nameKanji())
                .contains("id=\"awaiting-confirmation\"").contains("id=\"sheet-confirm\"");

        before = audit.max();
        HttpResponse<String> confirmed = web.post("/phr/emergency-sheet/confirm");
        assertThat(WebSession.location(confirmed)).isEqualTo("/phr/emergency-sheet?saved=confirmed");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly("UPDATE PERMIT " + SELF);
        assertThat(stored("QuestionnaireResponse")).containsExactly("EMERGENCY_SHEET:2");
        assertThat(web.get("/phr/emergency-sheet").body()).contains("ご本人が確認").doesNotContain("id=\"awaiting-confirmation\"")
                .doesNotContain("id=\"sheet-confirm\"");
        assertThat(web.get("/phr/emergency-sheet/history").body()).contains("class=\"badge proxy-entered\"")
                .contains(pharmacy.nameKanji() + "の薬剤師").contains("ご本人が確認");
    }

    /**
     * Two pharmacists open the sheet's form and save at the same moment (issue 66): one save is stored, the other is
     * told someone else saved first (409), with what they entered still on the page; saving that page again replaces
     * the newest version knowingly, and a form opened on an old version is told again.
     */
    @Test
    void twoStaffSavingTheSameSheetAtOnceOneIsSavedTheOtherIsToldAndKeepsTheirEntries() throws Exception {
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        consents.link(patient.personId(), pharmacy.id(), admin);
        WebSession first = new WebSession(port);
        accounts.logIn(first, accounts.memberOf(pharmacy, Profession.PHARMACIST));
        WebSession second = new WebSession(port);
        accounts.logIn(second, accounts.memberOf(pharmacy, Profession.PHARMACIST));
        String path = "/portal/patients/" + patient.personId() + "/emergency-sheet";
        assertThat(first.get(path + "/edit").body()).contains("name=\"baseVersion\" value=\"0\"");
        assertThat(second.get(path + "/edit").body()).contains("name=\"baseVersion\" value=\"0\"");

        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = pool.submit(() -> {
            go.await();
            return first.post(path, "baseVersion", "0", "allergy[0].substance", "卵", "paperLocation", "冷蔵庫");
        });
        var b = pool.submit(() -> {
            go.await();
            return second.post(path, "baseVersion", "0", "allergy[0].substance", "そば", "paperLocation", "玄関");
        });
        go.countDown();
        HttpResponse<String> answerA = a.get(2, java.util.concurrent.TimeUnit.MINUTES);
        HttpResponse<String> answerB = b.get(2, java.util.concurrent.TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(java.util.stream.Stream.of(answerA.statusCode(), answerB.statusCode()).sorted().toList())
                .as("one saved, one told").containsExactly(302, 409);
        HttpResponse<String> told = answerA.statusCode() == 409 ? answerA : answerB;
        WebSession loser = answerA.statusCode() == 409 ? first : second;
        String mine = told == answerA ? "卵" : "そば";
        String theirs = told == answerA ? "そば" : "卵";
        assertThat(told.body()).contains("このシートは、あなたがフォームを開いた後にほかの人が保存しました（いまの版 1、")
                .as("what they entered stays on the page").contains("value=\"" + mine + "\"")
                .contains("name=\"baseVersion\" value=\"1\"");
        assertThat(stored("QuestionnaireResponse")).containsExactly("EMERGENCY_SHEET:1");
        assertThat(first.get(path + "/edit").body()).contains("value=\"" + theirs + "\"");

        HttpResponse<String> stale = loser.post(path, "baseVersion", "0", "allergy[0].substance", mine);
        assertThat(stale.statusCode()).as("a form on an old version is told again").isEqualTo(409);
        assertThat(stored("QuestionnaireResponse")).containsExactly("EMERGENCY_SHEET:1");
        HttpResponse<String> again = loser.post(path, "baseVersion", "1", "allergy[0].substance", mine,
                "allergy[1].substance", theirs);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(stored("QuestionnaireResponse")).containsExactly("EMERGENCY_SHEET:2");
    }

    @Test
    void aCareManagersProxyEntryPrefillsTheAllergiesTheNetworkKnowsAsItPrefillsTheMedicines() {
        AllergyIntolerance allergy = new AllergyIntolerance()
                .setPatient(patient.reference());
        allergy.getCode().setText("ペニシリン系抗菌薬");
        allergy.addReaction().addManifestation().setText("全身の発疹");
        allergy.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
        FhirRecords.create(patient.api(), allergy);
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        Facility office = facilities.insert(new FacilityDraft("試験居宅介護支援事業所" + System.nanoTime(),
                "シケンキョタクカイゴシエンジギョウショ", FacilityKind.CARE_FACILITY, "", 34, null, null, false, true,
                FacilityStatus.ACTIVE));
        consents.link(patient.personId(), office.id(), admin);
        WebSession careManager = new WebSession(port);
        accounts.logIn(careManager, accounts.memberOf(office, Profession.CARE_MANAGER));
        long before = audit.max();

        HttpResponse<String> form = careManager.get("/portal/patients/" + patient.personId() + "/emergency-sheet/edit");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"アムロジピン錠5mg\"").as("the allergy the network knows, as the medicines")
                .contains("value=\"ペニシリン系抗菌薬\"").contains("value=\"全身の発疹\"");
        assertThat(audit.forPatient(before, person.regionalId()))
                .containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
        assertThat(web.get("/phr/emergency-sheet/edit").body()).as("the resident's own form too")
                .contains("value=\"ペニシリン系抗菌薬\"").contains("value=\"アムロジピン錠5mg\"");
    }

    @Test
    void onlyUsersWhoSeeTheSheetThroughAConsentedLinkMayEnterIt() {
        Facility unlinked = accounts.newHospital();
        WebSession stranger = new WebSession(port);
        accounts.logIn(stranger, accounts.memberOf(unlinked, Profession.NURSE));
        long before = audit.max();
        HttpResponse<String> form = stranger.get("/portal/patients/" + patient.personId() + "/emergency-sheet/edit");
        HttpResponse<String> post = stranger.post("/portal/patients/" + patient.personId() + "/emergency-sheet",
                "allergy[0].substance", "卵");
        assertThat(form.statusCode()).isEqualTo(404);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(stored("QuestionnaireResponse")).isEmpty();
        assertThat(audit.forPatient(before, person.regionalId())).hasSize(2).allMatch(r -> r.contains(" DENY "));

        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(patient.personId(), clinic.id(), admin);
        WebSession clerk = new WebSession(port);
        accounts.logIn(clerk, accounts.memberOf(clinic, Profession.MEDICAL_CLERK));
        before = audit.max();
        assertThat(clerk.post("/portal/patients/" + patient.personId() + "/emergency-sheet", "allergy[0].substance", "卵")
                .statusCode()).isEqualTo(404);
        assertThat(stored("QuestionnaireResponse")).isEmpty();
        assertThat(audit.forPatient(before, person.regionalId())).singleElement().asString().contains(" DENY ");
    }

    @Test
    void thePrintedSheetIsAnA4PdfWithTheJapaneseTextAndTheQrCode() throws Exception {
        Assumptions.assumeTrue(pdf.font().isPresent(), "no Japanese TrueType font installed (fonts-ipafont-gothic)");
        web.post("/phr/emergency-sheet", "allergy[0].substance", "ペニシリン", "contact[0].name", "山田 一郎",
                "contact[0].phone", "090-1234-5678", "paperLocation", "冷蔵庫の中", "acpWish", "undecided");
        SheetPhotoForms.upload(web, "sheet.png", "image/png", TestPictures.png(300, 400), "裏面");
        long before = audit.max();

        HttpResponse<byte[]> printed = web.getBytes("/phr/emergency-sheet/print");

        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly("READ PERMIT " + SELF);
        try (var document = Loader.loadPDF(printed.body())) {
            var box = document.getPage(0).getMediaBox();
            assertThat(Math.round(box.getWidth())).isEqualTo(595);
            assertThat(Math.round(box.getHeight())).isEqualTo(842);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("命の宝箱").contains("ペニシリン").contains("山田 一郎").contains("冷蔵庫の中")
                    .contains(person.familyKanji()).contains("まだ決めていない");
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the QR code image").isNotEmpty();
            assertThat(document.getNumberOfPages()).as("the photo on a page of its own").isEqualTo(2);
            assertThat(text).contains("裏面");
        }
    }

    @Test
    void aPhotoOfThePaperSheetIsKeptWithoutItsLocationAndShownOnlyToThoseWhoSeeTheSheet() throws Exception {
        byte[] original = TestPictures.jpegWithExif(400, 300, 1);
        assertThat(TestPictures.indexOf(original, TestPictures.GPS_MARK)).isNotNegative();
        long before = audit.max();
        HttpResponse<String> uploaded = SheetPhotoForms.upload(web, "IMG_0001.JPG", "image/jpeg", original, "表面");
        assertThat(uploaded.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(uploaded)).isEqualTo("/phr/emergency-sheet?saved=changed");
        assertThat(audit.forPatient(before, person.regionalId())).endsWith("UPDATE PERMIT " + SELF);

        String page = web.get("/phr/emergency-sheet").body();
        Matcher src = Pattern.compile("src=\"/phr/emergency-sheet/photos/([0-9a-f]{64})\"").matcher(page);
        assertThat(src.find()).as("the photo is shown").isTrue();
        String sha = src.group(1);
        assertThat(page).contains("表面");
        before = audit.max();
        HttpResponse<byte[]> photo = web.getBytes("/phr/emergency-sheet/photos/" + sha);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
        assertThat(photo.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(TestPictures.indexOf(photo.body(), TestPictures.GPS_MARK)).as("EXIF location removed")
                .isNegative();
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.body())).getWidth()).isEqualTo(400);
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly("READ PERMIT " + SELF);

        HttpResponse<String> gif = SheetPhotoForms.upload(web, "scan.gif", "image/gif",
                "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "");
        assertThat(WebSession.location(gif)).isEqualTo("/phr/emergency-sheet");
        assertThat(web.get("/phr/emergency-sheet").body()).contains("id=\"photo-faults\"")
                .contains("JPEG か PNG の写真だけ使えます（scan.gif）");
        assertThat(stored("QuestionnaireResponse")).containsExactly("EMERGENCY_SHEET:1");

        WebSession stranger = residents.logIn(port, residents.register(
                residents.patientAt(port, FacilityKind.HOSPITAL, "ベツジン").personId()));
        assertThat(stranger.getBytes("/phr/emergency-sheet/photos/" + sha).statusCode()).isEqualTo(404);
        assertThat(stranger.getBytes("/phr/emergency-sheet/photos/" + "0".repeat(64)).statusCode()).isEqualTo(404);

        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession doctor = new WebSession(port);
        accounts.logIn(doctor, accounts.memberOf(clinic, Profession.DOCTOR));
        String path = "/portal/patients/" + patient.personId() + "/emergency-sheet/photos/" + sha;
        assertThat(doctor.getBytes(path).statusCode()).as("no consent nor link yet").isEqualTo(404);
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        consents.link(patient.personId(), clinic.id(), admin);
        assertThat(doctor.get("/portal/patients/" + patient.personId() + "/notebook").body()).contains(sha).contains("表面");
        assertThat(doctor.getBytes(path).statusCode()).isEqualTo(200);
        assertThat(doctor.getBytes("/portal/patients/" + patient.personId() + "/emergency-sheet/photos/" + "1".repeat(64))
                .statusCode()).as("a photo the sheet does not hold").isEqualTo(404);
    }

    /** The person's stored QuestionnaireResponses (or other type) as {@code category:version}. */
    private List<String> stored(String type) {
        return jdbc.sql("""
                SELECT r.category || ':' || r.version FROM resource r JOIN person_link l ON l.source_patient_id = r.patient_key
                 WHERE l.person_id = ? AND r.type = ? AND NOT r.deleted""")
                .param(patient.personId()).param(type).query(String.class).list();
    }
}

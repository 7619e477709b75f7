package org.musubi.disaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.disaster.DisasterScenes.findByName;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.phr.Residents;
import org.musubi.print.PdfPrinter;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Disaster mode over real HTTP: a designated responder (a DMAT team registered as a facility) opens an emergency
 * access on a person without any link only while disaster mode covers where the person lives — refused before it is
 * switched on and after it is switched off, each attempt one audit row —; switching on and off goes through a
 * confirmation page and leaves one audit row each; the banner shows on the staff's, the operator's and the health
 * notebook's pages in Japanese and English; the one-page summary prints as an A4 PDF in one audited read.
 */
@MusubiIntegrationTest
class DisasterModeIT extends NetworkFixtures {

    private static final String OUTSIDE = "policy.deny.outsideDisasterMode";
    @Autowired
    DisasterScenes scenes;
    @Autowired
    SwitchDisasterMode switching;
    @Autowired
    PdfPrinter pdf;
    @Autowired
    Residents residents;

    private final String city = DisasterScenes.uniqueCity();

    @AfterEach
    void switchOffWhatWasLeftOn() {
        scenes.cleanUp(switching, city);
    }

    @Test
    void aResponderWithoutALinkOpensAnEmergencyAccessOnlyWhileDisasterModeCoversThePerson() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        DisasterScenes.Resident person = scenes.residentOf(port, hospital, "広島県" + city + "本町1-2-3",
                Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        WebSession admin = scenes.admin(port);
        Facility team = scenes.responderFacility(admin);
        WebSession doctor = scenes.staff(port, team, Profession.DOCTOR);

        long before = audit.max();
        HttpResponse<String> refusedBefore = findByName(doctor, person.person());
        assertThat(refusedBefore.statusCode()).isEqualTo(200);
        assertThat(refusedBefore.body()).doesNotContain("id=\"emergency-form\"").doesNotContain(person.person().givenKana());
        assertThat(doctor.get("/portal/emergency/open").statusCode()).as("nobody found to open").isEqualTo(302);
        assertThat(doctor.get("/portal/patients/" + person.personId() + "?purpose=EMERGENCY").statusCode()).isEqualTo(404);
        List<AuditRows.Row> beforeRows = audit.rowsSince(before).stream()
                .filter(r -> r.action().startsWith("EMERGENCY") || person.regionalId().equals(r.patientId())).toList();
        assertThat(beforeRows).hasSize(2);
        assertThat(beforeRows.get(0).action() + " " + beforeRows.get(0).outcome()).isEqualTo("EMERGENCY_LOOKUP DENY");
        assertThat(beforeRows.get(0).reason()).endsWith(OUTSIDE);
        assertThat(beforeRows.get(1).reason()).isEqualTo(OUTSIDE);

        long beforeOn = audit.max();
        long period = scenes.switchOn(admin, city);
        assertThat(audit.rowsSince(beforeOn)).filteredOn(r -> r.action().startsWith("DISASTER")).singleElement()
                .satisfies(r -> {
                    assertThat(r.action()).isEqualTo("DISASTER_MODE_ON");
                    assertThat(r.reason()).isEqualTo("広島県" + city + ": 試験豪雨 " + city);
                    assertThat(r.patientId()).isNull();
                    assertThat(r.resourceIds()).containsExactly(String.valueOf(period));
                });

        long during = audit.max();
        HttpResponse<String> found = findByName(doctor, person.person());
        assertThat(WebSession.location(found)).isEqualTo("/portal/emergency/open");
        doctor.get("/portal/emergency/open");
        HttpResponse<String> opened = doctor.post("/portal/emergency/open", "reason", "土砂災害の避難所で意識低下",
                "password", TestAccounts.PASSWORD);
        assertThat(WebSession.location(opened)).isEqualTo("/portal/patients/" + person.personId() + "?purpose=EMERGENCY");
        HttpResponse<String> view = doctor.get("/portal/patients/" + person.personId() + "?purpose=EMERGENCY");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains(person.allergy()).contains("id=\"disaster-banner\"").contains("広島県" + city)
                .contains("id=\"emergency-summary-pdf\"");
        List<String> rows = audit.forPatient(during, person.regionalId());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("EMERGENCY_LOOKUP PERMIT name, birth date and sex");
        assertThat(rows.get(1)).startsWith("EMERGENCY_OPEN PERMIT 土砂災害の避難所で意識低下 (until ");
        assertThat(rows.get(2)).isEqualTo("READ PERMIT policy.permit.emergencyAccess");

        long beforeOff = audit.max();
        scenes.switchOff(admin, period);
        assertThat(audit.rowsSince(beforeOff)).filteredOn(r -> r.action().startsWith("DISASTER")).singleElement()
                .satisfies(r -> {
                    assertThat(r.action()).isEqualTo("DISASTER_MODE_OFF");
                    assertThat(r.reason()).isEqualTo("試験終了");
                });
        assertThat(scenes.periodFor(city)).isNull();

        long after = audit.max();
        HttpResponse<String> closed = doctor.get("/portal/patients/" + person.personId() + "?purpose=EMERGENCY");
        assertThat(closed.statusCode()).as("the open access closes with disaster mode").isEqualTo(404);
        assertThat(closed.body()).doesNotContain(person.allergy()).doesNotContain("policy.deny");
        assertThat(audit.forPatient(after, person.regionalId())).containsExactly("READ DENY " + OUTSIDE);
        HttpResponse<String> refusedAfter = findByName(doctor, person.person());
        assertThat(refusedAfter.statusCode()).isEqualTo(200);
        assertThat(refusedAfter.body()).doesNotContain(person.person().givenKana());
    }

    @Test
    void aMunicipalityNoRegisteredAddressLiesInIsWarnedAndAskedAgainBeforeSwitchingOn() {
        WebSession admin = scenes.admin(port);
        long before = audit.max();

        HttpResponse<String> warned = admin.post("/admin/disaster/confirm", "networkWide", "false", "prefecture", "34",
                "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "");
        HttpResponse<String> warnedInEnglish = admin.post("/admin/disaster/confirm?lang=en", "networkWide", "false",
                "prefecture", "34", "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "");
        HttpResponse<String> straightOn = admin.post("/admin/disaster/on", "networkWide", "false", "prefecture", "34",
                "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "");

        assertThat(warned.statusCode()).isEqualTo(200);
        assertThat(warned.body()).contains("id=\"disaster-unknown\"")
                .contains("次の市区町村は、結びに登録された住所（ご本人・届いた患者情報・施設）のどれにもありません：広島県" + city + "。")
                .contains("name=\"unknownConfirmed\"").doesNotContain("id=\"confirm-area\"");
        assertThat(warnedInEnglish.body())
                .contains("No address registered in Musubi (persons, patients sent by facilities, facilities) lies in these municipalities: 広島県" + city + ".");
        assertThat(straightOn.body()).as("the switch itself refuses it too").contains("id=\"disaster-unknown\"");
        assertThat(scenes.periodFor(city)).isNull();
        assertThat(audit.rowsSince(before)).noneMatch(r -> r.action().equals("DISASTER_MODE_ON"));

        long period = scenes.switchOnConfirmingUnknown(admin, city);

        assertThat(scenes.periodFor(city).id()).isEqualTo(period);
        assertThat(audit.rowsSince(before)).filteredOn(r -> r.action().equals("DISASTER_MODE_ON")).hasSize(1);
    }

    @Test
    void aMunicipalityWhereOnlyAFacilityIsSwitchesOnWithoutAWarning() {
        scenes.hospitalIn(city);
        WebSession admin = scenes.admin(port);

        HttpResponse<String> confirm = admin.post("/admin/disaster/confirm", "networkWide", "false", "prefecture", "34",
                "municipalities", city, "note", "試験豪雨 " + city, "plannedEnd", "");

        assertThat(confirm.body()).contains("id=\"confirm-area\"").doesNotContain("id=\"confirm-unknown\"")
                .doesNotContain("id=\"disaster-unknown\"").doesNotContain("unknownConfirmed");
        scenes.switchOn(admin, city);
    }

    @Test
    void theBannerShowsOnEveryKindOfPageInJapaneseAndEnglishWhileDisasterModeIsOn() {
        WebSession admin = scenes.admin(port);
        WebSession staff = accounts.signedIn(port, accounts.staff(FacilityKind.CLINIC, Profession.NURSE));
        WebSession anonymous = new WebSession(port);
        assertThat(staff.get("/").body()).doesNotContain("広島県" + city);
        scenes.hospitalIn(city);

        long period = scenes.switchOn(admin, city);

        assertThat(staff.get("/").body()).contains("id=\"disaster-banner\"").contains("災害モード実施中")
                .contains("広島県" + city);
        assertThat(admin.get("/admin/disaster").body()).contains("id=\"disaster-banner\"")
                .contains("data-period=\"" + period + "\"").contains("試験豪雨 " + city);
        assertThat(anonymous.get("/phr/login").body()).as("the health notebook").contains("id=\"disaster-banner\"")
                .contains("広島県" + city);
        assertThat(staff.get("/?lang=en").body()).contains("Disaster mode is on").contains("Area: 広島県" + city);

        scenes.switchOff(admin, period);

        assertThat(staff.get("/").body()).doesNotContain("広島県" + city);
        assertThat(admin.get("/admin/disaster").body()).contains("id=\"disaster-history\"").contains("試験豪雨 " + city);
    }

    @Test
    void withoutAnAddressThePlaceOfTheFacilitiesLinkedWithTheCardDecidesNotThoseThatSentData() {
        Facility local = scenes.hospitalIn(city);
        DisasterScenes.Resident person = scenes.residentOf(port, local, null, Set.of(Purpose.EMERGENCY));
        assertThat(person.person().address()).isNull();
        WebSession admin = scenes.admin(port);
        WebSession nurse = scenes.staff(port, scenes.responderFacility(admin), Profession.NURSE);
        scenes.switchOn(admin, city);

        HttpResponse<String> onlySent = findByName(nurse, person.person());
        consents.link(person.personId(), local.id(), accounts.networkAdmin().id());
        HttpResponse<String> linked = findByName(nurse, person.person());

        assertThat(onlySent.body()).as("sending data is no standing: the hospital's place does not count")
                .contains("data-key=\"emergency.notFound\"");
        assertThat(WebSession.location(linked)).as("a live link made with the card does").isEqualTo("/portal/emergency/open");
    }

    @Test
    void theOnePageSummaryIsAnA4PdfWithTheQrCodeReadOnceForTheEmergency() throws Exception {
        Assumptions.assumeTrue(pdf.font().isPresent(), "no Japanese TrueType font installed (fonts-ipafont-gothic)");
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        DisasterScenes.Resident person = scenes.residentOf(port, hospital, "広島県" + city + "中央2-3",
                Set.of(Purpose.EMERGENCY));
        WebSession resident = residents.logIn(port, residents.register(person.personId()));
        resident.get("/phr/emergency-sheet/edit");
        resident.post("/phr/emergency-sheet", "allergy[0].substance", "造影剤", "contact[0].name", "災害 花子",
                "contact[0].relation", "長女", "contact[0].phone", "090-1111-2222", "acpWish", "undecided");
        WebSession admin = scenes.admin(port);
        WebSession doctor = scenes.staff(port, scenes.responderFacility(admin), Profession.DOCTOR);
        scenes.switchOn(admin, city);
        findByName(doctor, person.person());
        doctor.get("/portal/emergency/open");
        doctor.post("/portal/emergency/open", "reason", "停電で病院の端末が使えない", "password", TestAccounts.PASSWORD);
        long before = audit.max();

        HttpResponse<byte[]> printed = doctor.getBytes("/portal/patients/" + person.personId() + "/emergency-summary.pdf");

        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(audit.rowsSince(before)).singleElement().satisfies(r -> {
            assertThat(r.action() + " " + r.outcome() + " " + r.reason())
                    .isEqualTo("READ PERMIT policy.permit.emergencyAccess");
            assertThat(r.purpose()).isEqualTo("EMERGENCY");
            assertThat(r.patientId()).isEqualTo(person.regionalId());
            assertThat(r.resourceType()).isEqualTo("emergency-summary");
        });
        try (var document = Loader.loadPDF(printed.body())) {
            assertThat(document.getNumberOfPages()).as("one page").isEqualTo(1);
            var box = document.getPage(0).getMediaBox();
            assertThat(Math.round(box.getWidth())).isEqualTo(595);
            assertThat(Math.round(box.getHeight())).isEqualTo(842);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("緊急時1枚サマリー").contains(person.person().familyKanji())
                    .contains(person.person().givenKana()).contains(person.person().birthDate().toString())
                    .contains("女性").contains(person.regionalId()).contains(person.allergy()).contains(person.medicine())
                    .contains("造影剤").contains("災害 花子").contains("090-1111-2222").contains("まだ決めていない");
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the QR code image").isNotEmpty();
        }

        WebSession stranger = scenes.staff(port, accounts.facilityOf(FacilityKind.CLINIC), Profession.DOCTOR);
        assertThat(stranger.getBytes("/portal/patients/" + person.personId() + "/emergency-summary.pdf").statusCode())
                .as("without an emergency access of one's own").isEqualTo(404);
    }
}

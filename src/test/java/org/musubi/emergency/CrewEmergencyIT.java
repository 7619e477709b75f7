package org.musubi.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.EmergencyAccess;
import org.musubi.emergency.dataset.MinimumDataset;
import org.musubi.identity.FindPerson;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An ambulance crew at {@code /emergency} over real HTTP: finding the person by card, by the card's QR code and by the
 * printed emergency sheet's QR code; opening with a reason from the short list and the password (kind CREW, two
 * hours, one person at a time); the minimum dataset, each read exactly one audit row with purpose EMERGENCY; the
 * refusals (no emergency consent, the time box, the page is for crews only).
 */
@MusubiIntegrationTest
class CrewEmergencyIT extends NetworkFixtures {

    @Autowired
    Crews crews;
    @Autowired
    IssueCard issueCard;
    @Autowired
    PharmacyNotebooks notebooks;

    @Test
    void aParamedicFindsThePersonByCardOpensWithAReasonAndReadsTheMinimumDatasetOneAuditRowPerRead() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        IssuedCard card = issueCard.regional(0, patient.personId());
        User paramedic = crews.paramedic();
        WebSession web = signedIn(paramedic);

        assertThat(web.get("/emergency").body()).contains("id=\"crew-find-card\"").contains("/js/emergency.js");
        HttpResponse<String> found = web.post("/emergency", "card", card.card().number(), "checkCode", card.printedCheckCode());
        assertThat(WebSession.location(found)).isEqualTo("/emergency/open");
        assertThat(web.get("/emergency/open").body()).contains(patient.person().givenKana()).contains("id=\"code-UNCONSCIOUS\"");
        HttpResponse<String> opened = web.post("/emergency/open", "code", "UNCONSCIOUS", "password", TestAccounts.PASSWORD);
        assertThat(WebSession.location(opened)).isEqualTo("/emergency/persons/" + patient.personId());

        long before = audit.max();
        HttpResponse<String> dataset = web.get("/emergency/persons/" + patient.personId());

        assertThat(dataset.statusCode()).isEqualTo(200);
        String page = dataset.body();
        assertThat(page).contains("id=\"emergency-banner\"").contains("ペニシリン系抗菌薬").contains("全身の発疹")
                .contains("アムロジピン").contains("本態性高血圧症").contains("循環器内科外来")
                .contains("id=\"dataset-last-treated\"").contains(patient.facility().nameKanji())
                .contains("体温").contains("38.4").contains("HbA1c").contains("高値")
                .contains("id=\"dataset-handover\"").doesNotContain(card.card().number());
        assertThat(page.indexOf("id=\"dataset-allergies\"")).as("allergies first")
                .isLessThan(page.indexOf("id=\"dataset-medicines\""));
        List<AuditRows.Row> rows = audit.rows(before, paramedic.loginId());
        assertThat(rows).as("exactly one audit record per read").hasSize(1);
        assertThat(rows.getFirst().action()).isEqualTo("READ");
        assertThat(rows.getFirst().outcome()).isEqualTo("PERMIT");
        assertThat(rows.getFirst().purpose()).isEqualTo("EMERGENCY");
        assertThat(rows.getFirst().resourceType()).isEqualTo(MinimumDataset.AUDITED_AS);
        assertThat(rows.getFirst().patientId()).isEqualTo(patient.person().regionalId());

        EmergencyAccess access = consents.emergencies(patient.personId()).getFirst();
        assertThat(access.kind()).isEqualTo(EmergencyAccess.Kind.CREW);
        assertThat(access.reasonCode()).isEqualTo(EmergencyAccess.ReasonCode.UNCONSCIOUS);
        assertThat(access.duration()).as("the crews' default time box")
                .isBetween(Duration.ofHours(2).minusSeconds(10), Duration.ofHours(2).plusSeconds(10));
        assertThat(consents.links(patient.personId())).as("never a link").isEmpty();
    }

    @Test
    void theCardsQrCodeAndThePrintedSheetsQrCodeFindTheSamePerson() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        IssuedCard card = issueCard.regional(0, patient.personId());
        WebSession web = signedIn(crews.paramedic());
        long before = audit.max();

        HttpResponse<String> byCardQr = web.post("/emergency", "card", card.qrPayload());
        HttpResponse<String> bySheetQr = web.post("/emergency", "card",
                FindPerson.SHEET_QR_PREFIX + patient.person().regionalId());

        assertThat(WebSession.location(byCardQr)).isEqualTo("/emergency/open");
        assertThat(WebSession.location(bySheetQr)).isEqualTo("/emergency/open");
        assertThat(audit.forPatient(before, patient.person().regionalId()))
                .containsExactly("EMERGENCY_LOOKUP PERMIT card", "EMERGENCY_LOOKUP PERMIT sheet QR");
    }

    @Test
    void withoutEmergencyConsentTheSheetsQrCodeAnswersLikeNoSuchPersonAndTheProvedCardIsToldWhy() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT));
        IssuedCard card = issueCard.regional(0, patient.personId());
        WebSession web = signedIn(crews.paramedic());
        long before = audit.max();

        HttpResponse<String> bySheet = web.post("/emergency", "card", FindPerson.SHEET_QR_PREFIX + patient.person().regionalId());
        HttpResponse<String> nobody = web.post("/emergency", "card", FindPerson.SHEET_QR_PREFIX + "1234567890123452");
        HttpResponse<String> byCard = web.post("/emergency", "card", card.qrPayload());

        assertThat(error(bySheet)).contains("data-key=\"emergency.notFound\"").isEqualTo(error(nobody));
        assertThat(bySheet.body()).doesNotContain(patient.person().givenKana());
        assertThat(error(byCard)).contains("data-key=\"emergency.card.noConsent\"");
        assertThat(web.get("/emergency/open").statusCode()).as("no person to open").isEqualTo(302);
        assertThat(consents.emergencies(patient.personId())).isEmpty();
        assertThat(audit.forPatient(before, patient.person().regionalId())).containsExactly(
                "EMERGENCY_LOOKUP DENY sheet QR: policy.deny.noConsent", "EMERGENCY_LOOKUP DENY card: policy.deny.noConsent");
    }

    @Test
    void openingTheNextPersonEndsTheAccessToThePreviousOne() {
        Residents.Patient first = crews.patient(port, Set.of(Purpose.EMERGENCY));
        Residents.Patient second = crews.patient(port, Set.of(Purpose.EMERGENCY));
        User paramedic = crews.paramedic();
        WebSession web = signedIn(paramedic);
        Crews.open(web, first);
        assertThat(web.get("/emergency/persons/" + first.personId()).statusCode()).isEqualTo(200);

        Crews.open(web, second);
        long before = audit.max();
        HttpResponse<String> previous = web.get("/emergency/persons/" + first.personId());

        assertThat(previous.statusCode()).isEqualTo(404);
        assertThat(audit.forPatient(before, first.person().regionalId()))
                .containsExactly("READ DENY policy.deny.emergencyAccessExpired");
        assertThat(consents.emergencies(first.personId()).getFirst().endedAt()).isNotNull();
        assertThat(web.get("/emergency/persons/" + second.personId()).statusCode()).isEqualTo(200);
        assertThat(web.get("/emergency").body()).contains("id=\"crew-current\"")
                .contains("/emergency/persons/" + second.personId());
    }

    @Test
    void theDatasetWarnsOfTheSameIngredientFromTwoPharmacies() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        var format = DateTimeFormatter.BASIC_ISO_DATE;
        var holder = new PharmacyNotebooks.Holder("救急 花子", "キュウキュウ ハナコ", "2",
                LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000))
                        .format(format));
        var first = notebooks.pharmacy("救急本通り薬局" + ThreadLocalRandom.current().nextInt(1000));
        var second = notebooks.pharmacy("救急駅前薬局" + ThreadLocalRandom.current().nextInt(1000));
        notebooks.send(first, holder, new PharmacyNotebooks.Dispensed(today.minusDays(10).format(format),
                "アムロジピン錠5mg", "2171022F1020", 28, "中央病院", "1234567"));
        notebooks.send(second, holder, new PharmacyNotebooks.Dispensed(today.minusDays(3).format(format),
                "アムロジピン錠5mg", "2171022F1020", 28, "中央病院", "1234567"));
        long admin = accounts.networkAdmin().id();
        notebooks.samePerson(first, patient.personId(), admin);
        notebooks.samePerson(second, patient.personId(), admin);
        WebSession web = signedIn(crews.paramedic());
        Crews.open(web, patient);

        String page = web.get("/emergency/persons/" + patient.personId()).body();

        assertThat(page).contains("id=\"dataset-alerts\"").contains("data-alert=\"medication.alert.sameIngredient\"")
                .contains("同一成分の重複");
    }

    @Test
    void theDatasetEndsWithTheTimeBox() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        WebSession web = signedIn(crews.paramedic());
        Crews.open(web, patient);
        jdbc.sql("UPDATE emergency_access SET expires_at = now() - interval '1 second' WHERE person_id = ?")
                .param(patient.personId()).update();
        long before = audit.max();

        HttpResponse<String> after = web.get("/emergency/persons/" + patient.personId());

        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(after.body()).contains("id=\"emergency-not-found\"").doesNotContain("policy.deny")
                .doesNotContain(patient.person().givenKana());
        assertThat(audit.forPatient(before, patient.person().regionalId()))
                .containsExactly("READ DENY policy.deny.emergencyAccessExpired");
    }

    @Test
    void aCrewMemberMustGiveAReasonAndThePassword() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        WebSession web = signedIn(crews.paramedic());
        Crews.findByName(web, patient);

        HttpResponse<String> otherWithoutWords = web.post("/emergency/open", "code", "OTHER", "password", TestAccounts.PASSWORD);
        HttpResponse<String> wrongPassword = web.post("/emergency/open", "code", "CANNOT_COMMUNICATE", "password", "nope");

        assertThat(otherWithoutWords.body()).contains("data-key=\"emergency.reason.required\"");
        assertThat(wrongPassword.body()).contains("data-key=\"emergency.password.wrong\"");
        assertThat(consents.emergencies(patient.personId())).isEmpty();
    }

    @Test
    void aNurseOfAClinicIsSentToTheClinicianPageAndCannotLookUpHere() {
        User nurse = accounts.staff(FacilityKind.CLINIC, Profession.NURSE);
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        WebSession web = signedIn(nurse);
        long before = audit.max();

        HttpResponse<String> page = web.get("/emergency");
        HttpResponse<String> lookUp = Crews.findByName(web, patient);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("id=\"crew-only\"").contains("/portal/emergency");
        assertThat(lookUp.statusCode()).isEqualTo(403);
        assertThat(lookUp.body()).doesNotContain(patient.person().givenKana());
        assertThat(audit.since(before, nurse.loginId())).containsExactly("EMERGENCY_LOOKUP DENY emergency.crew.only");
    }

    @Test
    void aParamedicLogsInToTheCrewPage() {
        WebSession web = accounts.signedIn(port, crews.paramedic());

        assertThat(WebSession.location(web.get("/"))).isEqualTo("/emergency");
    }

    private WebSession signedIn(User user) {
        WebSession web = accounts.signedIn(port, user);
        web.get("/emergency");
        return web;
    }

    private static String error(HttpResponse<String> page) {
        int at = page.body().indexOf("id=\"emergency-error\"");
        assertThat(at).as("an error shown").isPositive();
        return page.body().substring(at, page.body().indexOf("</p>", at));
    }
}

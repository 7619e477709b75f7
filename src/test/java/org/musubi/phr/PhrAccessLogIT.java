package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;

/**
 * あなたの記録を見た人 over real HTTP: a resident sees the views of their record by a hospital's system and doctor and an
 * emergency view by another hospital's nurse (marked), never a refused attempt nor their own reads; reading the log is one
 * audited read; nobody else reaches it.
 */
@MusubiIntegrationTest
class PhrAccessLogIT extends ResidentFixtures {

    private Facility hospital;
    private long personId;
    private Person person;
    private IssuedCard card;

    @BeforeEach
    void aHospitalPatientWithACardAndConsent() {
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "ミタヒト");
        // the hospital's counter linked the person with the card; its system then looks the person up (PIXm)
        personId = clients.linkedPersonOf(hospital, localId);
        assertThat(FhirRecords.personOf(api, hospital, localId)).isEqualTo(personId);
        person = identities.person(personId).orElseThrow().person();
        card = cards.regional(accounts.networkAdmin().id(), personId);
        consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                accounts.networkAdmin().id(), hospital.id());
    }

    @Test
    void theResidentSeesWhoViewedTheirRecordWithEmergencyViewsMarkedAndNoRefusals() {
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        assertThat(doctor.get("/portal/patients/" + personId).statusCode()).isEqualTo(200);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession unlinked = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        assertThat(unlinked.get("/portal/patients/" + personId).statusCode()).as("refused: not linked").isEqualTo(404);
        Facility other = accounts.facilityOf(FacilityKind.HOSPITAL);
        WebSession nurse = accounts.signedIn(port, accounts.memberOf(other, Profession.NURSE));
        nurse.get("/portal/emergency");
        nurse.post("/portal/emergency", "card", card.qrPayload());
        nurse.get("/portal/emergency/open");
        nurse.post("/portal/emergency/open", "reason", "意識障害", "password", TestAccounts.PASSWORD);
        assertThat(nurse.get("/portal/patients/" + personId + "?purpose=EMERGENCY").statusCode()).isEqualTo(200);

        Residents.Resident resident = residents.register(personId, card, person.birthDate());
        WebSession web = residents.logIn(port, resident);
        long before = audit.max();
        HttpResponse<String> log = web.get("/phr/access-log");

        assertThat(log.statusCode()).isEqualTo(200);
        String body = log.body();
        assertThat(body).contains(hospital.nameKanji()).contains(other.nameKanji())
                .as("a refused attempt is not a view").doesNotContain(clinic.nameKanji());
        assertThat(entries(body)).as("the hospital system's PIXm look-up, the doctor's view, the emergency view")
                .hasSize(3);
        assertThat(body).contains("<span class=\"log-profession\">施設システム（API クライアント）</span>");
        assertThat(body).containsPattern("class=\"emergency\"[^>]*>\\s*<strong class=\"log-when\">[^<]+</strong>\\s*"
                + "<span class=\"log-emergency\">救急時の閲覧</span>\\s*<span class=\"log-facility\">" + other.nameKanji());
        assertThat(body).contains("<span class=\"log-profession\">医師</span>").contains("看護師");
        assertThat(audit.forPatient(before, person.regionalId())).as("reading one's own log is one audited read")
                .containsExactly("READ PERMIT policy.permit.patientSelfAccess");

        assertThat(entries(web.get("/phr/access-log").body())).as("the resident's own reads are not listed").hasSize(3);
    }

    @Test
    void aResidentAsksTheOfficeAboutAViewOnlyOfTheirOwnLogAndSeesTheAnswer() {
        WebSession doctor = new WebSession(port);
        User doctorUser = accounts.memberOf(hospital, Profession.DOCTOR);
        accounts.logIn(doctor, doctorUser);
        doctor.get("/portal/patients/" + personId);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession unlinked = new WebSession(port);
        User refusedUser = accounts.memberOf(clinic, Profession.DOCTOR);
        accounts.logIn(unlinked, refusedUser);
        assertThat(unlinked.get("/portal/patients/" + personId).statusCode()).isEqualTo(404);
        long refusedRow = jdbc.sql("SELECT max(seq) FROM audit_event WHERE user_id = ? AND outcome = 'DENY'")
                .param(refusedUser.id()).query(Long.class).single();
        Residents.Resident resident = residents.register(personId, card, person.birthDate());
        WebSession web = residents.logIn(port, resident);
        long doctorsView = Long.parseLong(entries(web.get("/phr/access-log").body()).getFirst());
        long ownRead = audit.max();
        long othersView = someoneElsesView();

        web.get("/phr/access-log/" + doctorsView + "/ask");
        HttpResponse<String> asked = web.post("/phr/access-log/" + doctorsView + "/ask", "message", "この医師に心当たりがありません");
        assertThat(WebSession.location(asked)).isEqualTo("/phr/access-log?asked");
        assertThat(web.get("/phr/access-log?asked").body()).contains("事務局に問い合わせ中");

        long before = audit.max();
        for (long seq : List.of(refusedRow, ownRead, othersView, ownRead + 1_000_000)) {
            web.get("/phr/access-log/" + seq + "/ask");
            assertThat(web.post("/phr/access-log/" + seq + "/ask", "message", "これは何ですか").statusCode())
                    .as("row %d is not one of the resident's views", seq).isEqualTo(404);
        }
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(
                "PHR_INQUIRY DENY phr.inquiry.notAView", "PHR_INQUIRY DENY phr.inquiry.notAView",
                "PHR_INQUIRY DENY phr.inquiry.notAView", "PHR_INQUIRY DENY phr.inquiry.notAView");

        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        String list = operator.get("/admin/phr-inquiries").body();
        assertThat(list).contains("この医師に心当たりがありません").contains(doctorUser.loginId())
                .doesNotContain("これは何ですか").doesNotContain(refusedUser.loginId());
        String inquiry = Pattern.compile("data-inquiry=\"(\\d+)\"").matcher(list).results()
                .map(m -> m.group(1)).reduce((a, b) -> b).orElseThrow();
        operator.post("/admin/phr-inquiries/" + inquiry + "/answer", "answer", "救急外来での診療のための閲覧でした");
        assertThat(operator.get("/admin/phr-inquiries").body()).doesNotContain("この医師に心当たりがありません");
        assertThat(web.get("/phr/access-log").body()).contains("事務局の回答：救急外来での診療のための閲覧でした");
        assertThat(doctor.get("/admin/phr-inquiries").statusCode()).as("staff").isEqualTo(403);
        assertThat(web.get("/admin/phr-inquiries").statusCode()).as("residents").isEqualTo(403);
    }

    @Test
    void nobodyButTheResidentReachesTheLog() {
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        assertThat(doctor.get("/phr/access-log").statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).get("/phr/access-log").statusCode()).isIn(302, 401);
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        assertThat(operator.get("/phr/access-log").statusCode()).isEqualTo(403);
    }

    /** An audit row of a view of another person's record (by a hospital's system registering that person). */
    private long someoneElsesView() {
        Facility other = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, other, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, other, localId, "タニン");
        clients.personOf(other, localId);
        return audit.max();
    }

    private static List<String> entries(String body) {
        return Pattern.compile("data-seq=\"(\\d+)\"").matcher(body).results().map(m -> m.group(1)).toList();
    }
}

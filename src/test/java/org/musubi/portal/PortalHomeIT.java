package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.cards.IssueCard;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinician home: a facility's linked patients (only its own, searchable, one audit row per view
 * naming the persons shown) and who may see the home's pages at all.
 */
@MusubiIntegrationTest
class PortalHomeIT extends NetworkFixtures {

    private static final AtomicInteger FACILITIES = new AtomicInteger();
    private static final Pattern PERSON_ROW = Pattern.compile("data-person=\"(\\d+)\"");

    @Autowired
    Facilities facilities;
    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard issueCard;

    @Test
    void listsOnlyMyFacilitysLinkedPatientsNewestFirstWithOneAuditRowNamingThem() {
        Facility clinic = newClinic();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        WebSession web = signedIn(doctor);
        RegisteredPerson hongo = patient("本郷", "一郎", "ホンゴウ", "イチロウ");
        RegisteredPerson shimada = patient("島田", "花子", "シマダ", "ハナコ");
        RegisteredPerson unlinked = patient("本田", "三郎", "ホンダ", "サブロウ");
        link(web, hongo, "ホンゴウイチロウ", null);
        link(web, shimada, "シマダハナコ", "K-0042");
        long before = audit.max();

        HttpResponse<String> home = web.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(rows(home)).containsExactly(shimada.id(), hongo.id());
        assertThat(home.body()).contains("本郷 一郎", "ホンゴウ イチロウ", hongo.person().regionalId(), "K-0042",
                "href=\"/portal/patients/" + hongo.id() + "\"").doesNotContain("本田");
        assertThat(audit.since(before, doctor.loginId())).containsExactly(
                "PATIENT_LIST PERMIT policy.permit.linkedPatientList", "PATIENT_LIST PERMIT policy.permit.linkedPatientList");
        assertThat(listedIds(before, doctor.loginId())).containsExactly(
                String.valueOf(shimada.id()), String.valueOf(hongo.id()));
        // exactly one row per patient shown, naming the patient (their own access log lists the view)
        assertThat(audit.forPatient(before, hongo.person().regionalId()))
                .containsExactly("PATIENT_LIST PERMIT policy.permit.linkedPatientList");
        assertThat(audit.forPatient(before, shimada.person().regionalId()))
                .containsExactly("PATIENT_LIST PERMIT policy.permit.linkedPatientList");
        assertThat(audit.forPatient(before, unlinked.person().regionalId())).isEmpty();
        assertThat(unlinked.id()).isNotIn(rows(web.get("/?q=" + enc("ﾎﾝﾀﾞ"))));
    }

    /**
     * Issue 39: what is new since the doctor last opened each patient is a glance inside the list's one row per
     * patient: no second audit row, and a home page seen keeps no idle link alive (only opening the patient does).
     */
    @Test
    void tellsWhatIsNewWithinTheListsOneRowAndKeepsNoLinkAlive() {
        Facility clinic = newClinic();
        User doctor = accounts.memberOf(clinic, Profession.DOCTOR);
        WebSession web = signedIn(doctor);
        RegisteredPerson hongo = patient("本郷", "二郎", "ホンゴウ", "ジロウ");
        link(web, hongo, "ホンゴウジロウ", null);
        Instant idle = Instant.now().minus(Duration.ofDays(1))
                .truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("UPDATE patient_link SET last_used_at = ? WHERE person_id = ? AND facility_id = ?")
                .params(Timestamp.from(idle), hongo.id(), clinic.id()).update();
        long before = audit.max();

        HttpResponse<String> home = web.get("/");

        assertThat(home.body()).contains("前回閲覧以降", "未閲覧：記録 0 件");
        assertThat(audit.forPatient(before, hongo.person().regionalId()))
                .containsExactly("PATIENT_LIST PERMIT policy.permit.linkedPatientList");
        assertThat(jdbc.sql("SELECT last_used_at FROM patient_link WHERE person_id = ? AND facility_id = ?")
                .params(hongo.id(), clinic.id()).query(Timestamp.class).single().toInstant())
                .as("the home page did not use the link").isEqualTo(idle);

        assertThat(web.get("/portal/patients/" + hongo.id()).statusCode()).isEqualTo(200);
        assertThat(web.get("/").body()).as("opened now: nothing new since").contains("変更なし", "前回閲覧");
    }

    @Test
    void searchesByKanaRegionalIdAndChartNumber() {
        Facility clinic = newClinic();
        WebSession web = signedIn(accounts.memberOf(clinic, Profession.NURSE));
        RegisteredPerson hongo = patient("本郷", "一郎", "ホンゴウ", "イチロウ");
        RegisteredPerson shimada = patient("島田", "花子", "シマダ", "ハナコ");
        RegisteredPerson unlinked = patient("本田", "三郎", "ホンダ", "サブロウ");
        link(web, hongo, "ホンゴウイチロウ", "A-17");
        link(web, shimada, "シマダハナコ", "K-0042");
        String id = shimada.person().regionalId();

        assertThat(rows(web.get("/?q=" + enc("ﾎﾝｺﾞｳ")))).containsExactly(hongo.id());
        assertThat(rows(web.get("/?q=" + enc("ほんごう いち")))).containsExactly(hongo.id());
        assertThat(rows(web.get("/?q=" + enc("ホン")))).containsExactly(hongo.id()).doesNotContain(unlinked.id());
        assertThat(rows(web.get("/?q=" + enc(id.substring(0, 4) + "-" + id.substring(4))))).containsExactly(shimada.id());
        assertThat(rows(web.get("/?q=" + enc("k-0042")))).containsExactly(shimada.id());
        assertThat(rows(web.get("/?q=" + enc("Ａ－１７")))).containsExactly(hongo.id());
        HttpResponse<String> none = web.get("/?q=" + enc("ホンダ"));
        assertThat(rows(none)).isEmpty();
        assertThat(none.body()).contains("id=\"patients-none\"").doesNotContain("本田");
    }

    @Test
    void anotherFacilitySeesNoneOfThem() {
        Facility clinic = newClinic();
        RegisteredPerson hongo = patient("本郷", "一郎", "ホンゴウ", "イチロウ");
        link(signedIn(accounts.memberOf(clinic, Profession.DOCTOR)), hongo, "ホンゴウイチロウ", "Z-1");
        User other = accounts.memberOf(newClinic(), Profession.DOCTOR);
        WebSession web = signedIn(other);
        long before = audit.max();

        HttpResponse<String> home = web.get("/?q=" + enc("ホンゴウ"));

        assertThat(rows(home)).isEmpty();
        assertThat(home.body()).doesNotContain("本郷").doesNotContain(hongo.person().regionalId());
        assertThat(audit.since(before, other.loginId()))
                .containsExactly("PATIENT_LIST PERMIT policy.permit.linkedPatientList");
        assertThat(listedIds(before, other.loginId())).isEmpty();
    }

    @Test
    void aProfessionThatMayNotSeeDemographicsIsRefusedTheListAndTheRefusalIsAudited() {
        Facility clinic = newClinic();
        RegisteredPerson hongo = patient("本郷", "一郎", "ホンゴウ", "イチロウ");
        link(signedIn(accounts.memberOf(clinic, Profession.DOCTOR)), hongo, "ホンゴウイチロウ", null);
        User clerk = accounts.memberOf(clinic, Profession.MUNICIPAL_STAFF);
        WebSession web = signedIn(clerk);
        long before = audit.max();

        HttpResponse<String> home = web.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("data-reason=\"policy.deny.categoryNotAllowedForProfession\"")
                .doesNotContain("本郷").doesNotContain("id=\"patient-list\"");
        assertThat(audit.since(before, clerk.loginId()))
                .containsExactly("PATIENT_LIST DENY policy.deny.categoryNotAllowedForProfession");
    }

    @Test
    void usersWithoutAFacilityGetNoListAndNoAuditRow() {
        User admin = accounts.networkAdmin();
        WebSession web = signedIn(admin);
        long before = audit.max();

        HttpResponse<String> home = web.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).doesNotContain("id=\"linked-patients\"").contains("id=\"notices\"");
        assertThat(audit.since(before, admin.loginId())).isEmpty();
    }

    @Test
    void thePagesNeedAFullLoginAndTheNoticeAdministrationANetworkAdmin() {
        WebSession anonymous = new WebSession(port);
        // / is the network's public site for a visitor not signed in (issue 67), never the staff's home
        assertThat(anonymous.get("/").body()).contains("id=\"nav-public-login\"").doesNotContain("id=\"patient-list\"")
                .doesNotContain("id=\"notices\"");
        assertThat(WebSession.location(anonymous.get("/portal/facilities"))).isEqualTo("/login");
        assertThat(anonymous.get("/admin/notices").statusCode()).isIn(401, 403);
        WebSession half = new WebSession(port);
        accounts.passwordStep(half, accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR).loginId(), TestAccounts.PASSWORD);
        assertThat(WebSession.location(half.get("/"))).isEqualTo("/login/second-factor");

        WebSession doctor = signedIn(accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR));
        assertThat(doctor.get("/portal/facilities").statusCode()).isEqualTo(200);
        assertThat(doctor.get("/admin/notices").statusCode()).isEqualTo(403);
        assertThat(doctor.post("/admin/notices", "titleJa", "x", "publishedFrom", "2025-01-01T00:00").statusCode())
                .isEqualTo(403);
        WebSession facilityAdmin = signedIn(accounts.facilityAdmin(FacilityKind.CLINIC));
        assertThat(facilityAdmin.get("/admin/notices").statusCode()).isEqualTo(403);
        WebSession admin = signedIn(accounts.networkAdmin());
        assertThat(admin.get("/portal/facilities").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/notices").statusCode()).isEqualTo(200);
    }

    private List<String> listedIds(long afterSeq, String loginId) {
        return jdbc.sql("""
                SELECT unnest(resource_ids) FROM audit_event WHERE seq > ? AND login_id = ? AND action = 'PATIENT_LIST'""")
                .params(afterSeq, loginId).query(String.class).list();
    }

    private static List<Long> rows(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = PERSON_ROW.matcher(page.body());
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private void link(WebSession web, RegisteredPerson person, String kana, String chart) {
        web.get("/portal/link");
        String card = issueCard.regional(0, person.id()).qrPayload();
        HttpResponse<String> linked = chart == null
                ? web.post("/portal/link", "card", card, "kanaName", kana, "birthDate", person.person().birthDate().toString())
                : web.post("/portal/link", "card", card, "kanaName", kana, "birthDate", person.person().birthDate().toString(),
                        "chartNumber", chart);
        assertThat(WebSession.location(linked)).isEqualTo("/portal/patients/" + person.id());
    }

    private RegisteredPerson patient(String family, String given, String familyKana, String givenKana) {
        RegisteredPerson person = identities.register(new Person(TestRegionalIds.next(), family, given, familyKana,
                givenKana, Sex.FEMALE, LocalDate.of(1950, 2, 14), null, null, null));
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), 0, null);
        return person;
    }

    private Facility newClinic() {
        int n = FACILITIES.incrementAndGet();
        return facilities.insert(new FacilityDraft("ホーム試験クリニック" + n, "ホームシケンクリニック" + n, FacilityKind.CLINIC,
                null, 34, "広島市中区基町" + n, "082-000-0000", false, true, FacilityStatus.ACTIVE));
    }

    private WebSession signedIn(User user) {
        WebSession web = accounts.signedIn(port, user);
        web.get("/");
        return web;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

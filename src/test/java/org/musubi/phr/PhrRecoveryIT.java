package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 37: a registration with a new code never silently re-keys an account that exists. The second registration is
 * held as a pending recovery: the old password and authenticator keep logging in and the new ones do not, the
 * resident sees the request on their notebook with its time and may cancel it; once the network office or the counter
 * of a facility linked to the person with consent (with the card's check code) confirms it, the old login is refused,
 * the old sessions end, the new login works and the resident is told once what changed. A facility without a
 * consented, live link neither sees nor decides it. Each step leaves one audit row.
 */
@MusubiIntegrationTest
class PhrRecoveryIT extends NetworkFixtures {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NEW_PASSWORD = "the re-registered passphrase";

    @Autowired
    Residents residents;
    @Autowired
    IssueCard cards;
    @Autowired
    Users users;

    private Residents.Patient patient;
    private IssuedCard card;
    private Residents.Resident resident;

    @BeforeEach
    void aRegisteredResidentWithARegionalCard() {
        patient = residents.patientAt(port, FacilityKind.HOSPITAL, "サイトウロク");
        card = cards.regional(accounts.networkAdmin().id(), patient.personId());
        resident = residents.register(patient.personId(), card, patient.person().birthDate());
    }

    @Test
    void aSecondRegistrationIsHeldTheOldLoginKeepsWorkingAndTheResidentCancelsIt() {
        long before = audit.max();
        String newLogin = "again" + patient.personId();

        Residents.Registered again = reRegister(newLogin);

        assertThat(again.response().statusCode()).isEqualTo(200);
        assertThat(again.response().body()).contains("id=\"recovery-held\"").contains("再登録の申請を受け付けました")
                .contains("いまのログインID・パスワード・認証アプリ");
        User account = users.residentOf(patient.personId()).orElseThrow();
        assertThat(account.loginId()).as("the account is unchanged").isEqualTo(resident.account().loginId());
        assertRefused(newLogin, NEW_PASSWORD);
        assertRefused(resident.account().loginId(), NEW_PASSWORD);
        WebSession old = residents.logIn(port, resident);

        HttpResponse<String> home = old.get("/phr");
        assertThat(home.body()).contains("id=\"recovery-pending\"").contains("健康手帳の再登録の申請があります")
                .contains("申請日時：" + SHOWN.format(requestedAt().atZone(ZoneId.of("Asia/Tokyo"))))
                .contains("心当たりがない場合は取り消してください");
        long recoveryId = pendingId();

        // issue 67: one click asks first (the request named by when it was made, what follows) and cancels nothing;
        // another resident asking about it gets the notebook's "not found" page, as for a recovery that does not exist
        HttpResponse<String> asked = old.post("/phr/recovery/" + recoveryId + "/cancel");
        assertThat(WebSession.location(asked)).isEqualTo("/phr?confirm=recovery-" + recoveryId);
        assertThat(old.get(WebSession.location(asked)).body())
                .contains("<details class=\"confirm\" id=\"recovery-cancel\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"recovery-cancel-question\">"
                        + SHOWN.format(requestedAt().atZone(ZoneId.of("Asia/Tokyo"))) + "（日本時間）の健康手帳の再登録の申請を"
                        + "取り消します。取り消すと、この申請では新しいログイン方法に切り替わらず、いまのログイン方法がそのまま使えます。"
                        + "元に戻せません（必要なら、あらためて申請します）。</p>");
        WebSession stranger = residents.logIn(port, residents.register(
                residents.patientAt(port, FacilityKind.HOSPITAL, "サイトウロク").personId()));
        HttpResponse<String> strangerAsked = stranger.post("/phr/recovery/" + recoveryId + "/cancel");
        HttpResponse<String> nobodyAsked = stranger.post("/phr/recovery/" + Long.MAX_VALUE + "/cancel");
        assertThat(strangerAsked.statusCode()).isEqualTo(404);
        assertThat(withoutCsrf(strangerAsked.body())).isEqualTo(withoutCsrf(nobodyAsked.body()));
        assertThat(jdbc.sql("SELECT count(*) FROM phr_account_recovery WHERE person_id = ? AND state = 'PENDING'")
                .param(patient.personId()).query(Long.class).single()).as("not cancelled yet").isEqualTo(1);
        HttpResponse<String> cancelled = old.post("/phr/recovery/" + recoveryId + "/cancel", "confirmed", "yes");

        assertThat(WebSession.location(cancelled)).isEqualTo("/phr");
        assertThat(old.get("/phr").body()).doesNotContain("id=\"recovery-pending\"").contains("id=\"recovery-cancelled\"");
        assertThat(jdbc.sql("SELECT count(*) FROM phr_account_recovery WHERE person_id = ? AND state = 'PENDING'")
                .param(patient.personId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM phr_account_recovery WHERE person_id = ? AND password_hash IS NOT NULL")
                .param(patient.personId()).query(Long.class).single()).as("no credentials kept once decided").isZero();
        assertThat(audit.forPatient(before, patient.person().regionalId())).containsExactly(
                "PHR_CODE_ISSUE PERMIT policy.permit.operationsDemographics",
                "PHR_REGISTER PERMIT card, check code, birth date and registration code proven",
                "PHR_REGISTER PERMIT account exists: re-registration held until confirmed at a counter or by the office;"
                        + " the current login keeps working",
                "PHR_RECOVERY_CANCEL PERMIT policy.permit.patientSelfAccess");
        residents.logIn(port, resident);
    }

    @Test
    void theOfficeConfirmsTheOldLoginAndSessionsEndAndTheNewLoginShowsWhatChangedOnce() {
        long userId = resident.account().id();
        WebSession oldSession = residents.logIn(port, resident);
        String client = otherWaysIn(userId);
        String newLogin = "office" + patient.personId();
        Residents.Registered again = reRegister(newLogin);
        long recoveryId = pendingId();
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        HttpResponse<String> page = operator.get("/admin/persons/" + patient.personId());
        assertThat(page.body()).contains("id=\"phr-recovery-pending\"").contains(newLogin)
                .contains(SHOWN.format(requestedAt().atZone(ZoneId.of("Asia/Tokyo"))));
        long before = audit.max();

        HttpResponse<String> confirmed = operator.post("/admin/persons/" + patient.personId() + "/phr-recovery/"
                + recoveryId + "/confirm");

        assertThat(WebSession.location(confirmed)).isEqualTo("/admin/persons/" + patient.personId());
        assertThat(operator.get("/admin/persons/" + patient.personId()).body()).contains("id=\"phr-recovery-none\"");
        assertThat(WebSession.location(oldSession.get("/phr"))).as("the old session ends").isEqualTo("/phr/login?ended");
        assertRefused(resident.account().loginId(), Residents.PASSWORD);
        assertRefused(newLogin, Residents.PASSWORD);
        assertThat(audit.forPatient(before, patient.person().regionalId())).containsExactly(
                "OIDC_UNLINK PERMIT provider mynumber: removed when the re-registration with a new code was confirmed",
                "APP_REVOKE PERMIT " + client + " removed when the re-registration with a new code was confirmed",
                "PHR_RECOVERY_CONFIRM PERMIT policy.permit.operationsDemographics",
                "READ PERMIT policy.permit.operationsDemographics");
        assertThat(count("SELECT count(*) FROM passkey WHERE user_id = ?", userId)).isZero();
        assertThat(count("SELECT count(*) FROM oidc_link WHERE user_id = ?", userId)).isZero();
        assertThat(count("SELECT count(*) FROM smart_grant WHERE user_id = ? AND revoked_at IS NULL", userId)).isZero();

        WebSession fresh = residents.logIn(port, userId, newLogin, NEW_PASSWORD, again.secret());
        HttpResponse<String> home = fresh.get("/phr");
        assertThat(home.body()).contains("id=\"recovery-changed\"").contains("地域連携ネットワーク事務局で再登録が確認され")
                .contains("ログインID：" + newLogin).contains("data-change=\"password\"")
                .contains("data-change=\"authenticator\"").contains("パスキー 1 件を削除")
                .contains("マイナンバーカードの連携 1 件を解除").contains("連携アプリ 1 件の連携を解除")
                .as("proxy grants stay; the resident is asked to check them").contains("id=\"recovery-check-proxies\"");
        assertThat(fresh.post("/phr/recovery/" + recoveryId + "/dismiss").statusCode()).isEqualTo(302);
        assertThat(fresh.get("/phr").body()).doesNotContain("id=\"recovery-changed\"");
        assertThat(residents.logIn(port, userId, newLogin, NEW_PASSWORD, again.secret()).get("/phr").body())
                .as("told once").doesNotContain("id=\"recovery-changed\"");
    }

    @Test
    void counterStaffOfALinkedFacilityConfirmWithTheCardsCheckCodeAndAWrongOneChangesNothing() {
        Facility clinic = linkedClinic();
        String sameLogin = resident.account().loginId();
        Residents.Registered again = reRegister(sameLogin);
        long recoveryId = pendingId();
        WebSession clerk = accounts.signedIn(port, accounts.memberOf(clinic, Profession.MEDICAL_CLERK));
        HttpResponse<String> viewer = clerk.get("/portal/patients/" + patient.personId());
        assertThat(viewer.body()).contains("id=\"phr-recovery\"").contains("健康手帳の再登録の申請があります")
                .contains("申請日時：" + SHOWN.format(requestedAt().atZone(ZoneId.of("Asia/Tokyo"))))
                .doesNotContain(sameLogin);
        long before = audit.max();

        HttpResponse<String> wrong = clerk.post(counter(recoveryId, "confirm"), "checkCode", "AAAA-BBBB");

        assertThat(WebSession.location(wrong)).isEqualTo("/portal/patients/" + patient.personId());
        assertThat(clerk.get("/portal/patients/" + patient.personId()).body())
                .contains("data-key=\"phr.recovery.cardNotProved\"").contains("id=\"phr-recovery\"");
        assertThat(users.residentOf(patient.personId()).orElseThrow().loginId()).isEqualTo(resident.account().loginId());
        residents.logIn(port, resident);

        HttpResponse<String> right = clerk.post(counter(recoveryId, "confirm"), "checkCode", card.printedCheckCode());

        assertThat(WebSession.location(right)).isEqualTo("/portal/patients/" + patient.personId());
        assertThat(clerk.get("/portal/patients/" + patient.personId()).body()).contains("id=\"recovery-done\"")
                .doesNotContain("id=\"phr-recovery\"");
        assertRefused(sameLogin, Residents.PASSWORD);
        residents.logIn(port, resident.account().id(), sameLogin, NEW_PASSWORD, again.secret());
        assertThat(audit.forPatient(before, patient.person().regionalId())).containsExactly(
                "PHR_RECOVERY_CONFIRM DENY phr.recovery.cardNotProved",
                "READ PERMIT policy.permit.treatmentConsentAndLink",
                "PHR_RECOVERY_CONFIRM PERMIT policy.permit.treatmentConsentAndLink",
                "READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void aFacilityWithoutAConsentedLiveLinkNeitherSeesNorDecidesItAndGetsTheAnswerForNobody() {
        reRegister("unseen" + patient.personId());
        long recoveryId = pendingId();
        // linked at the hospital's counter, but the person gave no consent: the hospital opens only its own data
        consents.link(patient.personId(), patient.facility().id(), accounts.networkAdmin().id());
        WebSession clerk = accounts.signedIn(port, accounts.memberOf(patient.facility(), Profession.MEDICAL_CLERK));
        HttpResponse<String> viewer = clerk.get("/portal/patients/" + patient.personId());
        assertThat(viewer.statusCode()).as("the hospital opens its own patient").isEqualTo(200);
        assertThat(viewer.body()).doesNotContain("id=\"phr-recovery\"");
        long before = audit.max();

        HttpResponse<String> refused = clerk.post(counter(recoveryId, "confirm"), "checkCode", card.printedCheckCode());
        HttpResponse<String> nobody = clerk.post("/portal/patients/" + (patient.personId() + 987_654) + "/phr-recovery/"
                + recoveryId + "/confirm", "checkCode", card.printedCheckCode());
        HttpResponse<String> notRefusedEither = clerk.post(counter(recoveryId, "refuse"), "checkCode",
                card.printedCheckCode());

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(withoutCsrf(refused.body())).isEqualTo(withoutCsrf(nobody.body()))
                .isEqualTo(withoutCsrf(notRefusedEither.body()));
        assertThat(audit.forPatient(before, patient.person().regionalId())).containsExactly(
                "PHR_RECOVERY_CONFIRM DENY phr.recovery.noStanding", "PHR_RECOVERY_REFUSE DENY phr.recovery.noStanding");
        assertThat(pendingId()).as("still pending").isEqualTo(recoveryId);
        residents.logIn(port, resident);
    }

    @Test
    void aNewerRequestReplacesTheOlderAndAPendingLoginIdIsReservedFromOthers() {
        String reserved = "reserved" + patient.personId();
        reRegister(reserved);
        long first = pendingId();
        Residents.Patient other = residents.patientAt(port, FacilityKind.CLINIC, "ベツノジュウミン");
        IssuedCard otherCard = cards.regional(accounts.networkAdmin().id(), other.personId());

        Residents.Registered taken = residents.registerOverHttp(port, other.personId(), otherCard,
                other.person().birthDate(), reserved, NEW_PASSWORD);

        assertThat(taken.response().body()).contains("data-field=\"loginId\"").contains("このログインIDはすでに使われています");
        assertThat(users.residentOf(other.personId())).isEmpty();

        reRegister("newer" + patient.personId());

        assertThat(pendingId()).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT state FROM phr_account_recovery WHERE person_id = ? AND id = ?")
                .params(patient.personId(), first).query(String.class).single()).isEqualTo("REPLACED");
        assertThat(WebSession.location(residents.registerOverHttp(port, other.personId(), otherCard,
                other.person().birthDate(), reserved, NEW_PASSWORD).response()))
                .as("free again once no pending recovery holds it").isEqualTo("/phr/login?registered");
    }

    private Residents.Registered reRegister(String loginId) {
        return residents.registerOverHttp(port, patient.personId(), card, patient.person().birthDate(),
                loginId, NEW_PASSWORD);
    }

    private Facility linkedClinic() {
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(patient.personId(), clinic.id(), admin);
        return clinic;
    }

    private String counter(long recoveryId, String verdict) {
        return "/portal/patients/" + patient.personId() + "/phr-recovery/" + recoveryId + "/" + verdict;
    }

    /** The password step answers "wrong" (from an address of its own, so the address's failures harm no other test). */
    private void assertRefused(String loginId, String password) {
        WebSession web = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.137");
        web.get("/phr/login");
        assertThat(WebSession.location(web.post("/login", "username", loginId, "password", password, "from", "phr")))
                .as(loginId + " with that password").isEqualTo("/phr/login?error");
    }

    /** A passkey, a My Number card link and an app's grant of the account; the app's client id. */
    private String otherWaysIn(long userId) {
        jdbc.sql("INSERT INTO passkey (user_id, credential_id, attested_data, label) VALUES (?, ?, ?, 'phone')")
                .params(userId, ("passkey-" + userId).getBytes(), new byte[] {1}).update();
        jdbc.sql("INSERT INTO oidc_link (provider, subject, user_id, linked_by) VALUES ('mynumber', ?, ?, ?)")
                .params("subject-" + userId, userId, userId).update();
        String client = "app-recovery-" + userId;
        long app = jdbc.sql("""
                INSERT INTO smart_app (client_id, name, redirect_uris, scopes, created_by)
                VALUES (?, 'けんこうアプリ', ARRAY['https://app.example/cb'], ARRAY['patient/*.read'], ?) RETURNING id""")
                .params(client, accounts.networkAdmin().id()).query(Long.class).single();
        jdbc.sql("INSERT INTO smart_grant (app_id, user_id, person_id, scopes) VALUES (?, ?, ?, ARRAY['patient/*.read'])")
                .params(app, userId, patient.personId()).update();
        return client;
    }

    private long pendingId() {
        return jdbc.sql("SELECT id FROM phr_account_recovery WHERE person_id = ? AND state = 'PENDING'")
                .param(patient.personId()).query(Long.class).single();
    }

    private Instant requestedAt() {
        return jdbc.sql("SELECT requested_at FROM phr_account_recovery WHERE person_id = ? ORDER BY id DESC LIMIT 1")
                .param(patient.personId()).query(Timestamp.class).single().toInstant();
    }

    private long count(String sql, long userId) {
        return jdbc.sql(sql).param(userId).query(Long.class).single();
    }

    /** A page without its CSRF token, which is masked anew on every answer. */
    private static String withoutCsrf(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}

package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.identity.cards.Card;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.Totp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Residents' registration for the health notebook over real HTTP: a code issued at the counter of a facility that may
 * open the person (or by the operator), the resident proving card, birth date and code, choosing a login and proving an
 * authenticator app, then logging in to a session that reaches the notebook only. Wrong entries answer alike and void
 * the person's codes after five; a used code never works again; a new code recovers the same account; whoever may not
 * open the person gets the one "cannot show" answer and no code. Each step leaves its audit row.
 */
@MusubiIntegrationTest
class PhrRegistrationIT extends ResidentFixtures {

    private static final Pattern CODE = Pattern.compile("id=\"registration-code\">([A-Z0-9-]+)<");
    private static final Pattern SECRET = Pattern.compile("data-otpauth=\"[^\"]*secret=([A-Z2-7]+)");
    private static final String PASSWORD = "resident's own passphrase";

    @Autowired
    Users users;

    private Facility hospital;
    private long personId;
    private Person person;
    private Card card;
    private IssuedCard issued;

    @BeforeEach
    void aHospitalPatientWithARegionalCard() {
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        api.create().resource(FhirRecords.withKanjiName(FhirRecords.newPatient(hospital, localId, "テチョウ"), "手帳", "花子"))
                .execute();
        personId = clients.personOf(hospital, localId);
        person = identities.person(personId).orElseThrow().person();
        issued = cards.regional(accounts.networkAdmin().id(), personId);
        card = issued.card();
        // the hospital's counter linked the person with the card: the standing a counter needs to issue codes
        consents.link(personId, hospital.id(), accounts.networkAdmin().id());
    }

    @Test
    void aCounterClerkIssuesACodeAndTheResidentRegistersAndLogsInToTheNotebookOnly() {
        long before = audit.max();
        String code = issuedAtTheCounter();
        WebSession resident = new WebSession(port);

        String loginId = "hanako" + personId;
        Registered registered = register(resident, code, loginId, PASSWORD);

        assertThat(WebSession.location(registered.response())).isEqualTo("/phr/login?registered");
        User account = users.residentOf(personId).orElseThrow();
        assertThat(account.profession()).isEqualTo(Profession.RESIDENT);
        assertThat(account.loginId()).isEqualTo(loginId);
        assertThat(account.memberships()).as("a resident belongs to no facility").isEmpty();
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(
                "READ PERMIT policy.permit.ownFacilityData",
                "PHR_CODE_ISSUE PERMIT policy.permit.ownFacilityData",
                "PHR_REGISTER PERMIT card, check code, birth date and registration code proven",
                "PHR_REGISTER PERMIT account created");

        WebSession loggedIn = logIn(account, PASSWORD, registered.secret());
        HttpResponse<String> home = loggedIn.get("/phr");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"phr-home\"").contains("手帳 花子");
        assertThat(WebSession.location(loggedIn.get("/"))).isEqualTo("/phr");
        assertThat(loggedIn.get("/portal/patients/" + personId).statusCode())
                .as("a resident's session reaches no staff page").isEqualTo(403);
        assertThat(loggedIn.get("/admin/persons").statusCode()).isEqualTo(403);
        assertThat(loggedIn.get("/portal/card-check").statusCode()).isEqualTo(403);
    }

    @Test
    void wrongCardBirthDateOrCodeAnswerAlikeAndFiveWrongTriesVoidThePersonsCodes() {
        String code = issuedAtTheCounter();
        WebSession stranger = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.71");
        stranger.get("/phr/register");
        String otherCard = cards.regional(accounts.networkAdmin().id(), anotherPerson()).card().number();
        long before = audit.max();

        List<String> answers = List.of(
                prove(stranger, otherCard, issued.checkCode(), person.birthDate().toString(), code),
                prove(stranger, card.number(), issued.checkCode(), person.birthDate().plusDays(1).toString(), code),
                prove(stranger, card.number(), issued.checkCode(), person.birthDate().toString(), "AAAA-BBBB-CCCC"),
                prove(stranger, "1234-" + personId, issued.checkCode(), person.birthDate().toString(), code),
                prove(stranger, card.number(), "ABCD-EFGH", person.birthDate().toString(), code),
                prove(stranger, card.number(), null, person.birthDate().toString(), code));
        assertThat(answers).as("no answer tells which part was wrong or whether the card exists")
                .allSatisfy(body -> assertThat(errorOf(body)).isEqualTo(errorOf(answers.getFirst())))
                .allSatisfy(body -> assertThat(body).contains("id=\"register-error\"").doesNotContain("手帳 花子"));
        assertThat(audit.reasons(before, "PHR_REGISTER", "Person")).containsExactly(
                "wrong check code",
                "birth date does not match the card's person",
                "wrong registration code",
                "no active regional card with this number",
                "wrong check code",
                "wrong check code");

        prove(stranger, card.number(), issued.checkCode(), person.birthDate().plusDays(1).toString(), code);
        HttpResponse<String> rightAtLast = proveResponse(stranger, issued.qrPayload(), null, person.birthDate().toString(),
                code);
        assertThat(rightAtLast.statusCode()).as("five wrong tries with the card stop its proofs here").isEqualTo(200);
        assertThat(rightAtLast.body()).contains("data-key=\"phr.register.throttled\"").doesNotContain("手帳 花子");
        assertThat(rightAtLast.body()).contains("id=\"register-error\"").doesNotContain("手帳 花子");
        assertThat(audit.reasons(before, "PHR_REGISTER", "Person")).endsWith("throttled");
        assertThat(jdbc.sql("SELECT failed_attempts FROM phr_registration_code WHERE person_id = ?").param(personId)
                .query(Integer.class).single()).as("the wrong birth dates and code counted against the code").isEqualTo(3);
    }

    /**
     * Since issue 37 a new code recovers the account only once confirmed (here by the operator): until then the
     * registration is held and changes nothing ({@link PhrRecoveryIT} has the rest).
     */
    @Test
    void aUsedCodeNeverWorksAgainAndANewCodeFromTheOperatorRecoversTheSameAccountOnceConfirmed() {
        String first = issuedAtTheCounter();
        register(new WebSession(port), first, "first" + personId, PASSWORD);
        long accountId = users.residentOf(personId).orElseThrow().id();

        assertThat(prove(new WebSession(port), issued.qrPayload(), null, person.birthDate().toString(), first))
                .as("a used code").contains("id=\"register-error\"");

        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        operator.get("/admin/persons/" + personId);
        String second = codeOn(operator.post("/admin/persons/" + personId + "/phr-code"));
        Registered again = register(new WebSession(port), second, "second" + personId, "a brand new passphrase");
        assertThat(again.response().body()).as("held until confirmed").contains("id=\"recovery-held\"");
        assertThat(users.residentOf(personId).orElseThrow().loginId()).isEqualTo("first" + personId);
        long pending = jdbc.sql("SELECT id FROM phr_account_recovery WHERE person_id = ? AND state = 'PENDING'")
                .param(personId).query(Long.class).single();
        operator.get("/admin/persons/" + personId);
        operator.post("/admin/persons/" + personId + "/phr-recovery/" + pending + "/confirm");

        User recovered = users.residentOf(personId).orElseThrow();
        assertThat(recovered.id()).as("the same account, new credentials").isEqualTo(accountId);
        assertThat(recovered.loginId()).isEqualTo("second" + personId);
        WebSession oldPassword = new WebSession(port);
        oldPassword.get("/phr/login");
        assertThat(WebSession.location(oldPassword.post("/login", "username", "second" + personId, "password", PASSWORD,
                "from", "phr"))).isEqualTo("/phr/login?error");
        assertThat(logIn(recovered, "a brand new passphrase", again.secret()).get("/phr").statusCode()).isEqualTo(200);
    }

    @Test
    void aFacilityThatMayNotOpenThePersonGetsTheOneRefusalAndNoCode() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession clerk = accounts.signedIn(port, accounts.memberOf(clinic, Profession.MEDICAL_CLERK));
        clerk.get("/");
        long before = audit.max();

        HttpResponse<String> refused = clerk.post("/portal/patients/" + personId + "/phr-code");
        HttpResponse<String> nobody = clerk.post("/portal/patients/" + (personId + 987_654) + "/phr-code");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(withoutCsrf(refused.body())).as("the same page as for nobody")
                .isEqualTo(withoutCsrf(nobody.body())).doesNotContain("registration-code");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly("PHR_CODE_ISSUE DENY policy.deny.noConsent");
        assertThat(jdbc.sql("SELECT count(*) FROM phr_registration_code WHERE person_id = ?").param(personId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAddressWithTooManyWrongEntriesIsRefusedEvenWithTheRightOnes() {
        String code = issuedAtTheCounter();
        WebSession guesser = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.72");
        for (int i = 0; i < 40; i++) {
            prove(guesser, "1234", null, person.birthDate().toString(), code);
        }
        HttpResponse<String> right = proveResponse(guesser, issued.qrPayload(), null, person.birthDate().toString(), code);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("id=\"register-error\"").doesNotContain("手帳 花子");
        assertThat(WebSession.location(proveResponse(new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.73"),
                issued.qrPayload(), null, person.birthDate().toString(), code))).as("from elsewhere")
                .isEqualTo("/phr/register/account");
    }

    @Test
    void aResidentChangesTheirPasswordInTheNotebookAndTheOldOneStopsWorking() {
        Residents.Resident resident = residents.register(personId, issued, person.birthDate());
        WebSession web = residents.logIn(port, resident);
        web.get("/phr/password");
        HttpResponse<String> wrong = web.post("/phr/password", "current", "not it", "password", "a new passphrase 1",
                "confirm", "a new passphrase 1");
        assertThat(wrong.body()).contains("data-key=\"password.currentWrong\"").contains("id=\"password-form\"");
        HttpResponse<String> changed = web.post("/phr/password", "current", Residents.PASSWORD, "password",
                "a new passphrase 1", "confirm", "a new passphrase 1");
        assertThat(WebSession.location(changed)).isEqualTo("/phr?passwordChanged");
        assertThat(web.get("/phr?passwordChanged").body()).contains("id=\"password-changed\"");

        WebSession old = new WebSession(port);
        old.get("/phr/login");
        assertThat(WebSession.location(old.post("/login", "username", resident.account().loginId(), "password",
                Residents.PASSWORD, "from", "phr"))).isEqualTo("/phr/login?error");
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        assertThat(doctor.get("/phr/password").statusCode()).as("staff change theirs on /account/password").isEqualTo(403);
    }

    @Test
    void staffSessionsNeverReachTheNotebook() {
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        assertThat(doctor.get("/phr").statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).get("/phr").statusCode()).as("nobody signed in").isIn(302, 401);
    }

    private String issuedAtTheCounter() {
        WebSession clerk = accounts.signedIn(port, accounts.memberOf(hospital, Profession.MEDICAL_CLERK));
        clerk.get("/portal/patients/" + personId);
        HttpResponse<String> slip = clerk.post("/portal/patients/" + personId + "/phr-code");
        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.body()).contains("手帳 花子").contains("/phr/register?code=");
        return codeOn(slip);
    }

    private static String codeOn(HttpResponse<String> slip) {
        Matcher code = CODE.matcher(slip.body());
        assertThat(code.find()).as("the slip shows the code").isTrue();
        return code.group(1);
    }

    /** The answer to the registration's last step, and the authenticator secret the resident's app now holds. */
    private record Registered(HttpResponse<String> response, String secret) {
    }

    private Registered register(WebSession web, String code, String loginId, String password) {
        web.get("/phr/register?code=" + code);
        HttpResponse<String> proven = web.post("/phr/register", "card", card.number(), "checkCode",
                issued.printedCheckCode(), "birthDate", person.birthDate().toString(), "code", code);
        assertThat(WebSession.location(proven)).isEqualTo("/phr/register/account");
        HttpResponse<String> form = web.get("/phr/register/account");
        Matcher secret = SECRET.matcher(form.body());
        assertThat(secret.find()).as("the authenticator's secret is shown").isTrue();
        return new Registered(web.post("/phr/register/account", "loginId", loginId, "password", password,
                "passwordAgain", password, "totpCode", Totp.code(secret.group(1), Totp.step(Instant.now()))),
                secret.group(1));
    }

    private WebSession logIn(User account, String password, String secret) {
        WebSession web = new WebSession(port);
        web.get("/phr/login");
        assertThat(WebSession.location(web.post("/login", "username", account.loginId(), "password", password,
                "from", "phr"))).isEqualTo("/login/second-factor");
        web.get("/login/second-factor");
        HttpResponse<String> second = web.post("/login/second-factor", "code", residents.nextCode(account.id(), secret));
        assertThat(WebSession.location(second)).isEqualTo("/phr");
        return web;
    }

    private String prove(WebSession web, String cardNumber, String checkCode, String birthDate, String code) {
        return proveResponse(web, cardNumber, checkCode, birthDate, code).body();
    }

    private HttpResponse<String> proveResponse(WebSession web, String cardNumber, String checkCode, String birthDate,
                                               String code) {
        web.get("/phr/register");
        return checkCode == null ? web.post("/phr/register", "card", cardNumber, "birthDate", birthDate, "code", code)
                : web.post("/phr/register", "card", cardNumber, "checkCode", checkCode, "birthDate", birthDate, "code", code);
    }

    /** A page without its CSRF token, which is masked anew on every answer. */
    private static String withoutCsrf(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private static String errorOf(String body) {
        Matcher error = Pattern.compile("id=\"register-error\"[^>]*>([^<]+)<").matcher(body);
        return error.find() ? error.group(1) : "";
    }

    private long anotherPerson() {
        Facility other = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, other, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, other, localId, "ベツジン");
        return clients.personOf(other, localId);
    }
}

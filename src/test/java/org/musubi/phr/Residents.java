package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.Totp;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Residents for tests of the health notebook: registered through the real use cases (a code issued by the operator,
 * card + birth date + code proven, an authenticator proven with a code of its secret) and logged in over HTTP through
 * the real login steps. The registration pages themselves are tested in {@link PhrRegistrationIT}.
 */
@Component
public class Residents {

    public static final String PASSWORD = "a resident's passphrase";

    /** A registered resident: their account, the secret their authenticator app holds, and the card they proved. */
    public record Resident(User account, String totpSecret, IssuedCard card) {
    }

    /** A facility's patient registered over its FHIR API ({@code api}), and the regional person behind it. */
    public record Patient(Facility facility, IGenericClient api,
                          String localId, long personId, Person person) {

        /** A reference to this patient by the facility's patient-ID system, for resources the facility writes. */
        public Reference reference() {
            return new Reference("Patient?identifier="
                    + FhirRecords.patientSystem(facility) + "|" + localId);
        }
    }

    @Autowired
    private FhirClients clients;
    @Autowired
    private IdentityStore identities;
    @Autowired
    private IssueCard cards;

    /** A new patient of {@code facility} (family name in kana, a unique given name), registered over its FHIR API. */
    public Patient patientAt(int port, Facility facility, String familyKana) {
        var api = clients.fhirFor(port, facility, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, facility, localId, familyKana);
        long personId = clients.personOf(facility, localId);
        return new Patient(facility, api, localId, personId, identities.person(personId).orElseThrow().person());
    }

    /** A new patient of a new facility of this kind. */
    public Patient patientAt(int port, FacilityKind kind, String familyKana) {
        return patientAt(port, accounts.facilityOf(kind), familyKana);
    }

    /** The person gets a regional card from the operator and registers for the notebook with it. */
    public Resident register(long personId) {
        var person = identities.person(personId).orElseThrow().person();
        return register(personId, cards.regional(accounts.networkAdmin().id(), personId), person.birthDate());
    }

    private final IssueRegistrationCode issue;
    private final ProveResident prove;
    private final RegisterResident register;
    private final TestAccounts accounts;
    private final Users users;
    private final JdbcClient jdbc;

    Residents(IssueRegistrationCode issue, ProveResident prove, RegisterResident register, TestAccounts accounts,
              Users users, JdbcClient jdbc) {
        this.issue = issue;
        this.prove = prove;
        this.register = register;
        this.accounts = accounts;
        this.users = users;
        this.jdbc = jdbc;
    }

    /**
     * Registers the holder of the regional card {@code card} (its number and the check code printed on it), born
     * {@code birthDate}, as person {@code personId}.
     */
    public Resident register(long personId, IssuedCard card, LocalDate birthDate) {
        String code = issue.issue(accounts.networkAdmin().id(), personId).orElseThrow().code().code();
        ProveResident.Proven proven = prove.prove(card.card().number(), card.checkCode(), birthDate, code).orElseThrow();
        String secret = Totp.newSecret(new SecureRandom());
        register.register(proven, new RegisterResident.Choice("resident" + personId, PASSWORD, PASSWORD, secret,
                Totp.code(secret, Totp.step(Instant.now()))));
        return new Resident(users.residentOf(personId).orElseThrow(), secret, card);
    }

    /** The answer to the registration's last step over HTTP, and the authenticator secret the registrant's app holds. */
    public record Registered(HttpResponse<String> response, String secret) {
    }

    /**
     * The holder of the regional card {@code cardNumber}, born {@code birthDate}, registers over HTTP with a new code
     * the operator issued for person {@code personId}: the registration pages' two steps, as a browser would.
     */
    public Registered registerOverHttp(int port, long personId, IssuedCard card,
                                       LocalDate birthDate, String loginId, String password) {
        String code = issue.issue(accounts.networkAdmin().id(), personId).orElseThrow().code().code();
        WebSession web = new WebSession(port);
        web.get("/phr/register?code=" + code);
        assertThat(WebSession.location(web.post("/phr/register", "card", card.card().number(), "checkCode",
                card.printedCheckCode(), "birthDate", birthDate.toString(), "code", code)))
                .isEqualTo("/phr/register/account");
        Matcher secret = Pattern.compile("data-otpauth=\"[^\"]*secret=([A-Z2-7]+)")
                .matcher(web.get("/phr/register/account").body());
        assertThat(secret.find()).as("the authenticator's secret is shown").isTrue();
        return new Registered(web.post("/phr/register/account", "loginId", loginId, "password", password,
                "passwordAgain", password, "totpCode", Totp.code(secret.group(1), Totp.step(Instant.now()))),
                secret.group(1));
    }

    /** A session of the resident after both login steps with this login id, password and authenticator secret. */
    public WebSession logIn(int port, long userId, String loginId, String password, String secret) {
        WebSession web = new WebSession(port);
        web.get("/phr/login");
        assertThat(WebSession.location(web.post("/login", "username", loginId, "password", password, "from", "phr")))
                .as("the password step of " + loginId).isEqualTo("/login/second-factor");
        web.get("/login/second-factor");
        assertThat(WebSession.location(web.post("/login/second-factor", "code", nextCode(userId, secret))))
                .as("the second step of " + loginId).isEqualTo("/phr");
        return web;
    }

    /** A session of the resident after both login steps from the notebook's login page. */
    public WebSession logIn(int port, Resident resident) {
        WebSession web = new WebSession(port);
        web.get("/phr/login");
        assertThat(WebSession.location(web.post("/login", "username", resident.account().loginId(), "password", PASSWORD,
                "from", "phr"))).isEqualTo("/login/second-factor");
        web.get("/login/second-factor");
        assertThat(WebSession.location(web.post("/login/second-factor", "code",
                nextCode(resident.account().id(), resident.totpSecret())))).isEqualTo("/phr");
        return web;
    }

    /** A code the server accepts now ({@link TestAccounts#acceptedStep}). */
    public String nextCode(long userId, String secret) {
        long last = jdbc.sql("SELECT totp_last_step FROM credential WHERE user_id = ?").param(userId)
                .query(Long.class).single();
        long step = TestAccounts.acceptedStep(jdbc, userId, last);
        return Totp.code(secret, step);
    }
}

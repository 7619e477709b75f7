package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.phr.ResidentFixtures;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The health notebook tried as an attacker would: clinic B's users of every profession asking for a registration code
 * for hospital A's patient (with and without a consent, never linked) get the answer of a person nobody has, no code
 * and one audit row each; a resident's session reaches neither staff pages, another person's pages, the operators'
 * screens nor the FHIR API; a disabled resident's session ends on its next request. A pending re-registration of a
 * resident's account (issue 37) is seen, cancelled and dismissed only by that resident: another resident and a proxy
 * acting for them get the answer of an id nobody has; staff decide it only through the person it belongs to, with a
 * consented link, and everyone else gets the viewer's answer for a person nobody has.
 */
@MusubiIntegrationTest
class PhrAttackIT extends ResidentFixtures {

    @Autowired
    Users users;

    private long personId;
    private Person person;
    private IssuedCard card;

    @BeforeEach
    void hospitalAsPatientWithACard() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "ネラワレ");
        personId = clients.personOf(hospital, localId);
        person = identities.person(personId).orElseThrow().person();
        card = cards.regional(accounts.networkAdmin().id(), personId);
    }

    @Test
    void clinicBsUsersGetNoCodeForAsPatientAndAnAnswerLikeNobodys() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        List<Profession> staff = Arrays.stream(Profession.values())
                .filter(p -> p != Profession.RESIDENT && p != Profession.FACILITY_SYSTEM).toList();
        for (boolean consented : List.of(false, true)) {
            if (consented) {
                consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                        accounts.networkAdmin().id(), null);
            }
            for (Profession profession : staff) {
                User user = accounts.memberOf(clinic, profession);
                WebSession web = accounts.signedIn(port, user);
                web.get("/");
                String absent = Probe.absentPerson(id -> identities.person(id).isPresent());
                long before = audit.max();
                HttpResponse<String> asked = web.post("/portal/patients/" + personId + "/phr-code");
                long between = audit.max();
                HttpResponse<String> nothing = web.post("/portal/patients/" + absent + "/phr-code");
                String probe = profession + (consented ? " with consent" : " without consent");

                Answers.assertAlike(probe, asked, String.valueOf(personId), nothing, absent);
                assertThat(asked.statusCode()).as(probe).isEqualTo(404);
                assertThat(asked.body()).as(probe).doesNotContain(person.givenKana()).doesNotContain("registration-code");
                assertThat(audit.countByUser(before, user.id())).as(probe + ": one audit row each").isEqualTo(2);
                assertThat(audit.countByUser(between, user.id())).as(probe + ": one audit row").isEqualTo(1);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM phr_registration_code WHERE person_id = ?").param(personId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aResidentsSessionReachesOnlyTheirOwnNotebook() {
        Residents.Resident resident = residents.register(personId, card, person.birthDate());
        WebSession web = residents.logIn(port, resident);
        long other = otherPerson();

        assertThat(web.get("/portal/patients/" + personId).statusCode()).as("own record, staff viewer").isEqualTo(403);
        assertThat(web.get("/portal/patients/" + other).statusCode()).as("another person").isEqualTo(403);
        assertThat(web.get("/portal/patients/" + other + "/medications").statusCode()).isEqualTo(403);
        assertThat(web.post("/portal/patients/" + personId + "/phr-code").statusCode()).isEqualTo(403);
        assertThat(web.post("/admin/persons/" + other + "/phr-code").statusCode()).isEqualTo(403);
        assertThat(web.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(web.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(web.get("/account/password").statusCode()).isEqualTo(403);
        for (long asked : List.of(personId, other)) {
            assertThat(web.send(HttpRequest.newBuilder(URI.create(web.base() + "/fhir/Patient/"
                    + asked)).GET().header("Accept", "application/fhir+json")).statusCode())
                    .as("a resident's browser session is no credential for the API, whoever is asked").isEqualTo(403);
        }
        assertThat(web.get("/phr").statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledResidentsSessionEndsOnItsNextRequest() {
        Residents.Resident resident = residents.register(personId, card, person.birthDate());
        WebSession web = residents.logIn(port, resident);
        assertThat(web.get("/phr").statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE app_user SET status = 'DISABLED' WHERE id = ?").param(resident.account().id()).update();

        assertThat(web.get("/phr").statusCode()).isIn(302, 401, 403);
        assertThat(web.get("/phr/access-log").statusCode()).isIn(302, 401, 403);
    }

    @Test
    void anotherResidentOrAProxyActingForThePersonCannotSeeCancelOrDismissTheirPendingRecovery() {
        Residents.Resident victim = residents.register(personId, card, person.birthDate());
        residents.registerOverHttp(port, personId, card, person.birthDate(), "victim-new" + personId,
                "someone's chosen passphrase");
        long pending = pendingOf(personId);
        Residents.Resident stranger = residents.register(otherPerson());
        Residents.Resident proxy = residents.register(otherPerson());
        WebSession owner = residents.logIn(port, victim);
        owner.get("/phr/proxies");
        owner.post("/phr/proxies", "loginId", proxy.account().loginId(), "until",
                LocalDate.now().plusDays(30).toString());
        WebSession strangerWeb = residents.logIn(port, stranger);
        WebSession proxyWeb = residents.logIn(port, proxy);
        proxyWeb.get("/phr/proxies");
        proxyWeb.post("/phr/act-for", "personId", String.valueOf(personId));
        assertThat(proxyWeb.get("/phr").body()).contains("id=\"proxy-banner\"");
        String absent = String.valueOf(pending + 987_654);

        for (var attacker : List.of(Map.entry("another resident", strangerWeb),
                Map.entry("a proxy acting for the person", proxyWeb))) {
            WebSession web = attacker.getValue();
            long user = attacker.getKey().startsWith("a proxy") ? proxy.account().id() : stranger.account().id();
            assertThat(web.get("/phr").body()).as(attacker.getKey()).doesNotContain("id=\"recovery-pending\"");
            for (String step : List.of("cancel", "dismiss")) {
                String probe = attacker.getKey() + " " + step;
                long before = audit.max();
                HttpResponse<String> asked = web.post("/phr/recovery/" + pending + "/" + step);
                HttpResponse<String> nothing = web.post("/phr/recovery/" + absent + "/" + step);
                Answers.assertAlike(probe, asked, String.valueOf(pending), nothing, absent);
                assertThat(asked.statusCode()).as(probe).isEqualTo(404);
                assertThat(audit.countByUser(before, user)).as(probe + ": one row per cancel, none per dismiss")
                        .isEqualTo(step.equals("cancel") ? 2 : 0);
            }
        }
        assertThat(pendingOf(personId)).as("still pending").isEqualTo(pending);
        assertThat(owner.get("/phr").body()).contains("id=\"recovery-pending\"");
    }

    @Test
    void staffDecideARecoveryOnlyThroughThePersonItBelongsToAndResidentsNever() {
        Residents.Resident victim = residents.register(personId, card, person.birthDate());
        residents.registerOverHttp(port, personId, card, person.birthDate(), "victim-new" + personId,
                "someone's chosen passphrase");
        long pending = pendingOf(personId);
        long admin = accounts.networkAdmin().id();
        long linked = otherPerson();
        consents.grant(linked, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, null);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(linked, clinic.id(), admin);
        User clerk = accounts.memberOf(clinic, Profession.MEDICAL_CLERK);
        WebSession web = accounts.signedIn(port, clerk);
        web.get("/");
        String absent = Probe.absentPerson(id -> identities.person(id).isPresent());

        for (String path : List.of("/portal/patients/" + linked + "/phr-recovery/" + pending,
                "/portal/patients/" + personId + "/phr-recovery/" + pending)) {
            for (String verdict : List.of("confirm", "refuse")) {
                long before = audit.max();
                HttpResponse<String> asked = web.post(path + "/" + verdict, "checkCode", "AAAA-BBBB");
                HttpResponse<String> nothing = web.post("/portal/patients/" + absent + "/phr-recovery/" + pending + "/"
                        + verdict, "checkCode", "AAAA-BBBB");
                String asker = path.substring("/portal/patients/".length(), path.indexOf("/phr-recovery"));
                Answers.assertAlike(path + " " + verdict, asked, asker, nothing, absent);
                assertThat(asked.statusCode()).isEqualTo(404);
                assertThat(audit.countByUser(before, clerk.id())).as("one row each").isEqualTo(2);
            }
        }
        WebSession own = residents.logIn(port, victim);
        assertThat(own.post("/portal/patients/" + personId + "/phr-recovery/" + pending + "/confirm").statusCode())
                .isEqualTo(403);
        assertThat(own.post("/admin/persons/" + personId + "/phr-recovery/" + pending + "/confirm").statusCode())
                .isEqualTo(403);
        WebSession facilityAdmin = accounts.signedIn(port, accounts.adminOf(clinic));
        assertThat(facilityAdmin.post("/admin/persons/" + personId + "/phr-recovery/" + pending + "/confirm")
                .statusCode()).as("the office is network administrators only").isEqualTo(403);
        assertThat(pendingOf(personId)).as("still pending").isEqualTo(pending);
        assertThat(users.residentOf(personId).orElseThrow().loginId()).isEqualTo(victim.account().loginId());
    }

    private long pendingOf(long person) {
        return jdbc.sql("SELECT id FROM phr_account_recovery WHERE person_id = ? AND state = 'PENDING'").param(person)
                .query(Long.class).single();
    }

    private long otherPerson() {
        Facility other = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, other, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, other, localId, "ベツノヒト");
        return clients.personOf(other, localId);
    }
}

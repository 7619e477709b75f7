package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.phr.ResidentFixtures;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;

/**
 * My sharing (/phr/sharing) attacked: a resident names another person's consent, a facility linked to or blocked by
 * another person, on every route (each confirmation page and each change); staff of the other person's linked clinic
 * and the network operator try the same routes with their own sessions; the resident posts a change without the CSRF
 * token. Judged against the promise, not the code:
 * <ul>
 *   <li>what is not the resident's answers exactly like what does not exist (status, headers, body:
 *       {@link Answers#assertAlike}), the notebook's one 404 page;</li>
 *   <li>staff sessions and a post without the token are refused (403) alike for a real and an absent id;</li>
 *   <li>nothing changes: neither the other person's consents, links and blocks, nor the resident's own;</li>
 *   <li>every attempt leaves exactly one audit row of the caller.</li>
 * </ul>
 */
@MusubiIntegrationTest
class ResidentSharingAttackIT extends ResidentFixtures {

    /** One route: {@code {key}} in the path (or the form's facilityId) is what is asked about. */
    private record Route(String name, String method, String path, boolean formKey, Target target) {
    }

    /** Which of the other person's things a route names. */
    private enum Target { CONSENT, LINKED_FACILITY, BLOCKED_FACILITY }

    private static final List<Route> ROUTES = List.of(
            new Route("withdraw: confirm", "GET", "/phr/sharing/consents/{key}/withdraw/confirm", false, Target.CONSENT),
            new Route("withdraw", "POST", "/phr/sharing/consents/{key}/withdraw", false, Target.CONSENT),
            new Route("block: confirm", "GET", "/phr/sharing/block/confirm?facilityId={key}", false, Target.LINKED_FACILITY),
            new Route("block", "POST", "/phr/sharing/block", true, Target.LINKED_FACILITY),
            new Route("unblock: confirm", "GET", "/phr/sharing/blocks/{key}/remove/confirm", false, Target.BLOCKED_FACILITY),
            new Route("unblock", "POST", "/phr/sharing/blocks/{key}/remove", false, Target.BLOCKED_FACILITY),
            new Route("end link: confirm", "GET", "/phr/sharing/links/{key}/end/confirm", false, Target.LINKED_FACILITY),
            new Route("end link", "POST", "/phr/sharing/links/{key}/end", false, Target.LINKED_FACILITY));

    /** A caller with a signed-in browser session. */
    private record Caller(String name, long userId, WebSession web, boolean resident) {
    }

    @TestFactory
    List<DynamicTest> aResidentNeverChangesNorLearnsAnotherPersonsSharingAndStaffNeverGetIn() {
        long operator = accounts.networkAdmin().id();
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        long attackerPerson = patientOf(hospital, "コウゲキシャ");
        consents.grant(attackerPerson, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), operator, hospital.id());
        long victim = patientOf(hospital, "ヒガイシャ");
        long victimConsent = consents.grant(victim, ConsentScope.ALL_FACILITIES, null,
                Set.of(Purpose.TREATMENT, Purpose.EMERGENCY), operator, hospital.id()).id();
        consents.link(victim, clinic.id(), operator);
        consents.block(victim, pharmacy.id(), operator);
        Map<Target, String> real = Map.of(Target.CONSENT, String.valueOf(victimConsent),
                Target.LINKED_FACILITY, String.valueOf(clinic.id()), Target.BLOCKED_FACILITY, String.valueOf(pharmacy.id()));
        Map<Target, String> absent = Map.of(Target.CONSENT, absent("consent"),
                Target.LINKED_FACILITY, absent("facility"), Target.BLOCKED_FACILITY, absent("facility"));

        Residents.Resident attacker = residents.register(attackerPerson,
                cards.regional(operator, attackerPerson),
                identities.person(attackerPerson).orElseThrow().person().birthDate());
        List<Caller> callers = List.of(
                new Caller("resident", attacker.account().id(), residents.logIn(port, attacker), true),
                staff("the victim's clinic's doctor", accounts.memberOf(clinic, Profession.DOCTOR)),
                staff("the hospital's clerk", accounts.memberOf(hospital, Profession.MEDICAL_CLERK)),
                staff("the network operator", accounts.networkAdmin()));
        Consents.Standing victimBefore = consents.standing(victim);
        Consents.Standing attackerBefore = consents.standing(attackerPerson);

        List<DynamicTest> tests = new ArrayList<>();
        for (Caller caller : callers) {
            for (Route route : ROUTES) {
                tests.add(DynamicTest.dynamicTest(caller.name() + " / " + route.name(), () -> {
                    attempt(caller, route, real.get(route.target()), absent.get(route.target()));
                    assertThat(consents.standing(victim)).as("the victim's sharing").isEqualTo(victimBefore);
                    assertThat(consents.standing(attackerPerson)).as("the attacker's own").isEqualTo(attackerBefore);
                }));
            }
        }
        Caller resident = callers.getFirst();
        tests.add(DynamicTest.dynamicTest("resident / a change without the CSRF token", () -> {
            String own = "/phr/sharing/consents/" + consents.of(attackerPerson).getFirst().id() + "/withdraw";
            long before = audit.max();
            HttpResponse<String> forged = resident.web().postRaw(own, Map.of());
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(audit.countByUser(before, resident.userId())).isEqualTo(1);
            assertThat(consents.standing(attackerPerson)).as("not even one's own consent without the token")
                    .isEqualTo(attackerBefore);
        }));
        return tests;
    }

    private void attempt(Caller caller, Route route, String real, String absent) {
        String what = caller.name() + " / " + route.name();
        long before = audit.max();
        HttpResponse<String> asked = send(caller.web(), route, real);
        long between = audit.max();
        HttpResponse<String> nothing = send(caller.web(), route, absent);

        assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on the victim's (answered " + asked.statusCode() + ")").isEqualTo(1);
        assertThat(audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on nothing (answered " + nothing.statusCode() + ")").isEqualTo(1);
        Answers.assertAlike(what, asked, asked(route, real), nothing, asked(route, absent));
        assertThat(asked.statusCode()).as(what).isEqualTo(caller.resident() ? 404 : 403);
        if (caller.resident()) {
            assertThat(asked.body()).as(what).contains("id=\"phr-not-found\"");
        }
    }

    /**
     * What the caller asked, as the placeholder {@link Answers} writes in its place: the whole path or form field, not
     * the bare id, whose few digits could stand anywhere in a page ("403").
     */
    private static String asked(Route route, String key) {
        return route.formKey() ? "facilityId=" + key : route.path().replace("{key}", key);
    }

    private static HttpResponse<String> send(WebSession web, Route route, String key) {
        if (route.method().equals("GET")) {
            return web.get(route.path().replace("{key}", key));
        }
        return route.formKey() ? web.post(route.path(), "facilityId", key) : web.post(route.path().replace("{key}", key));
    }

    private Caller staff(String name, User user) {
        WebSession web = accounts.signedIn(port, user);
        web.get("/");
        return new Caller(name, user.id(), web, false);
    }

    /** An id of a consent or facility that nothing has, far above the highest. */
    private String absent(String table) {
        long max = jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table).query(Long.class).single();
        return String.valueOf(max + 1_000_000);
    }

    private long patientOf(Facility facility, String kana) {
        IGenericClient api = clients.fhirFor(port, facility, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, facility, localId, kana);
        return clients.personOf(facility, localId);
    }
}

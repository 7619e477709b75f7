package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.musubi.attack.Victim.Marker;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;

/**
 * The attacker's suite: clinic B attacks hospital A's patient in every way Musubi offers, generated over every
 * consent/link state ({@link AttackState}) × every caller (B's own system with each kind of scope, and B's users
 * of every profession, in the portal and through /fhir with the browser's session) × every FHIR interaction and
 * operation and every portal page about a patient ({@link Probe}): 5,430 attempts, each asked twice, about A's real
 * id and about one of the same form that nothing has. Each attempt is judged against the promise
 * ({@link Oracle}), not against the policy's code (and hospital A's resumable uploads, which no caller of B reaches,
 * {@link UploadsAndCertificatesAttackIT#clinicBNeverReachesHospitalAsUploads}):
 * <ul>
 *   <li>what the caller may not see answers exactly like what does not exist: status, headers and body alike
 *       for A's real id and an id of the same form that nothing has ({@link Answers#assertAlike});</li>
 *   <li>no answer carries a marker of a kind of data the caller may not see (a lab value, a diagnosis, an
 *       allergy, a medicine, a document, a container, a care team, A's claim — which no caller of B ever sees —,
 *       A's own patient id, the person's name);</li>
 *   <li>what the caller may see is shown;</li>
 *   <li>every attempt, refused or absent, leaves exactly one audit row of the caller.</li>
 * </ul>
 * The same attacker's blocks for each wing, on the same callers ({@link AttackFixtures}), are the classes beside it by
 * area: {@link UploadsAndCertificatesAttackIT}, {@link MhdAttackIT}, {@link BoxAttackIT}, {@link CareNetworkAttackIT},
 * {@link SecretariatAttackIT}, {@link IntakeAttackIT}, {@link ImagingAttackIT}, {@link SurveillanceAttackIT},
 * {@link ResearchAttackIT}.
 */
@MusubiIntegrationTest
class AttackMatrixIT extends AttackFixtures {

    @TestFactory
    List<DynamicNode> clinicBNeverLearnsWhatItMayNotSeeAboutHospitalAsPatient() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility otherHospital = facilities.search(null, FacilityKind.HOSPITAL, null, new PageRequest(1, 2)).items().get(1);
        List<Armed> callers = callers(clinic);
        ApiClientAdministration.NewApiClient sender = clients.register(hospital, "system/*.read", "system/*.write");
        String token = clients.token(port, sender);
        Victims victims = new Victims(clients.fhir(port, token), new RawApi(port, token), hospital, consents,
                accounts.networkAdmin().id()).lookingUpIn(clients, clients.fhirFor(port, clinic, "system/*.read",
                "system/*.write")).writingLettersAs(sendLetter, accounts.memberOf(hospital, Profession.DOCTOR).id());
        List<Long> glassUsers = callers.stream().filter(c -> !c.attacker().api()).map(Armed::userId).toList();
        List<DynamicNode> states = new ArrayList<>();
        for (AttackState state : AttackState.values()) {
            Victim victim = victims.create(state, clinic, otherHospital, glassUsers);
            List<DynamicNode> byCaller = new ArrayList<>();
            for (Armed caller : callers) {
                List<DynamicTest> attempts = new ArrayList<>();
                for (Probe probe : Probe.all(FhirRecords.patientSystem(hospital))) {
                    if (applies(probe, caller.attacker())) {
                        attempts.add(DynamicTest.dynamicTest(probe.name(), () -> attempt(victim, caller, probe)));
                    }
                }
                byCaller.add(DynamicContainer.dynamicContainer(caller.attacker().toString(), attempts));
            }
            states.add(DynamicContainer.dynamicContainer(state.name(), byCaller));
        }
        return states;
    }

    /**
     * Systems use the API, and write; users in a browser read the API (GET) with their session and use the web pages
     * (the portal, the notebook's counter routes, the crews' page).
     */
    private static boolean applies(Probe probe, Attacker attacker) {
        if (attacker.api()) {
            return !probe.portal();
        }
        return probe.portal() || probe.method().equals("GET");
    }

    private void attempt(Victim victim, Armed caller, Probe probe) {
        Attacker attacker = caller.attacker();
        String real = probe.real(victim);
        String absent = probe.absent(victim, id -> identities.person(id).isPresent());
        long before = audit.max();
        HttpResponse<String> asked = send(caller, probe, victim, real);
        long between = audit.max();
        HttpResponse<String> nothing = send(caller, probe, victim, absent);
        String what = victim.state() + " / " + attacker + " / " + probe.name();

        assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on A's patient (answered " + asked.statusCode() + ")").isEqualTo(1);
        assertThat(audit.countByUser(between, caller.userId()))
                .as(what + ": audit rows of the attempt on nothing (answered " + nothing.statusCode() + ")").isEqualTo(1);
        String body = asked.body().replace(real, "{asked}");
        boolean refusedByScope = attacker.api() && !probe.scopeTypes().stream().allMatch(t -> probe.kind() == Probe.Kind.WRITE
                ? attacker.scopeWrites(t) : attacker.scopeReads(t));
        boolean shown = !refusedByScope && switch (probe.kind()) {
            case RESOURCE -> Oracle.sees(probe.primary(), victim.state(), attacker);
            // asked by A's own patient id: only a caller who sees A's data may use A's identifier
            case PERSON -> probe.key() == Probe.Key.LOCAL_ID ? Oracle.sees(Marker.LOCAL_ID, victim.state(), attacker)
                    : Oracle.opens(victim.state(), attacker);
            case HOLDER -> !Oracle.emergency(victim.state()) && Oracle.holds(victim.state(), attacker);
            case ENTRY -> Oracle.entersOnBehalf(victim.state(), attacker);
            case WRITE, NEVER -> false;
        };
        if (!shown) {
            Answers.assertAlike(what, asked, real, nothing, absent);
        } else {
            assertThat(asked.statusCode()).as(what + ": " + asked.body()).isEqualTo(200);
            if (probe.primary() != null && Oracle.sees(probe.primary(), victim.state(), attacker)) {
                assertThat(body).as(what + ": shows " + probe.primary()).contains(victim.marker(probe.primary()));
            }
        }
        for (Marker marker : Marker.values()) {
            if (!shown || !Oracle.sees(marker, victim.state(), attacker)) {
                assertThat(body).as(what + ": must not show " + marker).doesNotContain(victim.marker(marker));
            }
        }
        if (!Oracle.opens(victim.state(), attacker)) {
            assertThat(body).as(what + ": must not name the person (their id is their regional ID)")
                    .doesNotContain(String.valueOf(victim.personId()));
        }
    }

    private HttpResponse<String> send(Armed caller, Probe probe, Victim victim, String key) {
        boolean emergency = Oracle.emergency(victim.state());
        String path = probe.path().replace("{key}", key).replace("{person}", String.valueOf(victim.personId()));
        if (probe.portal()) {
            String asked = path + (emergency ? (path.contains("?") ? "&" : "?") + "purpose=EMERGENCY" : "");
            return probe.method().equals("POST") ? caller.web().post(asked, probe.form(victim, key))
                    : caller.web().get(asked);
        }
        Map<String, String> headers = emergency ? Map.of("X-Purpose-Of-Use", "ETREAT") : Map.of();
        String body = probe.body(victim, key);
        if (caller.api() != null) {
            return caller.api().send(probe.method(), path, body, headers);
        }
        HttpRequest.Builder request = RawApi.request(port, probe.method(), path, body, headers);
        return caller.web().send(request);
    }
}

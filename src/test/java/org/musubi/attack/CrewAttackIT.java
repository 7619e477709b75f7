package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.emergency.Crews;
import org.musubi.emergency.HandOver;
import org.musubi.emergency.HandOvers;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ambulance crews' routes tried as an attacker would: a clinic's nurse at the crews' page, a paramedic keeping a
 * previous person open, a paramedic handing over a person they never opened, a guessed hand-over, a hand-over used by
 * another hospital's doctor, an expired hand-over. Each answers alike (404, no data, no existence signal), leaves
 * exactly one audit row, and opens nothing.
 */
@MusubiIntegrationTest
class CrewAttackIT extends NetworkFixtures {

    @Autowired
    Crews crews;
    @Autowired
    HandOvers handOvers;

    @Test
    void aClinicsNurseCannotUseTheCrewsPageToFindOrOpenAnyone() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        User nurse = accounts.staff(FacilityKind.CLINIC, Profession.NURSE);
        WebSession web = signedIn(nurse);
        long before = audit.max();

        HttpResponse<String> find = web.post("/emergency", "card", "MUSUBI-PERSON:1:" + patient.person().regionalId());
        HttpResponse<String> open = web.post("/emergency/open", "code", "UNCONSCIOUS", "password", TestAccounts.PASSWORD);
        HttpResponse<String> read = web.get("/emergency/persons/" + patient.personId());

        assertThat(find.statusCode()).isEqualTo(403);
        assertThat(find.body()).doesNotContain(patient.person().givenKana());
        assertThat(WebSession.location(open)).as("no person found to open").isEqualTo("/emergency");
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(audit.since(before, nurse.loginId())).containsExactly("EMERGENCY_LOOKUP DENY emergency.crew.only",
                "READ DENY policy.deny.noEmergencyAccess");
        assertThat(consents.emergencies(patient.personId())).isEmpty();
    }

    @Test
    void aParamedicCannotKeepThePreviousPersonOpenWhenOpeningASecond() {
        Residents.Patient first = crews.patient(port, Set.of(Purpose.EMERGENCY));
        Residents.Patient second = crews.patient(port, Set.of(Purpose.EMERGENCY));
        User paramedic = crews.paramedic();
        WebSession web = signedIn(paramedic);
        Crews.open(web, first);
        Crews.open(web, second);
        long before = audit.max();

        HttpResponse<String> previous = web.get("/emergency/persons/" + first.personId());
        HttpResponse<String> handOver = web.post("/emergency/persons/" + first.personId() + "/handover",
                "facility", String.valueOf(accounts.newHospital().id()));

        assertThat(previous.statusCode()).isEqualTo(404);
        assertThat(handOver.body()).contains("data-key=\"emergency.handOver.refused\"");
        assertThat(audit.since(before, paramedic.loginId())).containsExactly("READ DENY policy.deny.emergencyAccessExpired",
                "EMERGENCY_HANDOVER DENY no open crew access to the person");
        assertThat(consents.emergencies(first.personId())).allMatch(a -> !a.openAt(Instant.now()));
    }

    @Test
    void aParamedicCannotHandOverAPersonTheyNeverOpened() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        User paramedic = crews.paramedic();
        WebSession web = signedIn(paramedic);
        Facility er = accounts.newHospital();

        HttpResponse<String> refused = web.post("/emergency/persons/" + patient.personId() + "/handover",
                "facility", String.valueOf(er.id()));

        assertThat(refused.body()).contains("data-key=\"emergency.handOver.refused\"")
                .doesNotContain(patient.person().givenKana());
        assertThat(handOvers.liveFor(er.id(), Instant.now())).isEmpty();
    }

    @Test
    void aGuessedAnotherHospitalsAndAnExpiredHandOverAnswerAlikeAndOpenNothing() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.EMERGENCY));
        Facility er = accounts.newHospital();
        HandOver handOver = handedOver(patient, er);
        User other = accounts.memberOf(accounts.newHospital(), Profession.DOCTOR);
        WebSession otherDoctor = signedIn(other);
        User ours = accounts.memberOf(er, Profession.DOCTOR);
        WebSession ourDoctor = signedIn(ours);
        long before = audit.max();

        HttpResponse<String> guessed = ourDoctor.get("/emergency/handovers/" + handOver.token().substring(1) + "A");
        HttpResponse<String> wrongHospital = otherDoctor.get("/emergency/handovers/" + handOver.token());
        // hand-overs are append-only (the application may not change one): an expired twin of it
        String expiredToken = handOver.token().substring(2) + "ex";
        jdbc.sql("""
                INSERT INTO emergency_handover (token, person_id, from_user, from_access, to_facility, created_at, expires_at)
                SELECT ?, person_id, from_user, from_access, to_facility, now() - interval '3 hours', now() - interval '1 second'
                FROM emergency_handover WHERE id = ?""").params(expiredToken, handOver.id()).update();
        HttpResponse<String> expired = ourDoctor.get("/emergency/handovers/" + expiredToken);

        for (HttpResponse<String> refused : List.of(guessed, wrongHospital, expired)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).contains("id=\"emergency-not-found\"").doesNotContain(patient.person().givenKana());
        }
        assertThat(body(guessed)).isEqualTo(body(wrongHospital)).isEqualTo(body(expired));
        assertThat(audit.since(before, ours.loginId())).containsExactly("EMERGENCY_OPEN DENY unknown hand-over",
                "EMERGENCY_OPEN DENY hand-over expired");
        assertThat(audit.since(before, other.loginId())).containsExactly("EMERGENCY_OPEN DENY hand-over to another facility");
        assertThat(otherDoctor.get("/emergency/persons/" + patient.personId()).statusCode()).isEqualTo(404);
        assertThat(ourDoctor.get("/emergency/persons/" + patient.personId()).statusCode()).isEqualTo(404);
        assertThat(consents.emergencies(patient.personId())).as("only the crew's own access")
                .extracting(a -> a.kind().name()).containsExactly("CREW");
    }

    private HandOver handedOver(Residents.Patient patient, Facility er) {
        WebSession crew = signedIn(crews.paramedic());
        Crews.open(crew, patient);
        crew.post("/emergency/persons/" + patient.personId() + "/handover", "facility", String.valueOf(er.id()));
        return handOvers.liveFor(er.id(), Instant.now()).getFirst();
    }

    private WebSession signedIn(User user) {
        WebSession web = accounts.signedIn(port, user);
        web.get("/");
        return web;
    }

    /** The page without what differs per request (the CSRF token). */
    private static String body(HttpResponse<String> page) {
        return page.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]*\"", "");
    }
}

package org.musubi.carenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.team.CareTeam;
import org.musubi.consent.Consent;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Refused;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Permit;
import org.musubi.policy.PersonAccess;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A care team as an access grant, on the real database and over HTTP: a hospital linked to the patient by card makes
 * the team and invites the care office's care manager, who then opens the patient's record for treatment with the
 * patient's consent — without any link of the care office — and loses it the moment the membership ends, expires, the
 * consent is withdrawn or the care office is blocked. A facility without standing makes no team; a member whose
 * facility has no standing invites nobody; a guessed team id is refused like another's team. Every change and every
 * refused attempt is one audit row naming the patient.
 */
@MusubiIntegrationTest
class CareTeamIT extends NetworkFixtures {

    @Autowired
    CareTeams teams;
    @Autowired
    PersonAccess access;
    @Autowired
    IdentityStore identities;

    @Test
    void aMemberOfTheTeamSeesTheRecordWithConsentAndLosesItEveryWayItCanEnd() {
        Facility hospital = accounts.newHospital();
        Facility office = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User careManager = accounts.memberOf(office, Profession.CARE_MANAGER);
        User colleague = accounts.memberOf(office, Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);
        String regionalId = identities.person(person).orElseThrow().person().regionalId();
        assertThat(access.openPerson(careManager.id(), Purpose.TREATMENT, person).permitted()).as("before").isFalse();

        long before = audit.max();
        CareTeam team = teams.create(actor(doctor), person, "在宅チーム（試験）", CareTeams.Role.DOCTOR);
        teams.invite(actor(doctor), team.id(), careManager.id(), CareTeams.Role.CARE_MANAGER, null);
        assertThat(audit.forPatient(before, regionalId)).containsExactly("CREATE PERMIT careTeam.created",
                "CREATE PERMIT careTeam.joined user " + careManager.id());

        assertThat(access.openPerson(careManager.id(), Purpose.TREATMENT, person).key())
                .isEqualTo(Permit.CARE_TEAM_MEMBER);
        assertThat(accounts.signedIn(port, careManager).get("/portal/patients/" + person).statusCode())
                .as("the member's viewer").isEqualTo(200);
        assertThat(accounts.signedIn(port, colleague).get("/portal/patients/" + person).statusCode())
                .as("a colleague who is no member").isEqualTo(404);

        long refusals = audit.max();
        assertThatThrownBy(() -> teams.invite(actor(careManager), team.id(), colleague.id(), CareTeams.Role.HELPER, null))
                .as("a member whose facility has no standing invites nobody").isInstanceOf(Refused.class)
                .hasMessage(CareTeams.NOT_FOUND);
        assertThatThrownBy(() -> teams.invite(actor(doctor), UUID.randomUUID(), colleague.id(), CareTeams.Role.HELPER,
                null)).as("a guessed team").hasMessage(CareTeams.NOT_FOUND);
        assertThatThrownBy(() -> teams.create(actor(careManager), person, null, CareTeams.Role.CARE_MANAGER))
                .as("no standing, no team").hasMessage(CareTeams.NO_STANDING);
        assertThat(audit.rowsSince(refusals)).hasSize(3).allMatch(r -> r.outcome().equals("DENY"));

        consents.block(person, office.id(), accounts.networkAdmin().id());
        assertThat(access.openPerson(careManager.id(), Purpose.TREATMENT, person).permitted()).as("blocked").isFalse();
        consents.unblock(person, office.id());
        for (Consent consent : consents.of(person)) {
            consents.withdraw(consent.id(), accounts.networkAdmin().id());
        }
        assertThat(access.openPerson(careManager.id(), Purpose.TREATMENT, person).permitted()).as("withdrawn").isFalse();
        grant(person, hospital);
        assertThat(access.openPerson(careManager.id(), Purpose.TREATMENT, person).permitted()).isTrue();
        jdbc.sql("UPDATE care_team_member SET valid_until = now() - interval '1 second' WHERE user_id = ?")
                .param(careManager.id()).update();
        assertThat(access.openPerson(careManager.id(), Purpose.TREATMENT, person).permitted()).as("expired").isFalse();
        teams.invite(actor(doctor), team.id(), careManager.id(), CareTeams.Role.CARE_MANAGER, null);
        assertThat(access.openPerson(careManager.id(), Purpose.TREATMENT, person).permitted()).as("renewed").isTrue();

        long ending = audit.max();
        teams.end(actor(doctor), team.id(), careManager.id());
        assertThat(audit.forPatient(ending, regionalId)).containsExactly("DELETE PERMIT careTeam.left user "
                + careManager.id());
        assertThat(access.openPerson(careManager.id(), Purpose.TREATMENT, person).permitted()).as("removed").isFalse();
        assertThat(accounts.signedIn(port, careManager).get("/portal/patients/" + person).statusCode()).isEqualTo(404);
        assertThat(teams.members(actor(careManager), team.id())).as("an ex-member sees no members").isEmpty();
        assertThat(teams.members(actor(doctor), team.id()).orElseThrow()).hasSize(2);
    }


    private void grant(long person, Facility hospital) {
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), accounts.networkAdmin().id(),
                hospital.id());
    }

    private static CareTeams.Actor actor(User user) {
        return new CareTeams.Actor(user.id(), user.actingFacilityId().orElse(null));
    }
}

package org.musubi.carenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/**
 * The care team's pages over HTTP: the linked hospital's doctor makes the team on the patient's page and invites the
 * care office's care manager; the care manager finds it under 「参加中のケアチーム」, opens the patient's record and
 * sees the members; the doctor removes them and they lose both. Anyone else — a colleague, a guessed team — gets the
 * 404 of a patient who does not exist; one audit row a page and a change.
 */
@MusubiIntegrationTest
class CareTeamPagesIT extends NetworkFixtures {

    @org.springframework.beans.factory.annotation.Autowired
    org.musubi.phr.Residents residents;

    @Test
    void aTeamIsMadeJoinedUsedAndLeftFromThePages() {
        Facility hospital = accounts.newHospital();
        Facility office = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User careManager = accounts.memberOf(office, Profession.CARE_MANAGER);
        User colleague = accounts.memberOf(office, Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);

        WebSession lead = accounts.signedIn(port, doctor);
        assertThat(lead.get("/portal/patients/" + person + "/care-team").body()).contains("id=\"care-team-none\"")
                .contains("id=\"create-team\"");
        long before = audit.max();
        HttpResponse<String> created = lead.post("/portal/patients/" + person + "/care-team", "name", "自宅療養チーム",
                "role", "DOCTOR");
        assertThat(WebSession.location(created)).isEqualTo("/portal/patients/" + person + "/care-team?created");
        assertThat(audit.rowsSince(before)).extracting(r -> r.action() + " " + r.outcome()).containsExactly("CREATE PERMIT");
        String page = lead.get("/portal/patients/" + person + "/care-team?facility=" + office.id()).body();
        String team = page.replaceAll("(?s).*data-team=\"([0-9a-f-]{36})\".*", "$1");
        assertThat(page).contains("自宅療養チーム").contains(careManager.nameKanji());
        HttpResponse<String> invited = lead.post("/portal/care-teams/" + team + "/members", "user",
                String.valueOf(careManager.id()), "role", "CARE_MANAGER");
        assertThat(WebSession.location(invited)).isEqualTo("/portal/patients/" + person + "/care-team?invited");

        WebSession member = accounts.signedIn(port, careManager);
        assertThat(member.get("/portal/care-teams").body()).contains("自宅療養チーム")
                .contains("/portal/patients/" + person);
        assertThat(member.get("/portal/patients/" + person).statusCode()).isEqualTo(200);
        String seen = member.get("/portal/patients/" + person + "/care-team").body();
        assertThat(seen).contains(doctor.nameKanji()).contains("ケアマネジャー").doesNotContain("id=\"create-team\"");

        org.musubi.phr.Residents.Resident resident = residents.register(person);
        WebSession notebook = residents.logIn(port, resident);
        long reading = audit.max();
        String own = notebook.get("/phr/care-team").body();
        assertThat(own).as("the resident sees their team").contains("自宅療養チーム").contains(doctor.nameKanji())
                .contains(careManager.nameKanji()).contains("ケアマネジャー");
        assertThat(audit.rowsSince(reading)).filteredOn(r -> "CareTeam".equals(r.resourceType()))
                .extracting(r -> r.action() + " " + r.outcome()).containsExactly("READ PERMIT");
        long neighbour = linkedConsentedPatientAt(hospital);
        String theirs = residents.logIn(port, residents.register(neighbour)).get("/phr/care-team").body();
        assertThat(theirs).as("a neighbour sees only their own (none)").contains("id=\"care-team-none\"")
                .doesNotContain("自宅療養チーム");

        org.musubi.phr.Residents.Resident family = residents.register(linkedConsentedPatientAt(hospital));
        notebook.get("/phr/proxies");
        notebook.post("/phr/proxies", "loginId", family.account().loginId(), "until",
                java.time.LocalDate.now().plusDays(30).toString());
        WebSession familyNotebook = residents.logIn(port, family);
        familyNotebook.get("/phr/proxies");
        familyNotebook.post("/phr/act-for", "personId", String.valueOf(person));
        long proxyReading = audit.max();
        assertThat(familyNotebook.get("/phr/care-team").body())
                .as("the family joins through the proxy grant (代理人): they see the patient's team")
                .contains("自宅療養チーム").contains(careManager.nameKanji());
        assertThat(audit.rowsSince(proxyReading)).filteredOn(r -> "CareTeam".equals(r.resourceType()))
                .extracting(r -> r.action() + " " + r.outcome()).containsExactly("READ PERMIT");

        WebSession other = accounts.signedIn(port, colleague);
        assertThat(other.get("/portal/patients/" + person + "/care-team").statusCode()).isEqualTo(404);
        assertThat(other.post("/portal/care-teams/" + team + "/members", "user", String.valueOf(colleague.id()),
                "role", "HELPER").statusCode()).as("inviting themself").isEqualTo(404);
        assertThat(member.post("/portal/care-teams/" + UUID.randomUUID() + "/members", "user",
                String.valueOf(colleague.id())).statusCode()).as("a guessed team").isEqualTo(404);
        assertThat(other.get("/portal/care-teams").body()).doesNotContain(team);

        lead.get("/portal/patients/" + person + "/care-team");
        // issue 67: one click asks first (the member and the team named, what follows) and ends nothing
        String end = "/portal/care-teams/" + team + "/members/" + careManager.id() + "/end";
        String asked = WebSession.location(lead.post(end));
        assertThat(asked).isEqualTo("/portal/patients/" + person + "/care-team?confirm=" + team + "-" + careManager.id());
        assertThat(lead.get(asked).body())
                .contains("<details class=\"confirm\" id=\"end-member-" + careManager.id() + "\" open=\"open\">")
                .contains(careManager.nameKanji() + " さんを「").contains("」から外します。外すと、" + careManager.nameKanji()
                        + " さんはこのチームとしてこの患者の記録を見られず");
        assertThat(member.get("/portal/patients/" + person).statusCode()).as("still a member").isEqualTo(200);
        long ending = audit.max();
        lead.get("/portal/patients/" + person + "/care-team");
        HttpResponse<String> ended = lead.post(end, "confirmed", "yes");
        assertThat(WebSession.location(ended)).startsWith("/portal/care-teams/");
        assertThat(audit.rowsSince(ending)).extracting(r -> r.action() + " " + r.outcome())
                .containsExactly("READ PERMIT", "DELETE PERMIT");
        assertThat(member.get("/portal/patients/" + person).statusCode()).as("removed").isEqualTo(404);
        assertThat(member.get("/portal/care-teams").body()).doesNotContain(team);
    }

}

package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.phr.Residents;
import org.musubi.phr.otc.EnteredBy;
import org.musubi.phr.otc.OtcPages;
import org.musubi.phr.otc.SelfMedications;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Self-entered OTC drugs and supplements as an attacker tries them: another resident who learnt an entry's id cannot
 * open, change or end it (the same 404 as an id nobody has, nothing in the victim's audit trail, nothing changed); a
 * proxy whose grant ended adds nothing to the person's notebook (refused and audited by the policy); a clinician of a
 * facility without a link sees no notebook tab, so none of the entries.
 */
@MusubiIntegrationTest
class OtcAttackIT extends NetworkFixtures {

    @Autowired
    Residents residents;
    @Autowired
    SelfMedications medications;

    private Residents.Patient victim;
    private WebSession web;
    private String entry;

    @BeforeEach
    void aResidentWithAnOtcDrug() {
        victim = residents.patientAt(port, FacilityKind.HOSPITAL, "コウゲキクスリ");
        web = residents.logIn(port, residents.register(victim.personId()));
        web.get("/phr/medicines/otc/new");
        assertThat(web.post("/phr/medicines/otc", "kind", "otc-drug", "name", "ナイショノクスリ", "since",
                LocalDate.now().minusDays(3).toString()).statusCode()).isEqualTo(302);
        entry = OtcPages.only(web.get("/phr/medicines").body());
    }

    @Test
    void anotherResidentCannotOpenChangeOrEndAnEntryByItsId() {
        Residents.Patient other = residents.patientAt(port, FacilityKind.HOSPITAL, "コウゲキスル");
        Residents.Resident attacker = residents.register(other.personId());
        WebSession them = residents.logIn(port, attacker);
        them.get("/phr/medicines");
        String nobody = "0".repeat(8) + "-0000-4000-8000-" + "0".repeat(12);
        long before = audit.max();

        for (String id : new String[] {entry, nobody}) {
            assertThat(them.get("/phr/medicines/otc/" + id + "/edit").statusCode()).isEqualTo(404);
        }
        HttpResponse<String> change = them.post("/phr/medicines/otc/" + entry, "kind", "otc-drug", "name", "書き換え",
                "since", LocalDate.now().minusDays(3).toString());
        HttpResponse<String> changeNobody = them.post("/phr/medicines/otc/" + nobody, "kind", "otc-drug", "name", "書き換え",
                "since", LocalDate.now().minusDays(3).toString());
        HttpResponse<String> end = them.post("/phr/medicines/otc/" + entry + "/end", "confirmed", "yes");
        HttpResponse<String> endNobody = them.post("/phr/medicines/otc/" + nobody + "/end", "confirmed", "yes");
        HttpResponse<String> ask = them.post("/phr/medicines/otc/" + entry + "/end");
        HttpResponse<String> askNobody = them.post("/phr/medicines/otc/" + nobody + "/end");

        assertThat(change.statusCode()).isEqualTo(404);
        assertThat(end.statusCode()).isEqualTo(404);
        assertThat(withoutCsrf(change.body())).isEqualTo(withoutCsrf(changeNobody.body()));
        assertThat(withoutCsrf(end.body())).isEqualTo(withoutCsrf(endNobody.body()));
        assertThat(ask.statusCode()).as("asked (issue 67): as for an entry that does not exist").isEqualTo(404);
        assertThat(withoutCsrf(ask.body())).isEqualTo(withoutCsrf(askNobody.body()));
        assertThat(audit.forPatient(before, victim.person().regionalId())).as("the victim's record was not opened").isEmpty();
        assertThat(audit.forPatient(before, other.person().regionalId())).as("one refusal per attempt, alike")
                .containsExactly("READ DENY record.notFound", "READ DENY record.notFound", "UPDATE DENY record.notFound",
                        "UPDATE DENY record.notFound", "UPDATE DENY record.notFound", "UPDATE DENY record.notFound",
                        "READ DENY record.notFound", "READ DENY record.notFound");
        assertThat(medications.change(attacker.account().id(), EnteredBy.resident(), victim.personId(), entry,
                Map.of("kind", "otc-drug", "name", "直接", "since", LocalDate.now().toString()))).as("the policy refuses")
                .isEmpty();
        String page = web.get("/phr/medicines").body();
        assertThat(page).contains("ナイショノクスリ").doesNotContain("書き換え").doesNotContain("直接")
                .contains("id=\"otc-current\"");
    }

    @Test
    void aProxyWhoseGrantEndedAddsNothingToThePersonsNotebook() {
        Residents.Resident child = residents.register(residents.patientAt(port, victim.facility(), "コウゲキダイリ").personId());
        web.get("/phr/proxies");
        web.post("/phr/proxies", "loginId", child.account().loginId(), "until", LocalDate.now().plusDays(10).toString());
        WebSession proxy = residents.logIn(port, child);
        proxy.get("/phr/proxies");
        proxy.post("/phr/act-for", "personId", String.valueOf(victim.personId()));
        assertThat(proxy.get("/phr/medicines").body()).contains("ナイショノクスリ");

        jdbc.sql("UPDATE proxy_grant SET valid_to = now() - interval '1 minute' WHERE person_id = ?")
                .param(victim.personId()).update();
        assertThat(proxy.get("/phr/medicines").body()).as("back to their own notebook").doesNotContain("ナイショノクスリ");
        assertThat(proxy.get("/phr/medicines/otc/" + entry + "/edit").statusCode()).isEqualTo(404);
        assertThat(proxy.post("/phr/medicines/otc/" + entry + "/end", "confirmed", "yes").statusCode()).isEqualTo(404);
        assertThat(proxy.post("/phr/medicines/otc/" + entry + "/end").statusCode()).isEqualTo(404);
        long before = audit.max();
        assertThat(medications.add(child.account().id(), EnteredBy.proxy("子"), victim.personId(),
                Map.of("kind", "otc-drug", "name", "代理人の書き込み", "since", LocalDate.now().toString()))).isEmpty();
        assertThat(medications.end(child.account().id(), EnteredBy.proxy("子"), victim.personId(), entry)).isEmpty();
        assertThat(audit.forPatient(before, victim.person().regionalId()))
                .containsExactly("CREATE DENY policy.deny.proxyExpired", "UPDATE DENY policy.deny.proxyExpired");
        String page = web.get("/phr/medicines").body();
        assertThat(page).doesNotContain("代理人の書き込み").contains("id=\"otc-current\"");
    }

    @Test
    void aClinicianOfAnUnlinkedFacilitySeesNoneOfTheEntries() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        long before = audit.max();

        HttpResponse<String> tab = doctor.get("/portal/patients/" + victim.personId() + "/notebook");

        assertThat(tab.statusCode()).isEqualTo(404);
        assertThat(tab.body()).doesNotContain("ナイショノクスリ").doesNotContain("notebook-otc");
        assertThat(audit.forPatient(before, victim.person().regionalId())).hasSize(1).allMatch(r -> r.startsWith("READ DENY "));
    }

    private static String withoutCsrf(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}

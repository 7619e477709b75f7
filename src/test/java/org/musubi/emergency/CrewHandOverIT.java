package org.musubi.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.EmergencyAccess;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hand-over and afterwards, over real HTTP: the crew hands the person over to the receiving hospital, whose
 * emergency doctor finds it in the inbox on the home page, opens the same dataset (an emergency access of kind
 * HANDOVER, audited; each read one audit row with purpose EMERGENCY) and breaks the glass for more; every access shows
 * in the resident's access log (highlighted) and on the operators' review list, which records an outcome and flags
 * accesses waiting too long.
 */
@MusubiIntegrationTest
class CrewHandOverIT extends NetworkFixtures {

    @Autowired
    Crews crews;
    @Autowired
    Residents residents;
    @Autowired
    HandOvers handOvers;

    @Test
    void theCrewHandsOverAndTheReceivingDoctorOpensTheSameDatasetThenMoreUnderTheirOwnGlass() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        Facility er = accounts.newHospital();
        User paramedic = crews.paramedic();
        WebSession crew = accounts.signedIn(port, paramedic);
        crew.get("/emergency");
        Crews.open(crew, patient);

        String search = crew.get("/emergency/persons/" + patient.personId() + "/handover?q="
                + URLEncoder.encode(er.nameKanji(), StandardCharsets.UTF_8)).body();
        assertThat(search).contains("id=\"handover-" + er.id() + "\"");
        long before = audit.max();
        HttpResponse<String> handedOver = crew.post("/emergency/persons/" + patient.personId() + "/handover",
                "facility", String.valueOf(er.id()));
        assertThat(WebSession.location(handedOver)).isEqualTo("/emergency/persons/" + patient.personId() + "?handedOver");
        assertThat(audit.forPatient(before, patient.person().regionalId())).singleElement().asString()
                .startsWith("EMERGENCY_HANDOVER PERMIT hand-over ");
        assertThat(crew.get("/emergency/persons/" + patient.personId()).body()).contains("id=\"handed-over\"")
                .contains(er.nameKanji());
        HandOver handOver = handOvers.liveFor(er.id(), Instant.now()).getFirst();
        assertThat(handOver.personId()).isEqualTo(patient.personId());

        User doctor = accounts.memberOf(er, Profession.DOCTOR);
        WebSession erDoctor = accounts.signedIn(port, doctor);
        String home = erDoctor.get("/").body();
        assertThat(home).contains("id=\"er-inbox\"").contains("/emergency/handovers/" + handOver.token())
                .as("no patient data before it is opened").doesNotContain(patient.person().givenKana());
        assertThat(erDoctor.get("/portal/patients/" + patient.personId() + "?purpose=EMERGENCY").statusCode())
                .as("nothing before the hand-over is opened").isEqualTo(404);

        before = audit.max();
        HttpResponse<String> opened = erDoctor.get("/emergency/handovers/" + handOver.token());
        assertThat(WebSession.location(opened)).isEqualTo("/emergency/persons/" + patient.personId());
        HttpResponse<String> dataset = erDoctor.get("/emergency/persons/" + patient.personId());
        assertThat(dataset.statusCode()).isEqualTo(200);
        assertThat(dataset.body()).contains("ペニシリン系抗菌薬").contains("id=\"glass-form\"").doesNotContain("id=\"dataset-handover\"");
        List<AuditRows.Row> rows = audit.rows(before, doctor.loginId());
        assertThat(rows).extracting(AuditRows.Row::action).containsExactly("EMERGENCY_OPEN", "READ");
        assertThat(rows).extracting(AuditRows.Row::purpose).containsOnly("EMERGENCY");
        assertThat(rows.get(1).resourceType()).isEqualTo("emergency-dataset");

        long again = audit.max();
        erDoctor.get("/emergency/handovers/" + handOver.token());
        erDoctor.get("/emergency/persons/" + patient.personId());
        assertThat(audit.rows(again, doctor.loginId())).as("opening again reuses the access: one row, the read")
                .extracting(AuditRows.Row::action).containsExactly("READ");
        assertThat(consents.emergencies(patient.personId())).extracting(EmergencyAccess::kind)
                .containsExactly(EmergencyAccess.Kind.CREW, EmergencyAccess.Kind.HANDOVER);
        assertThat(consents.links(patient.personId())).as("a hand-over never links the hospital").isEmpty();

        HttpResponse<String> glass = erDoctor.post("/emergency/persons/" + patient.personId() + "/glass",
                "reason", "救急外来で経過を確認", "password", TestAccounts.PASSWORD);
        assertThat(WebSession.location(glass)).isEqualTo("/portal/patients/" + patient.personId() + "?purpose=EMERGENCY");
        assertThat(consents.emergencies(patient.personId())).extracting(EmergencyAccess::kind)
                .containsExactly(EmergencyAccess.Kind.CREW, EmergencyAccess.Kind.HANDOVER, EmergencyAccess.Kind.GLASS);
    }

    @Test
    void everyEmergencyAccessShowsInTheResidentsLogAndOnTheOperatorsListWhichRecordsAnOutcome() {
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        Residents.Resident resident = residents.register(patient.personId());
        Facility er = accounts.newHospital();
        WebSession crew = new WebSession(port);
        User paramedic = crews.paramedic();
        accounts.logIn(crew, paramedic);
        crew.get("/emergency");
        Crews.open(crew, patient);
        crew.get("/emergency/persons/" + patient.personId());
        crew.post("/emergency/persons/" + patient.personId() + "/handover", "facility", String.valueOf(er.id()));
        HandOver handOver = handOvers.liveFor(er.id(), Instant.now()).getFirst();
        WebSession erDoctor = accounts.signedIn(port, accounts.memberOf(er, Profession.DOCTOR));
        erDoctor.get("/emergency/handovers/" + handOver.token());
        erDoctor.get("/emergency/persons/" + patient.personId());

        String log = residents.logIn(port, resident).get("/phr/access-log").body();
        assertThat(log).contains("class=\"emergency\"").contains(er.nameKanji());
        assertThat(log).as("the hand-over is its own line, naming where the crew took the resident")
                .contains("class=\"emergency handover\"", "救急時の引き継ぎ", "→ " + er.nameKanji());

        List<EmergencyAccess> accesses = consents.emergencies(patient.personId());
        jdbc.sql("UPDATE emergency_access SET opened_at = opened_at - interval '73 hours' WHERE id = ?")
                .param(accesses.getFirst().id()).update();
        // older than most others waiting (the list shows the oldest first), but not overdue
        jdbc.sql("UPDATE emergency_access SET opened_at = opened_at - interval '71 hours' WHERE id = ?")
                .param(accesses.get(1).id()).update();
        WebSession admin = accounts.signedIn(port, accounts.networkAdmin());
        String list = admin.get("/admin/emergency").body();
        String crewRow = row(list, accesses.getFirst().id());
        assertThat(crewRow).contains("data-kind=\"CREW\"").contains("救急隊").contains("本人確認ができない")
                .contains(paramedic.loginId()).contains(er.nameKanji())
                .contains("確認期限超過").contains("overdue");
        assertThat(viewed(crewRow)).as("what the crew viewed, in words").containsExactly("救急用の最小限の情報（救急隊の画面） 1回");
        String erRow = row(list, accesses.get(1).id());
        assertThat(erRow).contains("data-kind=\"HANDOVER\"").doesNotContain("確認期限超過")
                .contains(paramedic.nameKanji() + " さんからの引き継ぎ（")
                .doesNotContain("#" + handOver.id()).doesNotContain("emergency-dataset");
        assertThat(viewed(erRow)).containsExactly("救急用の最小限の情報（救急隊の画面） 1回");
        assertThat(list).contains("id=\"emergency-overdue\"");

        admin.post("/admin/emergency/" + accesses.getFirst().id() + "/review", "outcome", "APPROPRIATE",
                "note", "心肺停止の搬送、記録と一致");
        EmergencyAccess reviewed = consents.emergency(accesses.getFirst().id()).orElseThrow();
        assertThat(reviewed.reviewedAt()).isNotNull();
        assertThat(reviewed.reviewOutcome()).isEqualTo(EmergencyAccess.ReviewOutcome.APPROPRIATE);
        assertThat(admin.get("/admin/emergency").body()).doesNotContain("data-access=\"" + accesses.getFirst().id() + "\"");
    }

    /** What the review column says was viewed, one text per page read. */
    private static List<String> viewed(String row) {
        int cell = row.indexOf("<td class=\"viewed\">");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<span[^>]*>([^<]*)</span>")
                .matcher(row.substring(cell, row.indexOf("</td>", cell)));
        List<String> texts = new java.util.ArrayList<>();
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    private static String row(String page, long accessId) {
        int at = page.indexOf("data-access=\"" + accessId + "\"");
        assertThat(at).as("access " + accessId + " listed").isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }
}

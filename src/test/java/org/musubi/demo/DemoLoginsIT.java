package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.disaster.DisasterMode;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In demo mode the login page names a demo account of every role — the operator, a doctor, a nurse, a pharmacist, a
 * clinic's doctor, a pharmacy's pharmacist, a care manager, a visiting nurse, a clerk, an ambulance crew member, a
 * doctor of the disaster responder hospital, a public-health officer, a municipal officer, a researcher and a radiologist —
 * each with its role and facility, in Japanese and in English; and that hospital is designated as a responder.
 */
@MusubiIntegrationTest
class DemoLoginsIT {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    Facilities facilities;
    @Autowired
    DisasterMode disasterMode;

    @Test
    void loginPageNamesTheDemoAccountOfEveryRoleWithItsFacility() {
        HttpResponse<String> page = new WebSession(port).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"demo-logins\"", "デモのログインID");
        for (String login : new String[] {"admin", "doctor1", "nurse1", "pharmacist1", "doctor5", "pharmacist3", "noehr1",
            "caremanager1", "nurse8", "clerk1", "paramedic1", "doctor3", "hokenjo1", "municipal1", "researcher1",
            "radiologist1"}) {
            assertThat(page.body()).as(login).contains("data-login=\"" + login + "\"");
        }
        assertThat(page.body()).contains("ネットワーク管理者（事務局）", "訪問看護師", "救急隊員", "災害対応施設（DMAT）の医師",
                "（" + facilityOf("paramedic1").nameKanji() + "）", "（" + facilityOf("nurse8").nameKanji() + "）",
                "診療所の医師", "保険薬局の薬剤師", "電子カルテのない診療所の医師", "保健所の職員（感染症サーベイランス）", "市町村の職員", "研究者", "放射線科医",
                "（" + facilityOf("doctor5").nameKanji() + "）", "（" + facilityOf("pharmacist3").nameKanji() + "）",
                "（" + facilityOf("hokenjo1").nameKanji() + "）", "（" + facilityOf("municipal1").nameKanji() + "）");
        assertThat(page.body()).doesNotContain("login.demo.");
    }

    @Test
    void inEnglishTheRolesReadInEnglish() {
        HttpResponse<String> page = new WebSession(port).get("/login?lang=en");

        assertThat(page.body()).contains("Demo log-ins", "Network operator (secretariat)", "Visiting nurse",
                "Ambulance crew", "disaster responder (DMAT) hospital", "data-login=\"paramedic1\"", "Clinic doctor",
                "Community pharmacy pharmacist", "Doctor of a clinic without an EHR", "Public-health office officer", "Municipal officer", "Researcher",
                "Radiologist");
    }

    @Test
    void theNamedAccountsHoldTheRolesTheyAreNamedFor() {
        assertThat(user("admin").networkAdmin()).isTrue();
        assertThat(user("doctor1").profession()).isEqualTo(Profession.DOCTOR);
        assertThat(user("pharmacist1").profession()).isEqualTo(Profession.PHARMACIST);
        assertThat(user("caremanager1").profession()).isEqualTo(Profession.CARE_MANAGER);
        assertThat(user("nurse8").profession()).isEqualTo(Profession.NURSE);
        assertThat(facilityOf("nurse8").kind().name()).isEqualTo("HOME_NURSING_STATION");
        assertThat(user("clerk1").profession()).isEqualTo(Profession.MEDICAL_CLERK);
        assertThat(user("paramedic1").profession()).isEqualTo(Profession.PARAMEDIC);
        assertThat(facilityOf("paramedic1").kind().name()).isEqualTo("FIRE_DEPARTMENT");
        assertThat(user("doctor3").profession()).isEqualTo(Profession.DOCTOR);
        assertThat(user("doctor5").profession()).isEqualTo(Profession.DOCTOR);
        assertThat(facilityOf("doctor5").kind().name()).isEqualTo("CLINIC");
        assertThat(user("pharmacist3").profession()).isEqualTo(Profession.PHARMACIST);
        assertThat(facilityOf("pharmacist3").kind().name()).isEqualTo("PHARMACY");
        assertThat(user("noehr1").profession()).isEqualTo(Profession.DOCTOR);
        assertThat(facilityOf("noehr1").kind().name()).isEqualTo("CLINIC");
        assertThat(facilityOf("noehr1").nameKanji()).isEqualTo("岡田内科医院");
        assertThat(facilityOf("hokenjo1").kind().name()).isEqualTo("PUBLIC_HEALTH_CENTER");
        assertThat(user("municipal1").profession()).isEqualTo(Profession.MUNICIPAL_STAFF);
        assertThat(facilityOf("municipal1").kind().name()).isEqualTo("MUNICIPALITY");
        assertThat(user("researcher1").profession()).isEqualTo(Profession.DOCTOR);
        assertThat(user("radiologist1").profession()).isEqualTo(Profession.DOCTOR);
        assertThat(facilityOf("radiologist1").kind().name()).isEqualTo("HOSPITAL");
        assertThat(disasterMode.responder(facilityOf("doctor3").id())).as("doctor3's hospital is a disaster responder")
                .isTrue();
        assertThat(disasterMode.responder(facilityOf("doctor1").id())).isFalse();
    }

    @Test
    void readmeNamesTheSameAccountsWithTheirRunningFacilities() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Logging in to the demo"), readme.indexOf("### First tour"));
        Matcher rows = Pattern.compile("(?m)^\\| `([a-z0-9]+)` \\| [^|]+ \\| ([^|]+) \\|$")
                .matcher(section);
        List<String> named = new ArrayList<>();
        while (rows.find()) {
            named.add(rows.group(1));
            String facility = rows.group(2).strip();
            if (rows.group(1).equals("admin")) {
                assertThat(facility).isEqualTo("—");
            } else {
                assertThat(facility).as(rows.group(1)).startsWith(facilityOf(rows.group(1)).nameKanji());
            }
        }
        assertThat(named).containsExactly("admin", "doctor1", "nurse1", "pharmacist1", "doctor5", "pharmacist3", "noehr1",
                "caremanager1", "nurse8", "clerk1", "paramedic1", "doctor3", "hokenjo1", "municipal1", "researcher1",
                "radiologist1");
    }

    private User user(String loginId) {
        return users.findByLoginId(loginId).orElseThrow();
    }

    private Facility facilityOf(String loginId) {
        return user(loginId).actingFacilityId().flatMap(facilities::find).orElseThrow();
    }
}

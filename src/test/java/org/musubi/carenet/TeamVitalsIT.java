package org.musubi.carenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.emergency.Crews;
import org.musubi.phr.Residents;
import org.musubi.phr.vitals.VitalsForms;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 64, item 2, over real HTTP: a visiting nurse enters SpO2 and blood pressure in her team's workspace; the hospital's
 * doctor reads them with the vital signs on the chart (バイタル, in Japanese, beside the hospital's temperature and the
 * resident's own SpO2 — never その他 nor LOINC's English names), an ambulance crew reads them in the emergency dataset's
 * 最近のバイタルサイン, and the resident reads them in the notebook's latest values, named by the station. Stored, they
 * are coded as the notebook codes the same measure (the notebook's own coding aside).
 */
@MusubiIntegrationTest
class TeamVitalsIT extends NetworkFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A timeline entry as a person reads its line: the kind's label, then the title. */
    private static final Pattern ENTRY = Pattern.compile(
            "<span class=\"kind\">([^<]*)</span>\\s*<span class=\"title\">([^<]*)</span>");

    @Autowired
    CareTeams teams;
    @Autowired
    Crews crews;
    @Autowired
    Residents residents;

    @Test
    void aVisitingNursesSpo2AndBloodPressureReadAsVitalSignsOnTheChartTheCrewsDatasetAndTheNotebook() {
        // a hospital's patient (a temperature of 38.4 ℃ sent by the hospital yesterday) with a home-care team
        Residents.Patient patient = crews.patient(port, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY));
        consents.link(patient.personId(), patient.facility().id(), accounts.networkAdmin().id());
        HomeCareTeam t = HomeCareTeam.of(accounts, teams, patient.facility(), patient.personId());
        // the resident measured her SpO2 herself this morning
        WebSession notebook = residents.logIn(port, residents.register(patient.personId()));
        assertThat(VitalsForms.save(notebook, VitalsForms.ago(120), "spo2", "95").statusCode()).isEqualTo(302);

        WebSession nurse = accounts.signedIn(port, t.nurse());
        String workspace = "/portal/care-teams/" + t.team().id();
        assertThat(nurse.get(workspace).statusCode()).isEqualTo(200);
        HttpResponse<String> saved = nurse.post(workspace + "/vitals", "systolic", "132", "diastolic", "78",
                "spo2", "96");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).doesNotContain("invalid");

        // stored as the notebook codes the same measure: LOINC 59408-5 with 2708-6, the Japanese name, the categories
        JsonNode teamSpo2 = stored(patient.personId(), t.station().id(), "59408-5");
        JsonNode ownSpo2 = stored(patient.personId(), notebookFacility(), "59408-5");
        assertThat(withoutNotebookCoding(teamSpo2.path("code"))).isEqualTo(withoutNotebookCoding(ownSpo2.path("code")));
        assertThat(teamSpo2.path("code").path("text").asString()).isEqualTo("SpO2");
        assertThat(teamSpo2.path("category")).isEqualTo(ownSpo2.path("category"));
        assertThat(teamSpo2.path("meta").path("profile")).isEqualTo(ownSpo2.path("meta").path("profile"));
        assertThat(teamSpo2.path("valueQuantity").path("code").asString()).isEqualTo("%");
        JsonNode panel = stored(patient.personId(), t.station().id(), "85354-9");
        assertThat(panel.path("code").path("text").asString()).isEqualTo("血圧");
        assertThat(panel.path("component").findValuesAsString("text")).containsExactly("収縮期血圧", "拡張期血圧");

        // the doctor's chart: with the vital signs, in Japanese
        User doctor = t.doctor();
        List<String> chart = entries(accounts.signedIn(port, doctor).get("/portal/patients/" + patient.personId())
                .body());
        assertThat(chart).contains("バイタル: SpO2 96 %", "バイタル: 血圧 収縮期血圧 132 mmHg / 拡張期血圧 78 mmHg",
                "バイタル: SpO2 95 %", "バイタル: 体温 38.4 ℃");
        assertThat(chart).noneMatch(line -> line.startsWith("その他"))
                .noneMatch(line -> line.contains("Oxygen") || line.contains("Blood pressure"));

        // the crew's dataset: the newest SpO2 (the nurse's) and her blood pressure among the recent vital signs
        WebSession crew = accounts.signedIn(port, crews.paramedic());
        Crews.open(crew, patient);
        List<String> vitals = datasetVitals(crew.get("/emergency/persons/" + patient.personId()).body());
        assertThat(vitals).contains("SpO2 96 %", "血圧 収縮期血圧 132 mmHg / 拡張期血圧 78 mmHg", "体温 38.4 ℃")
                .doesNotContain("SpO2 95 %")
                .noneMatch(line -> line.contains("Oxygen") || line.contains("Blood pressure"));

        // the resident's notebook: the nurse's values are the latest, named by her station
        String page = notebook.get("/phr/vitals").body();
        assertThat(latest(page, "spo2")).contains("96").contains("%").contains(t.station().nameKanji())
                .doesNotContain(">95<");
        assertThat(latest(page, "systolic")).contains("132").contains(t.station().nameKanji());
        assertThat(latest(page, "diastolic")).contains("78");
    }

    private long notebookFacility() {
        return jdbc.sql("SELECT id FROM facility WHERE kind = 'PERSONAL_HEALTH_RECORD'").query(Long.class).single();
    }

    /** The person's newest Observation stored by {@code facility} with this LOINC code (as its JSON). */
    private JsonNode stored(long person, long facility, String loinc) {
        return JSON.readTree(jdbc.sql("""
                        SELECT r.content::text FROM resource r JOIN person_link l ON l.source_patient_id = r.patient_key
                        WHERE r.type = 'Observation' AND l.person_id = ? AND r.source_facility = ?
                          AND r.content::text LIKE ?
                        ORDER BY r.last_updated DESC LIMIT 1""")
                .param(person).param(facility).param("%\"" + loinc + "\"%").query(String.class).single());
    }

    /** A code without the notebook's own coding (only the notebook writes it). */
    private static List<JsonNode> withoutNotebookCoding(JsonNode code) {
        List<JsonNode> codings = new java.util.ArrayList<>();
        code.path("coding").forEach(c -> {
            if (!c.path("system").asString().startsWith("urn:musubi:phr")) {
                codings.add(c);
            }
        });
        return codings;
    }

    private static List<String> entries(String chart) {
        return ENTRY.matcher(chart).results().map(m -> m.group(1).strip() + ": " + m.group(2).strip()).toList();
    }

    private static List<String> datasetVitals(String page) {
        int from = page.indexOf("id=\"dataset-vitals\"");
        assertThat(from).as("the dataset's vital signs").isPositive();
        String part = page.substring(from, page.indexOf("</section>", from));
        return Pattern.compile("<li><span>([^<]*)</span> <strong>([^<]*)</strong>").matcher(part).results()
                .map(m -> m.group(1).strip() + " " + m.group(2).strip()).toList();
    }

    private static String latest(String page, String vital) {
        Matcher item = Pattern.compile("<li data-vital=\"" + vital + "\">(.*?)</li>", Pattern.DOTALL).matcher(page);
        assertThat(item.find()).as("latest " + vital).isTrue();
        return item.group(1);
    }
}

package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.phr.ResidentFixtures;
import org.musubi.phr.Residents;
import org.musubi.phr.vitals.VitalsForms;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;

/**
 * The notebook's vital signs tried as an attacker would: a resident naming another person in the form, the CSV
 * import, the export or a chart (no request names a person: the values are always the resident's own, and the other
 * person's record is untouched and unread); staff and operator sessions, and no session, reach none of it.
 */
@MusubiIntegrationTest
class PhrVitalsAttackIT extends ResidentFixtures {

    private Facility hospital;
    private long victimId;
    private Person victim;
    private WebSession victimSession;
    private long attackerId;
    private WebSession attacker;

    @BeforeEach
    void twoResidents() {
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        victimId = newPerson("マモラレ");
        victim = identities.person(victimId).orElseThrow().person();
        victimSession = residents.logIn(port, register(victimId));
        attackerId = newPerson("ネラウ");
        attacker = residents.logIn(port, register(attackerId));
        save(victimSession, "weight", "77.7", "pulse", "91");
    }

    @Test
    void aResidentNamingAnotherPersonInTheFormOrTheImportRecordsOnlyForThemself() {
        long before = audit.max();
        List<String> victimsRecord = record(victimId);

        HttpResponse<String> posted = save(attacker, "weight", "55.5", "personId", String.valueOf(victimId),
                "person", String.valueOf(victimId), "patient", victim.regionalId());
        HttpResponse<String> imported = VitalsForms.upload(attacker, "/phr/vitals/import?personId=" + victimId,
                "日時(datetime),項目(measure),値(value),単位(unit)\n" + ago(90).replace('T', ' ') + ",pulse,66,/min\n");

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(record(victimId)).as("the victim's record is untouched").isEqualTo(victimsRecord);
        assertThat(audit.forPatient(before, victim.regionalId())).as("and never opened").isEmpty();
        assertThat(attacker.get("/phr/vitals").body()).contains("55.5").contains("66").doesNotContain("77.7");
        assertThat(victimSession.get("/phr/vitals").body()).contains("77.7").doesNotContain("55.5");
    }

    @Test
    void noRequestReadsAnotherPersonsValuesWhateverItNames() {
        long before = audit.max();

        HttpResponse<String> csv = attacker.send(HttpRequest.newBuilder(URI.create(attacker.base()
                + "/phr/vitals.csv?personId=" + victimId + "&person=" + victimId)).GET().header("Accept", "*/*"));
        String chart = attacker.get("/phr/vitals/weight?range=all&personId=" + victimId).body();
        String page = attacker.get("/phr/vitals?personId=" + victimId).body();

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).doesNotContain("77.7").doesNotContain("91");
        assertThat(chart).contains("id=\"chart-empty\"").doesNotContain("77.7");
        assertThat(page).doesNotContain("77.7");
        assertThat(audit.forPatient(before, victim.regionalId())).isEmpty();
    }

    @Test
    void staffOperatorsAndStrangersReachNoVitalsPageNorTheirCsv() {
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        List<String> before = record(victimId);

        for (WebSession staff : List.of(doctor, operator)) {
            staff.get("/");
            assertThat(staff.post("/phr/vitals", "when", ago(10), "weight", "99.9").statusCode()).isEqualTo(403);
            assertThat(staff.get("/phr/vitals").statusCode()).isEqualTo(403);
            assertThat(staff.get("/phr/vitals/weight").statusCode()).isEqualTo(403);
            assertThat(staff.send(HttpRequest.newBuilder(URI.create(staff.base() + "/phr/vitals.csv")).GET()
                    .header("Accept", "*/*")).statusCode()).isEqualTo(403);
        }
        WebSession stranger = new WebSession(port);
        assertThat(stranger.get("/phr/vitals").statusCode()).isIn(302, 401);
        assertThat(stranger.send(HttpRequest.newBuilder(URI.create(stranger.base() + "/phr/vitals.csv")).GET()
                .header("Accept", "*/*")).statusCode()).isIn(302, 401);
        assertThat(stranger.postRaw("/phr/vitals", Map.of("weight", "99.9")).statusCode()).isIn(302, 401, 403);
        assertThat(record(victimId)).isEqualTo(before);
    }

    private long newPerson(String kana) {
        return residents.patientAt(port, hospital, kana).personId();
    }

    private Residents.Resident register(long person) {
        return residents.register(person);
    }

    private static String ago(long minutes) {
        return VitalsForms.ago(minutes);
    }

    private static HttpResponse<String> save(WebSession web, String... values) {
        return VitalsForms.save(web, ago(60), values);
    }

    /** Every resource (with its version) of every source patient of the person. */
    private List<String> record(long person) {
        return jdbc.sql("""
                SELECT r.type || '/' || r.id || '/' || r.version FROM resource r
                JOIN person_link l ON l.source_patient_id = r.patient_key WHERE l.person_id = ? ORDER BY r.id""")
                .param(person).query(String.class).list();
    }
}

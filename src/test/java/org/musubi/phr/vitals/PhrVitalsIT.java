package org.musubi.phr.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.consent.Consents;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.cards.IssueCard;
import org.musubi.phr.Residents;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * からだの記録 over real HTTP: a resident records several values at once, a partial entry, and is refused an impossible
 * value by name with nothing of that entry saved; sees charts over a week, a month, a year and everything with the
 * gaps marked; exports their own values as CSV and imports it again without storing anything new, a bad row named by
 * line and field. Every save and read is one audit row. A clinic linked with consent sees the values in its viewer as
 * the notebook's data; a clinic without a link and another resident see nothing of them.
 */
@MusubiIntegrationTest
class PhrVitalsIT {

    private static final String SELF = "policy.permit.patientSelfAccess";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard cards;
    @Autowired
    Consents consents;
    @Autowired
    Residents residents;
    @Autowired
    Facilities facilities;
    @Autowired
    AuditRows audit;
    @Autowired
    JdbcClient jdbc;

    private Facility hospital;
    private long personId;
    private Person person;
    private Residents.Resident resident;
    private WebSession web;

    @BeforeEach
    void aResidentLoggedIntoTheirNotebook() {
        hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        personId = newPerson("カラダ");
        person = identities.person(personId).orElseThrow().person();
        resident = register(personId);
        web = residents.logIn(port, resident);
    }

    @Test
    void severalValuesAtOnceAreOneAuditedSaveUnderTheResidentsOwnSourceWithTheBmiComputed() {
        long before = audit.max();

        HttpResponse<String> saved = save(web, ago(60), "weight", "65.2", "height", "160.0", "systolic", "128",
                "diastolic", "82", "pulse", "72");

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).isEqualTo("/phr/vitals?saved=5");
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly(
                "IDENTITY_LINK PERMIT SELF_REGISTRATION: the resident's own entries in the health notebook",
                "CREATE PERMIT " + SELF);
        SourcePatient own = ownSource();
        assertThat(identities.personOf(own.id())).contains(personId);
        assertThat(own.localId()).as("server-made, unguessable").matches("[0-9a-f-]{36}");
        assertThat(stored(own)).containsExactlyInAnyOrder("Observation", "Observation", "Observation", "Observation",
                "Observation", "Patient", "Provenance");
        List<String> named = audit.resourceIds(before, resident.account().loginId()).getLast();
        assertThat(named).hasSize(7).anyMatch(r -> r.startsWith("Provenance/")).anyMatch(r -> r.startsWith("Patient/"));

        long read = audit.max();
        String page = web.get("/phr/vitals").body();
        assertThat(latest(page, "weight")).contains("65.2").contains("ご本人の記録");
        assertThat(latest(page, "bmi")).as("65.2 kg at 160 cm").contains("25.5");
        assertThat(latest(page, "systolic")).contains("128");
        assertThat(latest(page, "diastolic")).contains("82");
        assertThat(latest(page, "pulse")).contains("72");
        assertThat(audit.forPatient(read, person.regionalId())).containsExactly("SEARCH PERMIT " + SELF);
    }

    @Test
    void aPartialEntrySavesWhatIsGivenAndALaterWeightTakesTheStoredHeightForItsBmi() {
        save(web, ago(180), "height", "170.0");
        SourcePatient own = ownSource();
        int before = stored(own).size();
        long seq = audit.max();

        HttpResponse<String> saved = save(web, ago(120), "temperature", "36.8", "weight", "", "systolic", "");

        assertThat(WebSession.location(saved)).isEqualTo("/phr/vitals?saved=1");
        assertThat(stored(own)).hasSize(before + 2).as("the temperature and its Provenance");
        assertThat(audit.forPatient(seq, person.regionalId())).containsExactly("CREATE PERMIT " + SELF);

        save(web, ago(60), "weight", "72.3");
        String page = web.get("/phr/vitals").body();
        assertThat(latest(page, "temperature")).contains("36.8");
        assertThat(latest(page, "bmi")).as("72.3 kg at the 170 cm recorded before").contains("25.0");
    }

    @Test
    void anImpossibleValueRefusesTheWholeEntryNamingTheFieldAndNothingIsSaved() {
        save(web, ago(240), "pulse", "70");
        int before = stored(ownSource()).size();
        long seq = audit.max();

        HttpResponse<String> refused = save(web, ago(30), "weight", "65.0", "temperature", "50.2", "spo2", "101");

        assertThat(refused.statusCode()).as("the form again, with its faults").isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"temperature\"").contains("data-field=\"spo2\"")
                .contains("体温（℃）: 30〜45 の範囲の値だけ記録できます。").contains("SpO2（%）: 50〜100 の範囲の値だけ記録できます。")
                .as("what was typed is kept").contains("value=\"50.2\"").contains("value=\"65.0\"");
        assertThat(stored(ownSource())).hasSize(before);
        assertThat(audit.forPatient(seq, person.regionalId())).as("nothing read or written").isEmpty();
        web.get("/phr?lang=en");
        HttpResponse<String> english = save(web, ago(30), "pulse", "300");
        assertThat(english.body()).contains("Pulse (/min): Only values from 20 to 250 can be recorded.");
        web.get("/phr?lang=ja");
    }

    @Test
    void chartsOverAWeekAMonthAYearAndEverythingShowTheirValuesWithGapsAndOneAuditRowEach() {
        for (long hoursAgo : new long[] {1, 24, 24 * 5, 24 * 20, 24 * 200, 24 * 500}) {
            save(web, ago(hoursAgo * 60), "weight", String.valueOf(60 + hoursAgo % 7));
        }
        long seq = audit.max();

        String week = chart("weight", "week");
        assertThat(rows(week)).hasSize(3);
        assertThat(rows(chart("weight", "month"))).hasSize(4);
        assertThat(rows(chart("weight", "year"))).hasSize(5);
        String all = chart("weight", "all");
        assertThat(rows(all)).hasSize(6);
        assertThat(gaps(week)).as("four days without a value in a week's chart").containsExactly("false", "true", "false");
        assertThat(gaps(all)).as("500 → 200 → 20 days ago are gaps of everything's chart").containsExactly(
                "false", "true", "true", "false", "false", "false");
        assertThat(all).contains("<canvas id=\"vitals-chart\"").contains("/js/phr-vitals.js")
                .containsPattern("<script src=\"/webjars/chart\\.js/[^\"]*chart\\.umd\\.js\"></script>")
                .doesNotContain("<script>");
        assertThat(audit.forPatient(seq, person.regionalId())).as("one row per chart page").containsExactly(
                "SEARCH PERMIT " + SELF, "SEARCH PERMIT " + SELF, "SEARCH PERMIT " + SELF, "SEARCH PERMIT " + SELF);
        assertThat(chart("steps", "week")).contains("id=\"chart-empty\"");
        assertThat(chart("weight", "nonsense")).as("an unknown range is a week").contains("data-range=\"week\"");
        assertThat(web.get("/phr/vitals/shoe-size").statusCode()).isEqualTo(404);
    }

    @Test
    void theCsvExportReimportsWithoutStoringAnythingNewAndABadRowIsNamedByLineAndField() {
        save(web, ago(300), "weight", "64.0", "height", "158.5");
        save(web, ago(200), "systolic", "131", "diastolic", "85", "steps", "8000", "glucose-after-meal", "142");
        long seq = audit.max();

        HttpResponse<String> csv = export(web);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("vitals.csv");
        assertThat(csv.body()).startsWith("\uFEFF日時(datetime),項目(measure),値(value),単位(unit)\r\n")
                .contains(",weight,64.0,kg\r\n").contains(",height,158.5,cm\r\n").contains(",bmi,25.5,kg/m2\r\n")
                .contains(",systolic,131,mm[Hg]\r\n").contains(",diastolic,85,mm[Hg]\r\n").contains(",steps,8000,/d\r\n")
                .contains(",glucose-after-meal,142,mg/dL\r\n");
        assertThat(csv.body().lines()).hasSize(8);
        assertThat(audit.forPatient(seq, person.regionalId())).containsExactly("EXPORT PERMIT " + SELF);

        SourcePatient own = ownSource();
        List<String> versions = versions(own);
        seq = audit.max();
        HttpResponse<String> again = upload(web, csv.body());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("6行を取り込みました（新しい記録・変わった記録：0件）。")
                .contains("BMI の行（1行）は取り込みません");
        assertThat(versions(own)).as("nothing new stored").isEqualTo(versions);
        assertThat(audit.forPatient(seq, person.regionalId())).containsExactly("CREATE PERMIT " + SELF);

        String day = LocalDateTime.now(VitalsEntry.JAPAN).minusDays(2).toLocalDate().toString();
        HttpResponse<String> mixed = upload(web, VitalsCsv.HEADER + "\n" + day + " 07:00,temperature,36.4,Cel\n"
                + day + " 07:00,weight,6500,kg\n" + day + " 07:05,pulse,68,/min\n");
        assertThat(mixed.body()).contains("data-line=\"3\"").contains("3行目 体重（kg）: 1〜400 の範囲の値だけ記録できます。")
                .contains("2行を取り込みました（新しい記録・変わった記録：2件）。");
        assertThat(versions(own)).hasSize(versions.size() + 3).as("temperature, pulse and their Provenance");
        assertThat(rows(chart("temperature", "week"))).hasSize(1);
        HttpResponse<String> nothing = upload(web, "this is not, a csv");
        assertThat(nothing.statusCode()).isEqualTo(200);
        assertThat(nothing.body()).contains("取り込める行がありませんでした").contains("1行目 行:");
    }

    @Test
    void aValueRewrittenAtTheSameMomentIsShownAsRewrittenOnTheChartAndAmongTheLatestValues() {
        String when = ago(90);
        save(web, when, "weight", "60.0");
        assertThat(chart("weight", "week")).contains("data-value=\"60.0\"");
        assertThat(latest(web.get("/phr/vitals").body(), "weight")).contains("60.0");

        save(web, when, "weight", "61.5");

        String page = chart("weight", "week");
        assertThat(page).as("the new version, not what was read before").contains("data-value=\"61.5\"")
                .doesNotContain("data-value=\"60.0\"");
        assertThat(rows(page)).hasSize(1);
        assertThat(latest(web.get("/phr/vitals").body(), "weight")).contains("61.5").doesNotContain("60.0");
    }

    @Test
    void aLinkedClinicsDoctorSeesTheVitalsAsTheNotebooksDataAndAClinicWithoutALinkDoesNot() {
        save(web, ago(60), "weight", "66.6", "temperature", "37.1");
        long admin = accounts.networkAdmin().id();
        consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consents.link(personId, clinic.id(), admin);
        Facility notebook = facilities.personalHealthRecord().orElseThrow();

        WebSession doctor = new WebSession(port);
        accounts.logIn(doctor, accounts.memberOf(clinic, Profession.DOCTOR));
        HttpResponse<String> chart = doctor.get("/portal/patients/" + personId);

        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("体重 66.6 kg").contains("体温 37.1 ℃")
                .contains("data-facility=\"" + notebook.id() + "\"").contains("健康手帳（本人記録）");

        long before = audit.max();
        HttpResponse<String> notebookTab = doctor.get("/portal/patients/" + personId + "/notebook");
        assertThat(notebookTab.statusCode()).isEqualTo(200);
        assertThat(notebookTab.body()).contains("id=\"patient-reported\"").contains("体重 66.6 kg")
                .contains("本人記録");
        assertThat(audit.forPatient(before, identities.person(personId).orElseThrow().person().regionalId()))
                .as("the notebook tab is one audited read").singleElement().asString().startsWith("READ PERMIT");

        WebSession unlinked = new WebSession(port);
        accounts.logIn(unlinked, accounts.memberOf(accounts.newHospital(), Profession.DOCTOR));
        HttpResponse<String> refused = unlinked.get("/portal/patients/" + personId);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("66.6");
        assertThat(unlinked.get("/portal/patients/" + personId + "/notebook").body()).doesNotContain("66.6");
    }

    @Test
    void anotherResidentSeesNoneOfTheFirstsValues() {
        save(web, ago(60), "weight", "58.8", "pulse", "77");
        WebSession other = residents.logIn(port, register(newPerson("ベツジン")));

        String page = other.get("/phr/vitals").body();

        assertThat(page).contains("id=\"vitals-empty\"").doesNotContain("58.8");
        assertThat(other.get("/phr/vitals/weight?range=all").body()).contains("id=\"chart-empty\"").doesNotContain("58.8");
        assertThat(export(other).body().lines()).hasSize(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private long newPerson(String kana) {
        return residents.patientAt(port, hospital, kana).personId();
    }

    private Residents.Resident register(long person) {
        return residents.register(person);
    }

    private static String ago(long minutes) {
        return VitalsForms.ago(minutes);
    }

    private static HttpResponse<String> save(WebSession web, String when, String... values) {
        return VitalsForms.save(web, when, values);
    }

    private String chart(String measure, String range) {
        HttpResponse<String> page = web.get("/phr/vitals/" + measure + "?range=" + range);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static HttpResponse<String> export(WebSession web) {
        return VitalsForms.export(web);
    }

    private static HttpResponse<String> upload(WebSession web, String csv) {
        return VitalsForms.upload(web, "/phr/vitals/import", csv);
    }

    private SourcePatient ownSource() {
        long notebook = facilities.personalHealthRecord().orElseThrow().id();
        return identities.sourcePatientsOf(personId).stream().filter(s -> s.facilityId() == notebook).findFirst()
                .orElseThrow();
    }

    /** The types of the live resources stored under the resident's own source. */
    private List<String> stored(SourcePatient own) {
        return jdbc.sql("SELECT type FROM resource WHERE patient_key = ? AND source_facility = ? AND NOT deleted")
                .params(own.id(), own.facilityId()).query(String.class).list();
    }

    /** Each resource under the resident's own source with its version, in id order. */
    private List<String> versions(SourcePatient own) {
        return jdbc.sql("SELECT type || '/' || id || '/' || version FROM resource WHERE patient_key = ? ORDER BY id")
                .param(own.id()).query(String.class).list();
    }

    private static String latest(String page, String vital) {
        Matcher item = Pattern.compile("<li data-vital=\"" + vital + "\">(.*?)</li>", Pattern.DOTALL).matcher(page);
        assertThat(item.find()).as("latest " + vital).isTrue();
        return item.group(1);
    }

    static List<String> rows(String page) {
        return Pattern.compile("<tr[^>]* data-series=\"[^\"]+\"").matcher(page).results().map(m -> m.group()).toList();
    }

    private static List<String> gaps(String page) {
        return Pattern.compile("data-gap=\"(true|false)\"").matcher(page).results().map(m -> m.group(1)).toList();
    }
}

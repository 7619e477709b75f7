package org.musubi.ingest.orca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportBatch;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.musubi.testing.screenlint.ScreenLint;
import org.musubi.testing.screenlint.ScreenText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ORCA connector against {@link OrcaStandIn}, a stand-in ORCA server written from ORCA's published API
 * specification (ORCA itself cannot run here): a pull imports the patients changed in its windows with their diseases
 * and visits (Patient, Condition, Encounter, Procedure, MedicationRequest, each field asserted), audited per record as
 * the facility's system; the next pull imports only what changed; a pull failing on a later page (ORCA's Api_Result)
 * keeps the error on the connector, imports nothing of the window and moves no cursor, and the next pull imports the
 * window whole; a connector stopped after its batch was committed but before its cursor moved pulls the window again
 * without a duplicate; the password is sealed, never shown on the pages nor kept in an error; another facility's admin
 * gets 404 for the connector, staff 403 for the pages.
 */
@MusubiIntegrationTest
class OrcaConnectorIT {

    private static final String USER = "ormaster";
    private static final String PASSWORD = "orca-pw-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    private static final Administrator NETWORK = new Administrator(0, true, Set.of());

    @LocalServerPort int port;
    @Autowired OrcaAdministration administration;
    @Autowired OrcaPulls pulls;
    @Autowired OrcaConnectors connectors;
    @Autowired Facilities facilities;
    @Autowired TestAccounts accounts;
    @Autowired AuditRows audit;
    @Autowired JdbcClient jdbc;
    @Autowired org.musubi.testing.FhirClients clients;
    @Autowired org.musubi.consent.Consents consents;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private OrcaStandIn orca;
    private Facility clinic;

    @BeforeEach
    void setUp() throws Exception {
        orca = new OrcaStandIn(USER, PASSWORD);
        clinic = facilities.insert(new FacilityDraft("ORCA診療所", "オルカシンリョウジョ", FacilityKind.CLINIC,
                TestAccounts.unusedInstitutionCode(facilities, 1), 34, "広島市中区", "082-000-0000", true, true,
                FacilityStatus.ACTIVE));
        orca.add(new OrcaStandIn.Patient("00001", "日医　太郎", "ニチイ　タロウ", "1", "1958-03-04", today.minusDays(2))
                .disease("8833421", "本態性高血圧症", "2024-04-01", "", "", "", "01")
                .disease("2500015", "２型糖尿病", today.minusDays(2).toString(), "", "", "S", "01"));
        OrcaStandIn.Patient taro = orca.patients.get("00001");
        taro.zip = "7300011";
        taro.address = "広島市中区基町１－１";
        taro.phone = "082-111-2222";
        taro.visits.add(new OrcaStandIn.Visit(today.minusDays(2), "01", "内科", List.of(
                new OrcaStandIn.Act("120", "再診", "1", List.<String[]>of(new String[] {"112007410", "再診料", "1", ""})),
                new OrcaStandIn.Act("212", "内服薬剤（院外処方）", "14", List.<String[]>of(
                        new String[] {"620000007", "アムロジピン錠５ｍｇ", "1", "錠", "016"},
                        new String[] {"001000101", "１日１回朝食後", "1", ""})))));
        orca.add(new OrcaStandIn.Patient("00002", "日医　花子", "ニチイ　ハナコ", "2", "1962-11-20", today.minusDays(1))
                .disease("4660007", "急性気管支炎", "2025-01-10", "2025-01-31", "F", "", "01"));
        orca.add(new OrcaStandIn.Patient("00003", "日医　次郎", "ニチイ　ジロウ", "1", "1990-01-01", today.minusDays(10))
                .disease("4779004", "アレルギー性鼻炎", "2020-01-01", "", "", "", "01"));
    }

    @AfterEach
    void tearDown() {
        orca.close();
    }

    @Test
    void aPullImportsThePatientsChangedInItsWindowsWithTheirDiseasesAndVisits() {
        OrcaConnector c = connector();
        long mark = audit.max();

        List<ImportBatch> batches = pulls.pull(c.id(), null, BatchOrigin.SCREEN);

        assertThat(batches).isNotEmpty().allSatisfy(b -> assertThat(b.status()).isEqualTo(BatchStatus.DONE));
        assertThat(batches.stream().mapToLong(b -> b.counts().recordsRejected()).sum()).isZero();
        assertThat(connectors.find(c.id()).orElseThrow().pulledThrough()).as("today is pulled again next time")
                .isEqualTo(today.minusDays(1));
        assertThat(connectors.find(c.id()).orElseThrow().lastError()).isNull();
        assertThat(localIds()).as("00003 changed before the first day").containsExactly("00001", "00002");
        assertThat(orca.authorizations).isNotEmpty().allMatch(a -> a.startsWith("Basic "));

        assertThat(json("Patient", "00001")).contains("\"family\":\"日医\"", "\"given\":[\"太郎\"]", "\"family\":\"ニチイ\"",
                "\"gender\":\"male\"", "\"birthDate\":\"1958-03-04\"", "\"postalCode\":\"7300011\"", "広島市中区基町１－１",
                "082-111-2222");
        assertThat(json("Patient", "00002")).contains("\"gender\":\"female\"", "\"birthDate\":\"1962-11-20\"");
        assertThat(conditions()).containsExactlyInAnyOrder(
                "00001 8833421 本態性高血圧症 active confirmed 2024-04-01 -",
                "00001 2500015 ２型糖尿病 active unconfirmed " + today.minusDays(2) + " -",
                "00002 4660007 急性気管支炎 resolved confirmed 2025-01-10 2025-01-31");
        assertThat(single("""
                SELECT (r->'period'->>'start') || ' ' || (r->'serviceType'->>'text') || ' ' || (r->>'status') || ' ' || (r->'class'->>'code')
                FROM resource, LATERAL (SELECT content::jsonb AS r) x WHERE source_facility = ? AND type = 'Encounter' AND NOT deleted"""))
                .isEqualTo(today.minusDays(2) + " 内科 finished AMB");
        assertThat(single("""
                SELECT (r->'code'->'coding'->0->>'system') || ' ' || (r->'code'->'coding'->0->>'code') || ' ' || (r->'code'->>'text')
                  || ' ' || (r->>'performedDateTime') || ' ' || (r->'encounter'->>'reference' LIKE 'Encounter/%')
                FROM resource, LATERAL (SELECT content::jsonb AS r) x WHERE source_facility = ? AND type = 'Procedure' AND NOT deleted"""))
                .isEqualTo(OrcaSystems.PROCEDURE + " 112007410 再診料 " + today.minusDays(2) + " true");
        assertThat(single("""
                SELECT (r->'medicationCodeableConcept'->'coding'->0->>'system') || ' ' || (r->'medicationCodeableConcept'->'coding'->0->>'code')
                  || ' ' || (r->'medicationCodeableConcept'->>'text') || ' ' || (r->'dispenseRequest'->'expectedSupplyDuration'->>'value')
                  || ' ' || (r->'dosageInstruction'->0->'doseAndRate'->0->'rateRatio'->'numerator'->>'value')
                  || (r->'dosageInstruction'->0->'doseAndRate'->0->'rateRatio'->'numerator'->>'unit') || '/'
                  || (r->'dosageInstruction'->0->'doseAndRate'->0->'rateRatio'->'denominator'->>'code') || ' '
                  || (r->'dosageInstruction'->0->>'text') || ' ' || (r->>'authoredOn')
                FROM resource, LATERAL (SELECT content::jsonb AS r) x WHERE source_facility = ? AND type = 'MedicationRequest' AND NOT deleted"""))
                .isEqualTo("urn:oid:1.2.392.100495.20.2.71 620000007 アムロジピン錠５ｍｇ 14 1錠/d １日１回朝食後 " + today.minusDays(2));

        List<AuditRows.Row> rows = audit.rows(mark, "system:orca");
        assertThat(rows).extracting(AuditRows.Row::reason).as("one row per record stored").containsExactlyInAnyOrder(
                "import ORCA orca:patient:00001 " + file("00001"), "import ORCA orca:diseases:00001 " + file("00001"),
                "import ORCA orca:visit:00001:" + today.minusDays(2) + ":01 " + file("00001"),
                "import ORCA orca:patient:00002 " + file("00002"), "import ORCA orca:diseases:00002 " + file("00002"));
        assertThat(rows).extracting(AuditRows.Row::outcome).containsOnly("PERMIT");
    }

    /**
     * ORCA as it really answers (issue 65): the fixture patient 00101 (src/test/resources/orca/00101, ORCA's documented
     * answer shapes) pulled over HTTP and imported by the real pipeline: the prescriptions, procedures, injections,
     * materials and comments of both visits (class=02) are stored; 死亡 is inactive with ORCA's D kept and 疑い is
     * unconfirmed, the 修飾語 ZZZ8002 alone making it so; the contraindicated drugs and the patient's contraindication
     * and allergy show on the viewer's allergy line, and the suspected gastritis with its 疑い mark among the problems,
     * on the page the clinic's doctor reads.
     */
    @Test
    void orcasTreatmentsOutcomesSuspicionsAndContraindicationsArriveAndShowOnTheChart() {
        orca.addFixture("00101", today.minusDays(1));
        OrcaConnector c = connector();

        List<ImportBatch> batches = pulls.pull(c.id(), null, BatchOrigin.SCREEN);

        assertThat(batches).allSatisfy(b -> assertThat(b.status()).isEqualTo(BatchStatus.DONE));
        assertThat(batches.stream().mapToLong(b -> b.counts().recordsRejected()).sum()).isZero();
        assertThat(jdbc.sql("""
                SELECT r.type || ' ' || count(*) FROM resource r JOIN source_patient s ON s.id = r.patient_key
                WHERE r.source_facility = ? AND s.local_id = '00101' AND NOT r.deleted GROUP BY r.type ORDER BY r.type""")
                .param(clinic.id()).query(String.class).list()).containsExactly("AllergyIntolerance 5", "Communication 1",
                "Condition 7", "Encounter 2", "MedicationAdministration 2", "MedicationRequest 4", "Patient 1", "Procedure 7");
        assertThat(jdbc.sql("""
                SELECT (r->'medicationCodeableConcept'->>'text') || ' ' || coalesce(r->'dosageInstruction'->0->>'text', '')
                  || ' ' || coalesce(r->'dispenseRequest'->'expectedSupplyDuration'->>'value', '-')
                  || ' ' || (r->'dispenseRequest'->'quantity'->>'value') || (r->'dispenseRequest'->'quantity'->>'unit')
                  || ' ' || coalesce(r->'note'->0->>'text', '-')
                FROM resource, LATERAL (SELECT content::jsonb AS r) x
                WHERE source_facility = ? AND type = 'MedicationRequest' AND NOT deleted AND patient_key = (SELECT id FROM source_patient
                  WHERE facility_id = ? AND local_id = '00101') ORDER BY 1""")
                .params(clinic.id(), clinic.id()).query(String.class).list()).containsExactlyInAnyOrder(
                "アムロジピン錠５ｍｇ「サンプル」 １日２回朝夕食後に 14 14錠 一包化",
                "ケトプロフェンテープ２０ｍｇ「サンプル」 １日１回腰部に貼付 - 14枚 -",
                "ファモチジン錠１０ｍｇ「サンプル」 １日２回朝夕食後に 14 28錠 一包化",
                "ロキソプロフェンＮａ錠６０ｍｇ「サンプル」 疼痛時 - 5錠 -");
        assertThat(jdbc.sql("""
                SELECT (r->'code'->>'text') || ' ' || (r->'category'->'coding'->0->>'code') || ' ' || (r->>'performedDateTime')
                FROM resource, LATERAL (SELECT content::jsonb AS r) x
                WHERE source_facility = ? AND type = 'Procedure' AND NOT deleted AND patient_key = (SELECT id FROM source_patient
                  WHERE facility_id = ? AND local_id = '00101') ORDER BY 1""")
                .params(clinic.id(), clinic.id()).query(String.class).list()).containsExactlyInAnyOrder(
                "処方箋料（その他） 820 " + today.minusDays(2), "単純撮影（イ）の写真診断 700 " + today.minusDays(2),
                "尿一般 600 " + today.minusDays(2), "画像記録用フィルム（半切） 700 " + today.minusDays(2),
                "皮下筋肉内注射 311 " + today.minusDays(2), "創傷処置（１００平方センチメートル未満） 400 " + today.minusDays(2),
                "再診料 120 " + today.minusDays(2));
        assertThat(jdbc.sql("""
                SELECT (r->'code'->>'text') || ' ' || (r->'clinicalStatus'->'coding'->0->>'code') || ' '
                  || coalesce(r->'clinicalStatus'->'coding'->1->>'code', '-') || ' ' || (r->'verificationStatus'->'coding'->0->>'code')
                FROM resource, LATERAL (SELECT content::jsonb AS r) x
                WHERE source_facility = ? AND type = 'Condition' AND NOT deleted AND r->'code'->'coding' IS NOT NULL
                  AND patient_key = (SELECT id FROM source_patient WHERE facility_id = ? AND local_id = '00101') ORDER BY 1""")
                .params(clinic.id(), clinic.id()).query(String.class).list()).containsExactlyInAnyOrder(
                "両変形性膝関節症 inactive C confirmed", "急性心筋梗塞 inactive D confirmed",
                "急性気管支炎 resolved F unconfirmed", "慢性胃炎 inactive S confirmed", "胃炎 active - unconfirmed",
                "高血圧症 active - confirmed");

        long person = clients.personOf(clinic, "00101");
        consents.link(person, clinic.id(), accounts.networkAdmin().id());
        User doctorUser = accounts.memberOf(clinic, org.musubi.registry.Profession.DOCTOR);
        WebSession doctor = accounts.signedIn(port, doctorUser);
        long before = audit.max();
        HttpResponse<String> chart = doctor.get("/portal/patients/" + person);
        assertThat(chart.statusCode()).isEqualTo(200);
        List<String> page = ScreenText.of(chart.body()).lines().stream().map(ScreenText.Line::text).toList();
        assertThat(rest(line(page, "アレルギー"), "ワルファリンＫ錠１ｍｇ「サンプル」", "アスピリン腸溶錠１００ｍｇ「サンプル」",
                "ヨード造影剤", "そば")).as("the allergy line is the contraindicated drugs still in force, the"
                + " contraindication and the allergy; not the drug whose contraindication ended in 2024").isEqualTo("アレルギー ");
        assertThat(line(page, "主な病名")).as("the problems: nothing ended; 疑い said once")
                .contains("高血圧症 主病名", "胃炎 疑い", "ＨＣＶ抗体陽性").doesNotContain("胃炎の疑い", "急性心筋梗塞",
                        "膝関節症", "気管支炎", "慢性胃炎");
        assertThat(page).as("a contraindicated NSAID makes the clinic's own NSAIDs an alert").contains(
                "アレルギーのある系統の薬: ロキソプロフェンＮａ錠６０ｍｇ「サンプル」（ORCA診療所、" + today.minusDays(2) + "〜"
                        + today.minusDays(2) + "）— 記録：アスピリン腸溶錠１００ｍｇ「サンプル」（ORCA診療所）");
        assertThat(entry(page, "急性心筋梗塞")).as("the death, as the timeline reads it").containsSubsequence(
                "病名 急性心筋梗塞 ORCA診療所", "発症日", today.minusDays(2).toString(), "転帰日", today.minusDays(1).toString(),
                "転帰", "死亡", "臨床状態", "非活動性", "確からしさ", "確定");
        assertThat(entry(page, "胃炎")).as("疑い, as the timeline reads it").containsSubsequence("病名 胃炎 疑い ORCA診療所",
                "臨床状態", "活動性", "確からしさ", "未確認");
        assertThat(entry(page, "アムロジピン錠５ｍｇ「サンプル」")).as("a prescription as a clinician reads it")
                .containsSubsequence("処方 アムロジピン錠５ｍｇ「サンプル」 ORCA診療所", "用法・用量", "１日２回朝夕食後に", "1日量",
                        "1 錠", "数量", "14 錠", "日数", "14 日", "一包化");
        assertThat(ScreenLint.check(ScreenText.of(chart.body()))).as("nothing on the chart in a program's notation")
                .isEmpty();
        assertThat(audit.rows(before, doctorUser.loginId())).extracting(r -> r.action() + " " + r.outcome())
                .as("one read, audited once").containsExactly("READ PERMIT");
    }

    /** The line of the page that starts with {@code label}. */
    private static String line(List<String> page, String label) {
        return page.stream().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow(() -> new AssertionError(
                label + " not on the page"));
    }

    /** The line with each of {@code names} taken out once (each must be in it). */
    private static String rest(String line, String... names) {
        String rest = line;
        for (String name : names) {
            assertThat(rest).contains(name);
            rest = rest.replaceFirst(java.util.regex.Pattern.quote(name), "");
        }
        return rest;
    }

    /** The lines of the timeline entry whose summary names {@code title}, up to the next entry. */
    private static List<String> entry(List<String> page, String title) {
        int start = -1;
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i).contains(" " + title + " ")) {
                start = i;
            }
        }
        assertThat(start).as(title + " in the timeline").isNotNegative();
        return page.subList(start, Math.min(page.size(), start + 14));
    }

    @Test
    void theNextPullImportsOnlyWhatChanged() {
        OrcaConnector c = connector();
        pulls.pull(c.id(), null, BatchOrigin.SCREEN);
        long versionsOfTaro = versions("00001");
        OrcaStandIn.Patient hanako = orca.patients.get("00002");
        hanako.disease("4011007", "高血圧症", today.toString(), "", "", "", "01");
        hanako.updated = today;
        orca.calls.clear();

        List<ImportBatch> batches = pulls.pull(c.id(), null, BatchOrigin.WATCH);

        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.counts().filesDone()).as("only 00002 changed today").isEqualTo(1);
            assertThat(b.counts().recordsStored()).as("her disease list").isEqualTo(1);
            assertThat(b.counts().recordsUnchanged()).as("her patient record").isEqualTo(1);
        });
        assertThat(orca.calls).noneMatch(call -> call.contains("id=00001"));
        assertThat(conditions()).hasSize(4).contains("00002 4011007 高血圧症 active confirmed " + today + " -");
        assertThat(versions("00001")).isEqualTo(versionsOfTaro);
    }

    @Test
    void aPullFailingOnALaterPageImportsNothingOfTheWindowAndTheNextPullImportsItWhole() {
        OrcaConnector c = connector();
        orca.fail(OrcaPull.DISEASES, 2, "90");

        assertThatThrownBy(() -> pulls.pull(c.id(), null, BatchOrigin.WATCH)).isInstanceOf(OrcaFailure.class);

        OrcaConnector failed = connectors.find(c.id()).orElseThrow();
        assertThat(failed.lastError()).contains(OrcaPull.DISEASES, "Api_Result 90").doesNotContain(PASSWORD);
        assertThat(failed.pulledThrough()).isEqualTo(c.pulledThrough());
        assertThat(localIds()).isEmpty();

        orca.fail(OrcaPull.MEDICAL, 1, "HTTP 503");
        assertThatThrownBy(() -> pulls.pull(c.id(), null, BatchOrigin.WATCH)).isInstanceOf(OrcaFailure.class);
        assertThat(connectors.find(c.id()).orElseThrow().lastError()).as("an HTTP status is not told apart from no answer")
                .isEqualTo(OrcaFailure.UNREACHABLE);

        orca.fail(null, 0, null);
        pulls.pull(c.id(), null, BatchOrigin.WATCH);

        OrcaConnector done = connectors.find(c.id()).orElseThrow();
        assertThat(done.lastError()).isNull();
        assertThat(done.pulledThrough()).isEqualTo(today.minusDays(1));
        assertThat(localIds()).containsExactly("00001", "00002");
        assertThat(conditions()).hasSize(3);
        assertThat(count("Encounter")).isEqualTo(1);
        assertThat(count("MedicationRequest")).isEqualTo(1);
    }

    @Test
    void aConnectorStoppedAfterItsBatchButBeforeItsCursorMovedPullsTheWindowAgainWithoutDuplicates() {
        OrcaConnector c = connector();
        pulls.pull(c.id(), null, BatchOrigin.WATCH);
        long versions = allVersions();
        // the node died after the window's batch committed, before the cursor moved
        jdbc.sql("UPDATE orca_connector SET pulled_through = ? WHERE id = ?")
                .params(java.sql.Date.valueOf(c.pulledThrough()), c.id()).update();
        orca.patients.get("00001").phone = "082-999-0000";

        pulls.pull(c.id(), null, BatchOrigin.WATCH);

        assertThat(localIds()).containsExactly("00001", "00002");
        assertThat(conditions()).hasSize(3);
        assertThat(count("Encounter")).isEqualTo(1);
        assertThat(count("Procedure")).isEqualTo(1);
        assertThat(count("MedicationRequest")).isEqualTo(1);
        assertThat(json("Patient", "00001")).contains("082-999-0000").doesNotContain("082-111-2222");
        assertThat(allVersions()).as("only the patient whose phone changed has a new version").isEqualTo(versions + 1);
        assertThat(connectors.find(c.id()).orElseThrow().pulledThrough()).isEqualTo(today.minusDays(1));
    }

    @Test
    void thePasswordIsNeverShownAndOnlyAdminsOfTheFacilityReachTheConnector() {
        User networkAdmin = accounts.networkAdmin();
        WebSession web = accounts.signedIn(port, networkAdmin);
        HttpResponse<String> saved = web.post("/admin/imports/orca", "facilityId", String.valueOf(clinic.id()),
                "baseUrl", orca.baseUrl(), "username", USER, "password", PASSWORD, "intervalMinutes", "30",
                "since", today.minusDays(3).toString());
        assertThat(saved.statusCode()).isEqualTo(302);
        OrcaConnector c = connectors.ofFacility(clinic.id()).orElseThrow();
        String page = web.get(WebSession.location(saved)).body();
        assertThat(page).contains(orca.baseUrl(), USER, "保存しました").doesNotContain(PASSWORD);
        assertThat(web.get("/admin/imports/orca").body()).contains(orca.baseUrl()).doesNotContain(PASSWORD);
        assertThat(c.passwordSealed()).doesNotContain(PASSWORD);
        assertThat(c.enabled()).as("the checkbox was not sent").isFalse();
        // a blank password keeps the stored one
        web.post("/admin/imports/orca", "facilityId", String.valueOf(clinic.id()), "baseUrl", orca.baseUrl(),
                "username", USER, "password", "", "intervalMinutes", "45");
        assertThat(connectors.find(c.id()).orElseThrow().passwordSealed()).isEqualTo(c.passwordSealed());
        assertThat(connectors.find(c.id()).orElseThrow().intervalMinutes()).isEqualTo(45);

        User otherAdmin = accounts.facilityAdmin(FacilityKind.CLINIC);
        WebSession other = accounts.signedIn(port, otherAdmin);
        assertThat(other.get("/admin/imports/orca/" + c.id()).statusCode()).isEqualTo(404);
        assertThat(other.get("/admin/imports/orca/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
        assertThat(other.post("/admin/imports/orca/" + c.id() + "/pull").statusCode()).isEqualTo(404);
        assertThat(other.post("/admin/imports/orca", "facilityId", String.valueOf(clinic.id()), "baseUrl", "http://evil.example",
                "username", "x", "password", "y", "intervalMinutes", "1").statusCode()).isEqualTo(404);
        assertThat(other.get("/admin/imports/orca").body()).doesNotContain(orca.baseUrl());
        assertThat(connectors.find(c.id()).orElseThrow().baseUrl()).isEqualTo(orca.baseUrl());

        User clinicAdmin = accounts.adminOf(clinic);
        WebSession own = accounts.signedIn(port, clinicAdmin);
        assertThat(own.get("/admin/imports/orca/" + c.id()).body()).contains(orca.baseUrl()).doesNotContain(PASSWORD);

        WebSession staff = accounts.signedIn(port, accounts.memberOf(clinic, org.musubi.registry.Profession.DOCTOR));
        assertThat(staff.get("/admin/imports/orca").statusCode()).isEqualTo(403);
        assertThat(staff.get("/admin/imports/orca/" + c.id()).statusCode()).isEqualTo(403);
    }

    private OrcaConnector connector() {
        OrcaAdministration.View view = administration.save(NETWORK, clinic.id(), new OrcaAdministration.Settings(
                orca.baseUrl(), USER, PASSWORD, 60, false, today.minusDays(3))).orElseThrow();
        return connectors.find(view.id()).orElseThrow();
    }

    /** The file of a patient in the first pull's one window, as the audit names it. */
    private String file(String id) {
        return "(orca/" + today.minusDays(3) + "_" + today + "/" + id + ".xml)";
    }

    private List<String> localIds() {
        return jdbc.sql("SELECT local_id FROM source_patient WHERE facility_id = ? ORDER BY local_id").param(clinic.id())
                .query(String.class).list();
    }

    private String json(String type, String localId) {
        return jdbc.sql("""
                SELECT r.content FROM resource r JOIN source_patient s ON s.id = r.patient_key
                WHERE r.source_facility = ? AND r.type = ? AND s.local_id = ? AND NOT r.deleted""")
                .params(clinic.id(), type, localId).query(String.class).single().replace(" ", "");
    }

    private List<String> conditions() {
        return jdbc.sql("""
                SELECT s.local_id || ' ' || (c->'code'->'coding'->0->>'code') || ' ' || (c->'code'->>'text') || ' '
                  || (c->'clinicalStatus'->'coding'->0->>'code') || ' ' || (c->'verificationStatus'->'coding'->0->>'code')
                  || ' ' || (c->>'onsetDateTime') || ' ' || coalesce(c->>'abatementDateTime', '-')
                FROM resource r JOIN source_patient s ON s.id = r.patient_key,
                  LATERAL (SELECT r.content::jsonb AS c) x
                WHERE r.source_facility = ? AND r.type = 'Condition' AND NOT r.deleted""").param(clinic.id())
                .query(String.class).list();
    }

    private String single(String sql) {
        return jdbc.sql(sql).param(clinic.id()).query(String.class).single();
    }

    private long count(String type) {
        return jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = ? AND NOT deleted")
                .params(clinic.id(), type).query(Long.class).single();
    }

    private long versions(String localId) {
        return jdbc.sql("""
                SELECT count(*) FROM resource_version v JOIN resource r ON r.patient_key = v.patient_key AND r.id = v.id
                JOIN source_patient s ON s.id = r.patient_key WHERE r.source_facility = ? AND s.local_id = ?""")
                .params(clinic.id(), localId).query(Long.class).single();
    }

    private long allVersions() {
        return jdbc.sql("SELECT (SELECT count(*) FROM resource WHERE source_facility = ?) + (SELECT count(*)"
                + " FROM resource_version v JOIN resource r ON r.patient_key = v.patient_key AND r.id = v.id"
                + " WHERE r.source_facility = ?)").params(clinic.id(), clinic.id()).query(Long.class).single();
    }
}

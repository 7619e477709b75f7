package org.musubi.phr.otc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.phr.Residents;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 自分で登録した市販薬・サプリメント over real HTTP: the resident adds, changes and ends an OTC drug (each one audited
 * write with a Provenance; the same values again store nothing), a form with faults names each field in Japanese and in
 * English and stores nothing; a proxy's entry is marked as the proxy's (Provenance onBehalfOf) in the resident's
 * notebook; a linked pharmacist sees the entries on the notebook tab labelled 患者申告, in one audited read.
 */
@MusubiIntegrationTest
class PhrOtcIT extends NetworkFixtures {

    private static final String SELF = "policy.permit.patientSelfAccess";
    @Autowired
    Residents residents;

    private Residents.Patient patient;
    private Residents.Resident resident;
    private WebSession web;
    private final LocalDate since = LocalDate.now().minusDays(40);

    @BeforeEach
    void aResidentLoggedIn() {
        patient = residents.patientAt(port, FacilityKind.HOSPITAL, "シハンヤク");
        resident = residents.register(patient.personId());
        web = residents.logIn(port, resident);
    }

    @Test
    void theResidentAddsChangesAndEndsAnOtcDrugEachAsOneAuditedWrite() {
        assertThat(web.get("/phr/medicines").body()).contains("id=\"otc-none\"").contains("id=\"okusuri-techo-download\"");
        assertThat(web.get("/phr/medicines/otc/new").statusCode()).isEqualTo(200);
        long before = audit.max();
        HttpResponse<String> added = web.post("/phr/medicines/otc", "kind", "otc-drug", "name", "ロキソニンＳ",
                "dose", "痛いときに1錠", "since", since.toString(), "note", "頭痛のとき");

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(added)).isEqualTo("/phr/medicines?otc=added");
        assertThat(audit.forPatient(before, regional())).containsExactly(
                "IDENTITY_LINK PERMIT SELF_REGISTRATION: the resident's own entries in the health notebook",
                "CREATE PERMIT " + SELF);
        assertThat(stored("MedicationStatement")).containsExactly("MEDICATIONS:1");
        String statement = content("MedicationStatement");
        assertThat(statement).contains("\"status\":\"active\"").contains("patientspecified").contains("otc-drug")
                .contains("\"text\":\"ロキソニンＳ\"").contains("\"informationSource\":{\"reference\":\"Patient/");
        assertThat(content("Provenance")).contains("MedicationStatement/").contains("\"who\":{\"reference\":\"Patient/")
                .doesNotContain("onBehalfOf");

        before = audit.max();
        String page = web.get("/phr/medicines").body();
        assertThat(audit.forPatient(before, regional())).containsExactly("READ PERMIT " + SELF);
        assertThat(page).contains("id=\"otc-current\"").contains("ロキソニンＳ").contains("痛いときに1錠").contains("頭痛のとき")
                .contains(">市販薬<").doesNotContain("class=\"badge proxy-entered otc-proxy\"");
        String id = OtcPages.only(page);
        assertThat(audit.resourceIds(before, resident.account().loginId()).getFirst()).contains(id);

        assertThat(web.get("/phr/medicines/otc/" + id + "/edit").body()).contains("value=\"痛いときに1錠\"");
        before = audit.max();
        HttpResponse<String> changed = web.post("/phr/medicines/otc/" + id, "kind", "otc-drug", "name", "ロキソニンＳ",
                "dose", "1回1錠、1日2回まで", "since", since.toString(), "note", "頭痛のとき");
        assertThat(WebSession.location(changed)).isEqualTo("/phr/medicines?otc=changed");
        assertThat(audit.forPatient(before, regional())).containsExactly("UPDATE PERMIT " + SELF);
        assertThat(stored("MedicationStatement")).containsExactly("MEDICATIONS:2");
        assertThat(stored("Provenance")).hasSize(2);

        before = audit.max();
        HttpResponse<String> same = web.post("/phr/medicines/otc/" + id, "kind", "otc-drug", "name", "ロキソニンＳ",
                "dose", "1回1錠、1日2回まで", "since", since.toString(), "note", "頭痛のとき");
        assertThat(WebSession.location(same)).isEqualTo("/phr/medicines?otc=unchanged");
        assertThat(audit.forPatient(before, regional())).containsExactly("UPDATE PERMIT " + SELF);
        assertThat(stored("MedicationStatement")).containsExactly("MEDICATIONS:2");

        web.get("/phr/medicines");
        // issue 67: one click asks first (the entry named, what follows): one audited read of the entry, nothing ended
        before = audit.max();
        HttpResponse<String> asked = web.post("/phr/medicines/otc/" + id + "/end");
        assertThat(WebSession.location(asked)).isEqualTo("/phr/medicines?confirm=" + id);
        assertThat(audit.forPatient(before, regional())).containsExactly("READ PERMIT " + SELF);
        assertThat(content("MedicationStatement")).doesNotContain("\"status\":\"completed\"");
        assertThat(web.get(WebSession.location(asked)).body())
                .contains("<details class=\"confirm\" id=\"otc-end-" + id + "\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"otc-end-" + id + "-question\">「ロキソニンＳ」を飲むのをやめたと"
                        + "記録します。きょうが「やめた日」になり、「飲むのをやめたもの」に移ります（やめた日は「変更」で直せます）。</p>");
        before = audit.max();
        HttpResponse<String> ended = web.post("/phr/medicines/otc/" + id + "/end", "confirmed", "yes");
        assertThat(WebSession.location(ended)).isEqualTo("/phr/medicines?otc=ended");
        assertThat(audit.forPatient(before, regional())).containsExactly("UPDATE PERMIT " + SELF);
        assertThat(content("MedicationStatement")).contains("\"status\":\"completed\"")
                .contains("\"end\":\"" + LocalDate.now(ZoneId.of("Asia/Tokyo")) + "\"");
        String after = web.get(WebSession.location(ended)).body();
        assertThat(after).contains("id=\"otc-past\"").doesNotContain("id=\"otc-current\"")
                .contains("飲むのをやめた日を今日にしました。");
    }

    @Test
    void aFormWithFaultsNamesEachFieldInJapaneseAndEnglishAndStoresNothing() {
        web.get("/phr/medicines/otc/new");
        long before = audit.max();
        HttpResponse<String> refused = web.post("/phr/medicines/otc", "kind", "herb", "name", " ",
                "since", LocalDate.now().plusDays(3).toString(), "until", "2020-02-30", "note", "x".repeat(1001));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-field=\"kind\"").contains("data-field=\"name\"")
                .contains("data-field=\"since\"").contains("data-field=\"until\"").contains("data-field=\"note\"")
                .contains("名前（商品名）: 入力してください").contains("飲み始めた日: 今日より後の日付は入力できません")
                .contains("種類: 選択肢にない値です").contains("メモ: 1000 文字までです");
        assertThat(audit.forPatient(before, regional())).as("nothing read, nothing written").isEmpty();
        assertThat(stored("MedicationStatement")).isEmpty();

        web.get("/phr?lang=en");
        HttpResponse<String> english = web.post("/phr/medicines/otc", "kind", "supplement", "name", "ビタミンＣ",
                "since", since.toString(), "until", since.minusDays(1).toString());
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Stopped on (leave empty if still taken): Earlier than the day you started")
                .contains("value=\"ビタミンＣ\"");
        web.get("/phr?lang=ja");
        HttpResponse<String> supplement = web.post("/phr/medicines/otc", "kind", "supplement", "name", "ビタミンＣ",
                "since", since.toString());
        assertThat(supplement.statusCode()).isEqualTo(302);
        assertThat(web.get("/phr/medicines").body()).contains("data-kind=\"supplement\"").contains(">サプリメント<");
    }

    @Test
    void aProxysEntryIsMarkedAsTheProxysInTheResidentsNotebook() {
        Residents.Resident child = residents.register(residents.patientAt(port, patient.facility(), "シハンヤコ").personId());
        web.get("/phr/proxies");
        web.post("/phr/proxies", "loginId", child.account().loginId(), "until", LocalDate.now().plusDays(10).toString());
        WebSession proxy = residents.logIn(port, child);
        proxy.get("/phr/proxies");
        proxy.post("/phr/act-for", "personId", String.valueOf(patient.personId()));
        assertThat(proxy.get("/phr/medicines").body()).contains("id=\"proxy-banner\"");

        long before = audit.max();
        HttpResponse<String> added = proxy.post("/phr/medicines/otc", "kind", "otc-drug", "name", "パブロン",
                "since", since.toString());
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(audit.forPatient(before, regional())).containsExactly(
                "IDENTITY_LINK PERMIT SELF_REGISTRATION: the resident's own entries in the health notebook",
                "CREATE PERMIT policy.permit.proxyAccess");
        assertThat(audit.since(before, child.account().loginId())).as("both by the proxy").hasSize(2);
        assertThat(content("Provenance")).contains("\"onBehalfOf\":{\"reference\":\"Patient/");
        assertThat(content("MedicationStatement")).contains("\"valueCode\":\"proxy\"");

        String own = web.get("/phr/medicines").body();
        assertThat(own).contains("パブロン").contains("class=\"badge proxy-entered otc-proxy\"");
        String id = OtcPages.only(own);
        before = audit.max();
        HttpResponse<String> asked = proxy.post("/phr/medicines/otc/" + id + "/end");
        assertThat(WebSession.location(asked)).as("the proxy is asked as the resident is").isEqualTo("/phr/medicines?confirm=" + id);
        assertThat(proxy.get(WebSession.location(asked)).body()).contains("「パブロン」を飲むのをやめたと記録します。");
        before = audit.max();
        HttpResponse<String> ended = proxy.post("/phr/medicines/otc/" + id + "/end", "confirmed", "yes");
        assertThat(WebSession.location(ended)).isEqualTo("/phr/medicines?otc=ended");
        assertThat(audit.forPatient(before, regional())).containsExactly("UPDATE PERMIT policy.permit.proxyAccess");
    }

    @Test
    void aLinkedPharmacistSeesTheEntriesLabelledPatientReportedOnTheNotebookTab() {
        web.get("/phr/medicines/otc/new");
        web.post("/phr/medicines/otc", "kind", "supplement", "name", "イチョウ葉エキス", "dose", "朝2粒",
                "since", since.toString());
        web.get("/phr/medicines");
        long admin = accounts.networkAdmin().id();
        consents.grant(patient.personId(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                patient.facility().id());
        Facility pharmacy = accounts.facilityOf(FacilityKind.PHARMACY);
        consents.link(patient.personId(), pharmacy.id(), admin);
        WebSession pharmacist = accounts.signedIn(port, accounts.memberOf(pharmacy, Profession.PHARMACIST));

        long before = audit.max();
        HttpResponse<String> tab = pharmacist.get("/portal/patients/" + patient.personId() + "/notebook");

        assertThat(tab.statusCode()).isEqualTo(200);
        assertThat(tab.body()).contains("id=\"notebook-otc\"").contains("イチョウ葉エキス").contains("朝2粒")
                .contains("患者申告").contains(">サプリメント<").doesNotContain("/phr/medicines/otc/");
        assertThat(audit.forPatient(before, regional())).containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    private String regional() {
        return patient.person().regionalId();
    }

    private List<String> stored(String type) {
        return jdbc.sql("""
                SELECT r.category || ':' || r.version FROM resource r JOIN person_link l ON l.source_patient_id = r.patient_key
                 WHERE l.person_id = ? AND r.type = ? AND NOT r.deleted""")
                .param(patient.personId()).param(type).query(String.class).list();
    }

    /** The newest stored text of the person's only (or newest) resource of this type. */
    private String content(String type) {
        return jdbc.sql("""
                SELECT r.content::text FROM resource r JOIN person_link l ON l.source_patient_id = r.patient_key
                 WHERE l.person_id = ? AND r.type = ? AND NOT r.deleted ORDER BY r.last_updated DESC LIMIT 1""")
                .param(patient.personId()).param(type).query(String.class).single().replaceAll("\"\\s*:\\s*", "\":");
    }
}

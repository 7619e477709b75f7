package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.musubi.testing.screenlint.ScreenText;
import org.springframework.beans.factory.annotation.Autowired;

/** Operators search the audit trail by user, outcome, person and period, export it as CSV, and verify it. */
@MusubiIntegrationTest
class AuditScreenIT extends NetworkFixtures {

    @Autowired
    Audit trail;
    @Autowired
    IdentityStore identities;

    @Test
    void searchesByUserAndOutcomeAndExportsTheSameRowsAsCsv() {
        User nurse = accounts.staff(FacilityKind.HOSPITAL, Profession.NURSE);
        accounts.passwordStep(new WebSession(port), nurse.loginId(), "not the password");
        accounts.logIn(new WebSession(port), nurse);
        User operator = accounts.networkAdmin();
        WebSession web = accounts.signedIn(port, operator);
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();

        HttpResponse<String> denied = web.get("/admin/audit?loginId=" + nurse.loginId() + "&outcome=DENY&from=" + today
                + "&to=" + today);
        HttpResponse<String> csv = web.get("/admin/audit/export.csv?loginId=" + nurse.loginId());

        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(denied.body()).contains("data-action=\"LOGIN_PASSWORD\">ログイン（パスワード）")
                .as("the reason in words; as written only in the export").contains("パスワードが違います")
                .doesNotContain("bad credentials").doesNotContain("data-action=\"LOGIN_SECOND_FACTOR\"")
                .doesNotContain("<td>null").contains("（全 1 件）");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(4);
        assertThat(csv.body().lines().skip(1)).allMatch(line -> line.contains("," + nurse.loginId() + ","));
        assertThat(csv.body()).contains("LOGIN_PASSWORD,,,,OPERATIONS,DENY,bad credentials")
                .contains("LOGIN_SECOND_FACTOR,User");
        assertThat(audit.since(0, operator.loginId())).contains("AUDIT_SEARCH PERMIT", "AUDIT_EXPORT PERMIT");
    }

    @Test
    void aPersonsRegionalIdFindsTheRowsWrittenUnderThePersonsMergedIntoIt() {
        User operator = accounts.networkAdmin();
        RegisteredPerson survivor = identities.register(new Person(TestRegionalIds.next(), "統合", "一郎", "トウゴウ",
                "イチロウ", Sex.MALE, LocalDate.of(1950, 5, 1), null, null, null));
        RegisteredPerson merged = identities.register(new Person(TestRegionalIds.next(), "統合", "一朗", "トウゴウ",
                "イチロウ", Sex.MALE, LocalDate.of(1950, 5, 1), null, null, null));
        RegisteredPerson stranger = identities.register(new Person(TestRegionalIds.next(), "別人", "二郎", "ベツジン",
                "ジロウ", Sex.MALE, LocalDate.of(1951, 6, 2), null, null, null));
        String survivorId = survivor.person().regionalId();
        trail.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Patient", "s").patient(survivorId).reason("survivor read"));
        trail.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Patient", "m").patient(merged.person().regionalId())
                .reason("merged read"));
        trail.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Patient", "x").patient(stranger.person().regionalId())
                .reason("stranger read"));
        identities.merge(survivor.id(), merged.id(), operator.id(), "same person");
        WebSession web = accounts.signedIn(port, operator);

        HttpResponse<String> page = web.get("/admin/audit?patientId=" + survivorId);
        String csv = web.get("/admin/audit/export.csv?patientId=" + survivorId).body();

        assertThat(page.body()).contains("survivor read", "merged read").doesNotContain("stranger read").contains("（全 2 件）");
        assertThat(csv.lines().skip(1)).hasSize(2).anyMatch(line -> line.contains("merged read"));
        assertThat(web.get("/admin/audit?patientId=" + merged.person().regionalId()).body())
                .as("the merged person's own id finds only its own rows").contains("merged read").doesNotContain("survivor read");
    }

    @Test
    void theRequestIdACallerQuotesFindsItsRowThoughThePageShowsNoIds() {
        WebSession web = accounts.signedIn(port, accounts.networkAdmin());
        HttpResponse<String> first = web.get("/admin/audit?action=LOGIN_PASSWORD");
        String quoted = first.headers().firstValue("X-Request-Id").orElseThrow();

        String found = web.get("/admin/audit?requestId=" + quoted).body();

        assertThat(found).contains("（全 1 件）").contains("監査証跡の検索");
        assertThat(ScreenText.of(found).lines()).as("what the operator reads: the id only in the search field, as typed")
                .filteredOn(line -> line.text().contains(quoted)).singleElement()
                .satisfies(line -> assertThat(line.literal()).isTrue());
        assertThat(web.get("/admin/audit/export.csv?requestId=" + quoted).body().lines().skip(1))
                .singleElement().asString().contains("AUDIT_SEARCH", quoted);
    }

    @Test
    void eachEventReadsAsOneLineInWordsWithTheIdsBehindDetails() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        RegisteredPerson person = identities.register(new Person(TestRegionalIds.next(), "監査", "花子", "カンサ",
                "ハナコ", Sex.FEMALE, LocalDate.of(1948, 3, 3), null, null, null));
        String regionalId = person.person().regionalId();
        trail.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("labs", "obs-4711").patient(regionalId)
                .purpose(Purpose.TREATMENT)
                .by(new Actor(doctor.id(), doctor.loginId(), hospital.id(), "DOCTOR")));
        trail.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("emergency-dataset").patient(regionalId)
                .purpose(Purpose.EMERGENCY)
                .by(new Actor(doctor.id(), doctor.loginId(), hospital.id(), "DOCTOR")));
        User operator = accounts.networkAdmin();
        WebSession web = accounts.signedIn(port, operator);

        String page = web.get("/admin/audit?patientId=" + regionalId).body();
        String csv = web.get("/admin/audit/export.csv?patientId=" + regionalId).body();

        int at = page.indexOf("統合ビューアの検査結果画面（1 件）");
        String labsRow = page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
        assertThat(labsRow).contains("試験 太郎").contains("医師").contains(hospital.nameKanji()).contains("監査 花子")
                .contains("閲覧：統合ビューアの検査結果画面").contains("診療");
        String visible = labsRow.replaceAll("(?s)<details>.*?</details>", "");
        assertThat(visible).as("the regional id only behind the toggle").doesNotContain(regionalId);
        assertThat(labsRow).as("behind the toggle, what was read in words and how many records (issue 63)")
                .containsPattern("(?s)<details>.*<dt>対象</dt>\\s*<dd class=\"resource\">統合ビューアの検査結果画面（1 件）</dd>.*</details>");
        assertThat(page).as("the ids read are in the export, not on the page").doesNotContain("obs-4711")
                .contains("記録の番号と要求IDはCSV出力にあります");
        assertThat(page).contains("閲覧：救急用の最小限の情報（救急隊の画面）");
        assertThat(page).as("no raw code, not even behind the toggle").doesNotContain("emergency-dataset")
                .doesNotContain(">labs");
        assertThat(csv.lines().findFirst()).hasValue("\uFEFF" + "seq,occurred_at_utc,user_id,login_id,facility_id,profession,"
                + "client_ip,user_agent,action,resource_type,resource_ids,patient_id,purpose,outcome,reason,request_id");
        assertThat(csv).contains("READ,labs,obs-4711," + regionalId + ",TREATMENT,PERMIT")
                .contains("READ,emergency-dataset,," + regionalId + ",EMERGENCY,PERMIT");
        assertThat(audit.since(0, operator.loginId())).contains("AUDIT_SEARCH PERMIT", "AUDIT_EXPORT PERMIT");
    }

    @Test
    void theVerifyButtonReportsAnIntactChain() {
        WebSession web = accounts.signedIn(port, accounts.networkAdmin());
        web.get("/admin/audit");

        HttpResponse<String> verified = web.post("/admin/audit/verify");

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("id=\"verify-result\"").contains("監査証跡は改ざんされていません");
    }

    @Test
    void csvCellsCannotBecomeSpreadsheetFormulas() {
        WebSession web = new WebSession(port);
        accounts.passwordStep(web, "=HYPERLINK(\"http://x\")", "whatever1");
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());

        String csv = operator.get("/admin/audit/export.csv?outcome=DENY").body();

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").doesNotContain(",=HYPERLINK");
    }
}

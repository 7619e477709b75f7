package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/**
 * Issue 48's research projects over HTTP: a doctor applies with an ethics PDF, the committee narrows the scope to one
 * municipality, the doctor counts — the table suppressed (a small cell "&lt; 10" and its complements "X") — and a
 * person opted out at the counter is not counted; a refused project, an unknown one and another's answer 404; the
 * public list shows the approved project only; each step and each count leaves one audit row.
 */
@MusubiIntegrationTest
class ResearchIT extends NetworkFixtures {

    @Test
    void appliedApprovedNarrowedAndCountedWithSuppressionAndTheOptedOutLeftOut() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User colleague = accounts.memberOf(hospital, Profession.NURSE);
        User stranger = accounts.memberOf(hospital, Profession.DOCTOR);
        User operator = accounts.networkAdmin();
        String town = "研究" + UUID.randomUUID().toString().substring(0, 6) + "町";
        LocalDate today = LocalDate.now(ResearchDesk.ZONE);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        // 14 men and 3 women of 50, 12 women of 70 with type 2 diabetes; a man of 70 with hypertension only
        for (int i = 0; i < 14; i++) {
            patient(fhir, hospital, "MALE", today.minusYears(50), town, "E11.9");
        }
        for (int i = 0; i < 3; i++) {
            patient(fhir, hospital, "FEMALE", today.minusYears(50), town, "E11");
        }
        for (int i = 0; i < 12; i++) {
            patient(fhir, hospital, "FEMALE", today.minusYears(70), town, "E11.65");
        }
        patient(fhir, hospital, "MALE", today.minusYears(70), town, "I10");
        long optedOut = patient(fhir, hospital, "MALE", today.minusYears(50), town, "E11.9");
        long before = audit.max();

        WebSession researcher = accounts.signedIn(port, doctor);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "糖尿病の地域差 " + town);
        form.put("institution", "広島テスト大学");
        form.put("purpose", "2 型糖尿病の有病者数を地域別に調べる");
        form.put("ethicsNumber", "E-2026-048");
        form.put("periodFrom", today.minusDays(1).toString());
        form.put("periodTo", today.plusYears(1).toString());
        form.put("diagnoses", "E11");
        form.put("categories", "DIAGNOSES");
        form.put("fields.DIAGNOSES", "code, onsetDateTime");
        form.put("users", colleague.loginId());
        HttpResponse<String> applied = ResearchForms.apply(researcher, form, ResearchForms.PDF);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(302);
        long id = Long.parseLong(WebSession.location(applied).replaceAll(".*/research/", ""));
        Map<String, String> notPdf = new LinkedHashMap<>(form);
        assertThat(ResearchForms.apply(researcher, notPdf, "hello".getBytes()).body()).contains("research.refused.notPdf");

        assertThat(researcher.post("/research/" + id + "/count").statusCode()).as("not approved yet").isEqualTo(404);
        WebSession committee = accounts.signedIn(port, operator);
        assertThat(committee.get("/admin/research").body()).contains("data-project=\"" + id + "\"");
        assertThat(committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "NARROWED", "reason", "").statusCode())
                .isEqualTo(302);
        assertThat(committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "NARROWED",
                "reason", "対象を 1 町に限る", "diagnoses", "E11", "municipality", town, "categories", "DIAGNOSES",
                "fields.DIAGNOSES", "code").statusCode()).isEqualTo(302);
        // the narrowed scope, in words (issue 63: no longer "municipality=<town>")
        assertThat(committee.get("/research/" + id).body()).contains("data-status=\"NARROWED\"",
                "市区町村（登録住所）：" + town);
        assertThat(committee.post("/admin/persons/" + optedOut + "/research-opt-out", "optOut", "true").statusCode())
                .isEqualTo(302);
        assertThat(committee.get("/admin/persons/" + optedOut + "/research-opt-out").body())
                .contains("data-opted-out=\"true\"");

        HttpResponse<String> counted = researcher.post("/research/" + id + "/count");
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(row(counted.body(), "MALE")).containsExactly("0", "0", "X", "X", "0", "14");
        assertThat(row(counted.body(), "FEMALE")).containsExactly("0", "0", "&lt; 10", "X", "0", "15");
        assertThat(row(counted.body(), "TOTAL")).containsExactly("0", "0", "17", "12", "0", "29");
        HttpResponse<String> women = accounts.signedIn(port, colleague).post("/research/" + id + "/count", "sex", "FEMALE",
                "ageFrom", "65");
        assertThat(row(women.body(), "TOTAL")).as("a named user counts too").containsExactly("0", "0", "0", "12", "0", "12");
        assertThat(researcher.post("/research/" + id + "/count", "diagnoses", "1X").body())
                .contains("research.invalid.diagnoses");

        WebSession outsider = accounts.signedIn(port, stranger);
        assertThat(outsider.get("/research/" + id).statusCode()).isEqualTo(404);
        assertThat(outsider.post("/research/" + id + "/count").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/research/" + id + "/ethics.pdf").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/research/" + (id + 100000)).statusCode()).isEqualTo(404);
        assertThat(researcher.getBytes("/research/" + id + "/ethics.pdf").body()).isEqualTo(ResearchForms.PDF);

        List<AuditRows.Row> counts = audit.rows(before, doctor.loginId()).stream()
                .filter(r -> "ResearchProject".equals(r.resourceType()) && "SEARCH".equals(r.action())).toList();
        assertThat(counts).extracting(r -> r.outcome() + " " + r.purpose()).containsExactly("DENY RESEARCH",
                "PERMIT RESEARCH", "DENY RESEARCH");
        assertThat(counts).allSatisfy(r -> {
            assertThat(r.resourceIds()).containsExactly(String.valueOf(id));
            assertThat(r.patientId()).isNull();
        });
        assertThat(audit.rows(before, operator.loginId())).filteredOn(r -> "ResearchProject".equals(r.resourceType())
                        && "UPDATE".equals(r.action())).extracting(r -> r.outcome() + " " + r.reason())
                .containsExactly("DENY research.refused.reason", "PERMIT NARROWED: 対象を 1 町に限る");
        assertThat(audit.rows(before, operator.loginId())).filteredOn(r -> "ResearchOptOut".equals(r.resourceType()))
                .extracting(AuditRows.Row::action).containsExactly("UPDATE", "READ");
        assertThat(new WebSession(port).get("/public/research").body()).contains("糖尿病の地域差 " + town);
    }

    /**
     * Issue 67: この研究を終える asks once. The project's page offers the act with its question (the project named, what
     * ending means) behind a button that works without script; a POST without the confirmation leaves the project
     * approved and comes back to the page with the question open; the confirmed POST ends it, audited once.
     */
    @Test
    void endingAProjectAsksOnceNamingItAndWhatEndingMeansAndOnlyTheConfirmationEndsIt() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        WebSession researcher = accounts.signedIn(port, doctor);
        String title = "終える前に確かめる研究 " + UUID.randomUUID().toString().substring(0, 6);
        long id = Long.parseLong(WebSession.location(ResearchForms.apply(researcher,
                ExtractionIT.application(title, "確認の手順", "確認町", LocalDate.now(ResearchDesk.ZONE)), ResearchForms.PDF))
                .replaceAll(".*/research/", ""));
        assertThat(accounts.signedIn(port, accounts.networkAdmin()).post("/admin/research/" + id + "/decide",
                "confirmed", "yes", "decision", "APPROVED", "reason", "").statusCode()).isEqualTo(302);
        String question = "「" + title + "」を終了します。終了すると、この研究の集計・データ抽出・一括出力はもうできず、元に戻せません"
                + "（続けるには新たに申請し、承認を受けます）。";

        String page = researcher.get("/research/" + id).body();
        assertThat(page).contains("<details class=\"confirm\" id=\"research-close\">")
                .contains("<summary id=\"research-close-ask\">この研究を終える</summary>")
                .contains("<p class=\"confirm-question\" id=\"research-close-question\">" + question + "</p>")
                .contains("<input type=\"hidden\" name=\"confirmed\" value=\"yes\">")
                .contains("id=\"research-close-confirm\">終了する</button>");

        long before = audit.max();
        HttpResponse<String> oneClick = researcher.post("/research/" + id + "/close");
        assertThat(WebSession.location(oneClick)).isEqualTo("/research/" + id + "?confirm");
        assertThat(status(id)).as("one click ends nothing").isEqualTo("APPROVED");
        assertThat(researcher.get("/research/" + id + "?confirm").body())
                .contains("<details class=\"confirm\" id=\"research-close\" open=\"open\">").contains(question);
        assertThat(audit.reasons(before, "UPDATE", "ResearchProject")).as("nothing changed").isEmpty();

        HttpResponse<String> confirmed = researcher.post("/research/" + id + "/close", "confirmed", "yes");
        assertThat(WebSession.location(confirmed)).isEqualTo("/research/" + id + "?closed");
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(audit.reasons(before, "UPDATE", "ResearchProject")).containsExactly("CLOSED");
        assertThat(researcher.get("/research/" + id).body()).contains("id=\"research-status\">終了</dd>")
                .doesNotContain("id=\"research-close\"");
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM research_project WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void aRefusedProjectIsNeitherCountedNorPublished() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        WebSession researcher = accounts.signedIn(port, doctor);
        String title = "不承認の研究 " + UUID.randomUUID();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("institution", "テスト研究所");
        form.put("purpose", "テスト");
        form.put("ethicsNumber", "X-1");
        form.put("periodFrom", LocalDate.now(ResearchDesk.ZONE).toString());
        form.put("periodTo", LocalDate.now(ResearchDesk.ZONE).plusMonths(6).toString());
        long id = Long.parseLong(WebSession.location(ResearchForms.apply(researcher, form, ResearchForms.PDF))
                .replaceAll(".*/research/", ""));
        WebSession publicSite = new WebSession(port);
        assertThat(publicSite.get("/public/research").body()).as("an application is not published").doesNotContain(title);

        WebSession committee = accounts.signedIn(port, accounts.networkAdmin());
        // a decision is final (issue 67): one click decides nothing and opens the question, the reason kept
        String question = "「" + title + "」への委員会の決定（上で選んだ承認・範囲を狭めて承認・不承認）を記録します。"
                + "決定は後から変えられません（不承認は最終で、承認した研究は終了させることしかできません）。";
        assertThat(committee.get("/research/" + id).body())
                .contains("<summary id=\"research-decide-send-ask\">決定する</summary>")
                .contains("<p class=\"confirm-question\" id=\"research-decide-send-question\">" + question + "</p>");
        HttpResponse<String> oneClick = committee.post("/admin/research/" + id + "/decide", "decision", "REFUSED",
                "reason", "倫理審査の範囲外");
        assertThat(WebSession.location(oneClick)).isEqualTo("/research/" + id + "?confirm=decide");
        assertThat(committee.get("/research/" + id + "?confirm=decide").body()).as("not refused without the confirmation")
                .contains("data-status=\"APPLIED\"")
                .contains("<details class=\"confirm\" id=\"research-decide-send\" open=\"open\">").contains(question)
                .contains("倫理審査の範囲外</textarea>");
        committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "REFUSED", "reason", "倫理審査の範囲外");
        assertThat(researcher.get("/research/" + id).body()).contains("data-status=\"REFUSED\"");
        assertThat(researcher.post("/research/" + id + "/count").statusCode()).isEqualTo(404);
        assertThat(committee.post("/research/" + id + "/count").statusCode()).isEqualTo(404);
        assertThat(publicSite.get("/public/research").body()).doesNotContain(title);
    }

    /** A person of the hospital (registered through its FHIR API) with one Condition; the person's id. */
    private long patient(IGenericClient fhir, Facility hospital, String sex, LocalDate born, String town, String icd10) {
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(fhir, hospital, localId, FhirRecords.uniqueKana());
        long person = clients.personOf(hospital, localId);
        jdbc.sql("UPDATE person SET sex = ?, birth_date = ?, address = ? WHERE id = ?")
                .params(sex, born, "広島県" + town + "1-1", person).update();
        Condition c = new Condition();
        c.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10").setCode(icd10);
        c.setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId));
        c.setOnset(new DateTimeType(LocalDate.now(ResearchDesk.ZONE).minusDays(30) + "T12:00:00+09:00"));
        FhirRecords.create(fhir, c);
        return person;
    }

    /** The cells of the count table's row {@code sex}, its total last. */
    private static List<String> row(String page, String sex) {
        int start = page.indexOf("data-sex=\"" + sex + "\"", page.indexOf("id=\"research-count-table\""));
        String tr = page.substring(start, page.indexOf("</tr>", start));
        return java.util.regex.Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(tr).results().map(m -> m.group(1)).toList();
    }
}

package org.musubi.secretariat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.phr.ResidentFixtures;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;

/**
 * The help desk over HTTP: a staff question asked, taken, answered, replied to (reopened), answered again and closed,
 * each step one audit row; a patient named only when the asker may open that chart (refused exactly like a patient
 * nobody has, and then nothing stored names the patient); another user's question answers like one that does not
 * exist; residents never reach the help desk.
 */
@MusubiIntegrationTest
class HelpDeskIT extends ResidentFixtures {

    @Test
    void aQuestionIsAskedAnsweredReopenedAndClosedWithOneAuditRowPerStep() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User nurse = accounts.memberOf(clinic, Profession.NURSE);
        User operator = accounts.networkAdmin();
        WebSession asker = accounts.signedIn(port, nurse);
        WebSession desk = accounts.signedIn(port, operator);
        String subject = "印刷できません " + UUID.randomUUID();

        HttpResponse<String> form = asker.send(HttpRequest.newBuilder(URI.create(asker.base()
                + "/portal/help/ask?category=LETTERS_BOX")).header("Referer", asker.base()
                + "/portal/letters/42?q=%E3%83%A4%E3%83%9E%E3%83%80").GET());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("/portal/letters/{id}").doesNotContain("%E3%83%A4").doesNotContain("?q=");

        long before = audit.max();
        HttpResponse<String> sent = asker.post("/portal/help/ask", "category", "LETTERS_BOX", "subject", subject,
                "text", "紹介状の PDF が開きません。", "page", "/portal/letters/42");
        assertThat(sent.statusCode()).isEqualTo(302);
        String location = WebSession.location(sent);
        assertThat(location).matches(".*/portal/help/\\d+\\?done=asked");
        long id = Long.parseLong(location.replaceAll(".*/portal/help/(\\d+).*", "$1"));
        assertThat(jdbc.sql("SELECT page FROM helpdesk_question WHERE id = ?").param(id).query(String.class).single())
                .as("the path only, its ids masked").isEqualTo("/portal/letters/{id}");
        assertThat(rows(before, nurse)).containsExactly("HELPDESK_ASK PERMIT HelpQuestion [" + id + "]");

        assertThat(desk.get("/admin/helpdesk").body()).contains(subject);
        assertThat(desk.get("/").body()).as("the secretariat's home line").contains("id=\"helpdesk-waiting\"");
        jdbc.sql("UPDATE helpdesk_question SET asked_at = now() - interval '7 days' WHERE id = ?").param(id).update();
        assertThat(overdue(desk.get("/").body())).as("waiting longer than two working days").isPositive();
        long taken = audit.max();
        assertThat(desk.post("/admin/helpdesk/" + id + "/status", "move", "TAKE").statusCode()).isEqualTo(302);
        assertThat(desk.post("/admin/helpdesk/" + id + "/answer", "text", "ブラウザを再読み込みしてください。")
                .statusCode()).isEqualTo(302);
        assertThat(asker.get("/").body()).as("the home line").contains("helpdesk-answers");

        HttpResponse<String> page = asker.get("/portal/help/" + id);
        assertThat(page.body()).contains("ブラウザを再読み込みしてください。").contains("data-status=\"ANSWERED\"");
        assertThat(asker.get("/").body()).as("read now").doesNotContain("helpdesk-answers");

        assertThat(asker.post("/portal/help/" + id + "/reply", "text", "まだ開きません。").statusCode()).isEqualTo(302);
        assertThat(status(id)).as("a reply reopens").isEqualTo("IN_PROGRESS");
        assertThat(asker.post("/portal/help/" + id + "/close", "confirmed", "yes").statusCode()).isEqualTo(302);
        assertThat(status(id)).as("the asker closes only an answered question").isEqualTo("IN_PROGRESS");
        desk.post("/admin/helpdesk/" + id + "/answer", "text", "設定を変更しました。");
        // closing asks once (issue 67), saying that a reply takes it up again
        String question = "問い合わせ「" + subject + "」（#" + id + "）を解決済みとして終了します。"
                + "終了後に返信すると、事務局が改めて対応します。";
        assertThat(asker.get("/portal/help/" + id).body())
                .contains("<summary id=\"close-question-ask\">解決しました（終了する）</summary>")
                .contains("<p class=\"confirm-question\" id=\"close-question-question\">" + question + "</p>");
        assertThat(WebSession.location(asker.post("/portal/help/" + id + "/close")))
                .isEqualTo("/portal/help/" + id + "?confirm");
        assertThat(status(id)).as("not closed without the confirmation").isEqualTo("ANSWERED");
        assertThat(asker.get("/portal/help/" + id + "?confirm").body())
                .contains("<details class=\"confirm\" id=\"close-question\" open=\"open\">").contains(question);
        asker.post("/portal/help/" + id + "/close", "confirmed", "yes");
        assertThat(status(id)).isEqualTo("CLOSED");
        desk.post("/admin/helpdesk/" + id + "/status", "move", "REOPEN");
        assertThat(status(id)).isEqualTo("IN_PROGRESS");

        assertThat(rows(taken, operator)).containsExactly(
                "HELPDESK_STATUS PERMIT HelpQuestion [" + id + "]", "HELPDESK_ANSWER PERMIT HelpQuestion [" + id + "]",
                "HELPDESK_ANSWER PERMIT HelpQuestion [" + id + "]", "HELPDESK_STATUS PERMIT HelpQuestion [" + id + "]");
        assertThat(rows(taken, nurse)).containsExactly("HELPDESK_REPLY PERMIT HelpQuestion [" + id + "]",
                "HELPDESK_STATUS PERMIT HelpQuestion [" + id + "]");
        assertThat(jdbc.sql("SELECT status FROM helpdesk_event WHERE question_id = ? ORDER BY id").param(id)
                .query(String.class).list()).containsExactly("NEW", "IN_PROGRESS", "ANSWERED", "IN_PROGRESS", "ANSWERED",
                "CLOSED", "IN_PROGRESS");
    }

    @Test
    void aPatientIsNamedOnlyWhenTheAskerMayOpenTheChartAndARefusalLooksLikeAPatientNobodyHas() {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        String nobody = String.valueOf(person + 1_000_000_000L);
        User stranger = accounts.memberOf(accounts.facilityOf(FacilityKind.CLINIC), Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, stranger);
        long before = audit.max();
        HttpResponse<String> refused = ask(web, String.valueOf(person), "参照できない患者");
        long between = audit.max();
        HttpResponse<String> absent = ask(web, nobody, "参照できない患者");

        assertThat(refused.statusCode()).isEqualTo(200).isEqualTo(absent.statusCode());
        assertThat(refused.body()).contains("data-key=\"" + HelpDesk.PATIENT_REFUSED + "\"")
                .doesNotContain(String.valueOf(person));
        assertThat(withoutToken(refused.body())).isEqualTo(withoutToken(absent.body()));
        assertThat(audit.countByUser(before, stranger.id()) - audit.countByUser(between, stranger.id())).isEqualTo(1);
        assertThat(audit.countByUser(between, stranger.id())).isEqualTo(1);
        assertThat(rows(before, stranger)).allMatch(r -> r.startsWith("HELPDESK_ASK DENY"));
        assertThat(jdbc.sql("SELECT count(*) FROM helpdesk_question WHERE asked_by = ?").param(stranger.id())
                .query(Long.class).single()).as("nothing stored").isZero();

        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        WebSession allowed = accounts.signedIn(port, doctor);
        long named = audit.max();
        HttpResponse<String> sent = ask(allowed, String.valueOf(person), "この患者のデータが二重です");
        long id = Long.parseLong(WebSession.location(sent).replaceAll(".*/portal/help/(\\d+).*", "$1"));
        assertThat(rows(named, doctor)).containsExactly("HELPDESK_ASK PERMIT HelpQuestion []");
        assertThat(audit.rows(named, doctor.loginId()).getFirst().patientId()).isNotNull();
        assertThat(allowed.get("/portal/help/" + id).body()).contains("/portal/patients/" + person);
        String shown = accounts.signedIn(port, accounts.networkAdmin()).get("/admin/helpdesk/" + id).body();
        assertThat(shown).contains(hospital.nameKanji() + " の患者（参照 #" + id + "）")
                .doesNotContain("/portal/patients/" + person).doesNotContain(">" + person + "<");
    }

    @Test
    void anotherUsersQuestionAnswersLikeOneThatDoesNotExist() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession owner = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        HttpResponse<String> sent = owner.post("/portal/help/ask", "category", "OTHER", "subject", "他人の問い合わせ",
                "text", "本文");
        String id = WebSession.location(sent).replaceAll(".*/portal/help/(\\d+).*", "$1");
        String guessed = id.equals("1234567890") ? "1234567891" : "1234567890";
        WebSession colleague = accounts.signedIn(port, accounts.memberOf(clinic, Profession.NURSE));
        for (var route : List.<java.util.function.Function<String, HttpResponse<String>>>of(
                q -> colleague.get("/portal/help/" + q), q -> colleague.post("/portal/help/" + q + "/reply", "text", "x"),
                q -> colleague.post("/portal/help/" + q + "/close"),
                q -> colleague.post("/portal/help/" + q + "/close", "confirmed", "yes"))) {
            HttpResponse<String> real = route.apply(id);
            HttpResponse<String> nothing = route.apply(guessed);
            assertThat(real.statusCode()).isEqualTo(404).isEqualTo(nothing.statusCode());
            assertThat(withoutToken(real.body()).replace(id, "N")).isEqualTo(withoutToken(nothing.body()).replace(guessed, "N"));
        }
        assertThat(colleague.get("/portal/help").body()).doesNotContain("他人の問い合わせ");
        assertThat(jdbc.sql("SELECT count(*) FROM helpdesk_event WHERE question_id = ?").param(Long.parseLong(id))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void residentsNeverReachTheHelpDesk() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        long person = linkedConsentedPatientAt(hospital);
        WebSession resident = residents.logIn(port, residents.register(person));
        for (String path : List.of("/portal/help", "/portal/help/ask", "/portal/help/faq", "/admin/helpdesk")) {
            assertThat(resident.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(resident.post("/portal/help/ask", "category", "OTHER", "subject", "s", "text", "t").statusCode())
                .isEqualTo(403);
        assertThat(accounts.signedIn(port, accounts.memberOf(hospital, Profession.NURSE)).get("/admin/helpdesk")
                .statusCode()).as("staff are not the secretariat").isEqualTo(403);
    }

    @Test
    void theSecretariatWritesAndPublishesTheFaqThatStaffSearchAndTheAskPageSuggests() {
        WebSession desk = accounts.signedIn(port, accounts.networkAdmin());
        WebSession staff = accounts.signedIn(port, accounts.memberOf(accounts.facilityOf(FacilityKind.CLINIC),
                Profession.PHARMACIST));
        String word = "合言葉" + UUID.randomUUID().toString().substring(0, 8);
        long before = audit.max();
        HttpResponse<String> saved = desk.post("/admin/helpdesk/faq", "category", "IMPORTS", "question",
                word + " の取り込みが止まりました", "answer", "管理 → データ取り込み を開いてください。", "position", "5");
        String entry = WebSession.location(saved).replaceAll(".*/admin/helpdesk/faq/(\\d+).*", "$1");
        assertThat(staff.get("/portal/help/faq?q=" + word).body()).as("not published yet")
                .doesNotContain("data-faq=\"" + entry + "\"");
        desk.post("/admin/helpdesk/faq", "id", entry, "category", "IMPORTS", "question", word + " の取り込みが止まりました",
                "answer", "管理 → データ取り込み を開いてください。", "position", "5", "published", "true");
        assertThat(staff.get("/portal/help/faq?q=" + word + "%20%E5%8F%96%E3%82%8A%E8%BE%BC%E3%81%BF").body())
                .as("every word found").contains("data-faq=\"" + entry + "\"");
        assertThat(staff.get("/portal/help/faq?q=" + word + "%20nothing-like-this").body())
                .doesNotContain("data-faq=\"" + entry + "\"");
        assertThat(staff.get("/portal/help/ask?category=IMPORTS").body()).as("suggested").contains(word);
        assertThat(staff.get("/portal/help/ask?category=LOGIN").body()).doesNotContain(word);
        assertThat(audit.rowsSince(before).stream().filter(r -> r.action().equals("HELPDESK_FAQ"))
                .map(r -> r.resourceType() + " " + r.resourceIds())).containsExactly("HelpFaq [" + entry + "]",
                "HelpFaq [" + entry + "]");
        assertThat(staff.post("/admin/helpdesk/faq", "category", "OTHER", "question", "q", "answer", "a").statusCode())
                .as("staff do not write the FAQ").isEqualTo(403);

        HttpResponse<String> asked = staff.post("/portal/help/ask", "category", "IMPORTS", "subject", "CSV の文字化け",
                "text", "取り込んだ名前が文字化けします。山田さんのデータです。");
        String id = WebSession.location(asked).replaceAll(".*/portal/help/(\\d+).*", "$1");
        desk.post("/admin/helpdesk/" + id + "/answer", "text", "Shift_JIS で保存してください。");
        String draft = WebSession.location(desk.post("/admin/helpdesk/" + id + "/faq"))
                .replaceAll(".*/admin/helpdesk/faq/(\\d+).*", "$1");
        assertThat(jdbc.sql("SELECT question || '|' || answer || '|' || published FROM helpdesk_faq WHERE id = ?")
                .param(Long.parseLong(draft)).query(String.class).single())
                .as("the subject and the answer, unpublished, never the asker's text")
                .isEqualTo("CSV の文字化け|Shift_JIS で保存してください。|false");
    }

    private static long overdue(String home) {
        var matcher = java.util.regex.Pattern.compile("id=\"helpdesk-waiting\"[^>]*data-overdue=\"(\\d+)\"").matcher(home);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private HttpResponse<String> ask(WebSession web, String patient, String subject) {
        return web.post("/portal/help/ask", "category", "LINKING", "subject", subject, "text", "本文",
                "page", "/portal/patients/{patient}", "patient", patient);
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM helpdesk_question WHERE id = ?").param(id).query(String.class).single();
    }

    private List<String> rows(long after, User user) {
        return audit.rows(after, user.loginId()).stream().filter(r -> r.action().startsWith("HELPDESK"))
                .map(r -> r.action() + " " + r.outcome() + " " + r.resourceType() + " " + r.resourceIds()).toList();
    }

    private static String withoutToken(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]{20,}\"", "");
    }
}

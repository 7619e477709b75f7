package org.musubi.portal.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.ListLetters;
import org.musubi.letters.exchange.SendLetterDocument;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.LetterPatients;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The letters' pages over HTTP: the composer prefilled from the record, a letter sent from it, the addressee's inbox,
 * home count and letter page, the addressee's acts (CSRF-protected), and the one 404 for everyone else — another
 * facility, the addressee's clerk, a guessed id, a person the writer may not write for — each asked once and audited
 * once.
 */
@MusubiIntegrationTest
class LettersPagesIT extends NetworkFixtures {

    private static final Pattern SENT = Pattern.compile("^/portal/letters/([0-9a-f-]{36})\\?sent$");

    @Autowired
    LetterPatients patients;
    @Autowired
    ListLetters listLetters;
    @Autowired
    SendLetterDocument sendLetterDocument;

    @Test
    void aReferralFromTheRecordReachesTheAddresseesInboxAndOnlyItsStaffWhoSeeReferralsOpenIt() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        LetterPatients.Written patient = patients.at(port, clinic);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));

        HttpResponse<String> composer = doctor.get("/portal/patients/" + patient.personId() + "/letters/new?kind=REFERRAL");
        assertThat(composer.statusCode()).isEqualTo(200);
        assertThat(composer.body()).contains(LetterPatients.DIAGNOSIS, LetterPatients.ALLERGY, hospital.nameKanji())
                .contains("name=\"insuranceMemberId\"").contains("id=\"sign-and-send\"");

        UUID letter = send(doctor, patient, hospital, "send");

        User nurse = accounts.memberOf(hospital, Profession.NURSE);
        WebSession liaison = accounts.signedIn(port, nurse);
        assertThat(liaison.get("/").body()).contains("id=\"letters-inbox\"").contains("受信箱 未読 1 件");
        String inbox = liaison.get("/portal/letters").body();
        assertThat(inbox).contains("data-letter=\"" + letter + "\"").contains("data-unread=\"true\"")
                .contains(patient.kanjiName()).contains(clinic.nameKanji());

        long before = audit.max();
        HttpResponse<String> page = liaison.get("/portal/letters/" + letter);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(patient.kanjiName(), "精査加療のお願い", LetterPatients.DIAGNOSIS)
                .contains("id=\"pdf-signature\"").contains("id=\"accept\"").contains("id=\"write-reply\"");
        assertThat(page.body()).containsPattern("id=\"pdf-signature\" class=\"signature valid\"[^>]*data-status=\"VALID\"");
        assertThat(audit.countByUser(before, nurse.id())).as("opening the letter: one audit row").isEqualTo(1);
        HttpResponse<byte[]> pdf = liaison.getBytes("/portal/letters/" + letter + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        HttpResponse<String> forged = liaison.postRaw("/portal/letters/" + letter + "/accept", Map.of());
        assertThat(forged.statusCode()).as("accept without the CSRF token").isEqualTo(403);
        assertThat(liaison.get("/portal/letters/" + letter).body()).doesNotContain("data-status=\"accepted\"");

        HttpResponse<String> accepted = liaison.post("/portal/letters/" + letter + "/accept");
        assertThat(WebSession.location(accepted)).isEqualTo("/portal/letters/" + letter + "?accepted");
        assertThat(liaison.get("/portal/letters/" + letter).body()).contains("id=\"letter-status\" class=\"status\" data-status=\"accepted\"");
        assertThat(doctor.get("/portal/letters/sent").body()).contains("data-letter=\"" + letter + "\" data-status=\"accepted\"");

        HttpResponse<String> early = liaison.get("/portal/patients/" + patient.personId() + "/letters/new?repliesTo="
                + letter);
        assertThat(early.statusCode()).as("the addressee is told why it cannot answer yet, not given a 404").isEqualTo(200);
        assertThat(early.body()).contains("id=\"reply-unavailable\"").contains("id=\"back-to-letter\"")
                .doesNotContain("id=\"sign-and-send\"");
    }

    /**
     * Returning a letter (the addressee) and withdrawing one (the sender) cannot be undone (issue 67): one click with
     * the reason typed changes nothing and opens the question on the letter's page, naming the letter, the patient and
     * the other facility and saying what follows; the confirmed POST (the question's own button, in the same form as
     * the reason) does it.
     */
    @Test
    void returningAndWithdrawingALetterAskOnceSayingWhatFollows() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        LetterPatients.Written patient = patients.at(port, clinic);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        WebSession liaison = accounts.signedIn(port, accounts.memberOf(hospital, Profession.NURSE));
        UUID returned = send(doctor, patient, hospital, "send");
        String page = "/portal/letters/" + returned;
        String question = patient.kanjiName() + "さんの「診療情報提供書」（" + clinic.nameKanji() + " から）を返送します。"
                + "返送すると理由が差出人に知らされ、この文書には返書を書けなくなります。元に戻せません。";
        String form = liaison.get(page).body();
        assertThat(form).contains("<summary id=\"decline-ask\">返送</summary>")
                .contains("<p class=\"confirm-question\" id=\"decline-question\">" + question + "</p>")
                .contains("<button type=\"submit\" class=\"danger\" name=\"confirmed\" value=\"yes\" id=\"decline-confirm\">返送する</button>")
                .doesNotContain("<details class=\"confirm\" id=\"decline\" open=\"open\">");

        HttpResponse<String> oneClick = liaison.post(page + "/decline", "reason", "当院では対応できません");
        assertThat(WebSession.location(oneClick)).isEqualTo(page + "?confirm=decline");
        String asked = liaison.get(page + "?confirm=decline").body();
        assertThat(asked).as("not returned without the confirmation").contains("data-status=\"received\"")
                .contains("<details class=\"confirm\" id=\"decline\" open=\"open\">").contains(question);
        assertThat(WebSession.location(liaison.post(page + "/decline", "reason", "当院では対応できません",
                "confirmed", "yes"))).isEqualTo(page + "?returned");
        assertThat(liaison.get(page).body()).contains("data-status=\"rejected\"").contains("当院では対応できません");

        UUID withdrawn = send(doctor, patient, hospital, "send");
        String sent = "/portal/letters/" + withdrawn;
        String withdrawal = patient.kanjiName() + "さんの「診療情報提供書」（" + hospital.nameKanji() + " 宛て）を取り下げます。"
                + "取り下げると理由が宛先の施設に知らされ、この文書への返書は受けられなくなります。元に戻せません。";
        HttpResponse<String> once = doctor.post(sent + "/cancel", "reason", "紹介先を変更します");
        assertThat(WebSession.location(once)).isEqualTo(sent + "?confirm=cancel");
        assertThat(doctor.get(sent + "?confirm=cancel").body()).as("not withdrawn without the confirmation")
                .contains("data-status=\"requested\"")
                .contains("<details class=\"confirm\" id=\"cancel\" open=\"open\">")
                .contains("<p class=\"confirm-question\" id=\"cancel-question\">" + withdrawal + "</p>");
        assertThat(WebSession.location(doctor.post(sent + "/cancel", "reason", "紹介先を変更します", "confirmed", "yes")))
                .isEqualTo(sent + "?withdrawn");
        assertThat(doctor.get(sent).body()).contains("data-status=\"cancelled\"");
    }

    @Test
    void theComposersResultsReadWithTheirUnitsAsPeopleWriteThemWhileTheFormKeepsTheSentUnit() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        LetterPatients.Written patient = patients.at(port, clinic);
        Observation egfr = FhirRecords.lab(clinic, patient.localId(), "8A065000002391901", "2026-11-02", 0);
        egfr.getCode().setText("eGFR");
        egfr.setValue(new Quantity().setValueElement(new DecimalType("58")).setUnit("mL/min/{1.73_m2}")
                .setSystem("http://unitsofmeasure.org").setCode("mL/min/{1.73_m2}"));
        FhirRecords.create(clients.fhirFor(port, clinic, "system/*.read", "system/*.write"), egfr);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));

        String composer = doctor.get("/portal/patients/" + patient.personId() + "/letters/new?kind=REFERRAL").body();

        Matcher shown = Pattern.compile("<span[^>]*>(eGFR [^<]*)</span>").matcher(composer);
        java.util.List<String> lines = new java.util.ArrayList<>();
        while (shown.find()) {
            lines.add(shown.group(1));
        }
        assertThat(lines).containsExactly("eGFR 58 mL/min/1.73m²");
        assertThat(composer).as("the letter keeps the unit as sent").contains("value=\"mL/min/{1.73_m2}\"");
    }

    @Test
    void aReplyNamesTheReferralItAnswersByKindDayFacilityAndAuthorOnItsPageAndItsPdfNeverByAnId() throws Exception {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        LetterPatients.Written patient = patients.at(port, clinic);
        User writer = accounts.memberOf(clinic, Profession.DOCTOR);
        WebSession doctor = accounts.signedIn(port, writer);
        UUID referral = send(doctor, patient, hospital, "send");
        patients.visits(hospital, patient);
        WebSession answering = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        answering.get("/portal/patients/" + patient.personId() + "/letters/new?repliesTo=" + referral);
        HttpResponse<String> sent = answering.post("/portal/patients/" + patient.personId() + "/letters",
                "kind", "REPLY", "repliesTo", referral.toString(), "addressee", String.valueOf(clinic.id()),
                "course", "心エコーで軽度の左室肥大。外来で経過を見ます。", "insuranceMemberId", "06139999:1:2:00",
                "action", "send");
        Matcher m = SENT.matcher(String.valueOf(WebSession.location(sent)));
        assertThat(m.matches()).as("reply sent: " + sent.statusCode() + " " + sent.body()).isTrue();
        String reply = m.group(1);
        java.time.Instant referralSent = listLetters.outbox(new Reader(writer.id(), clinic.id()), java.util.Set.of(), 0)
                .rows().stream().filter(r -> r.id().equals(referral)).findFirst().orElseThrow().sentAt();
        String day = java.time.format.DateTimeFormatter.ofPattern("uuuu年M月d日")
                .format(referralSent.atZone(java.time.ZoneId.of("Asia/Tokyo")));
        String named = day + "付 診療情報提供書（" + clinic.nameKanji() + " " + writer.nameKanji() + "）";

        String page = doctor.get("/portal/letters/" + reply).body();
        String form = page.substring(page.indexOf("<article class=\"letter\""), page.indexOf("</article>"));
        byte[] pdf = doctor.getBytes("/portal/letters/" + reply + "/pdf").body();
        java.util.List<String> printed;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            printed = new org.apache.pdfbox.text.PDFTextStripper().getText(document).lines().map(String::strip).toList();
        }

        assertThat(form).contains("<span class=\"letter-answered\">" + named + "</span>")
                .containsPattern("class=\"letter-document-number\">（文書番号 \\d{10}\\^\\d{4}\\^\\d{6}）</span>")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(printed).contains("ご紹介の文書 " + named);
        assertThat(String.join("\n", printed))
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        // A reply stored before it named the referral: its letter held the referral's stored id and no name.
        jdbc.sql("UPDATE letter SET letter_json = ((letter_json::jsonb - 'answered')"
                        + " || jsonb_build_object('repliesTo', ?))::text WHERE id = ?")
                .param(UUID.randomUUID().toString()).param(UUID.fromString(reply)).update();
        String old = doctor.get("/portal/letters/" + reply).body();
        String oldForm = old.substring(old.indexOf("<article class=\"letter\""), old.indexOf("</article>"));
        assertThat(oldForm).contains("<span class=\"letter-answered\">" + named + "</span>")
                .doesNotContain("letter-document-number")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void everyoneElseGetsTheAnswerOfALetterThatDoesNotExistEachAskAuditedOnce() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        LetterPatients.Written patient = patients.at(port, clinic);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        UUID letter = send(doctor, patient, hospital, "send");
        String nothing = UUID.randomUUID().toString();

        for (User caller : new User[] {accounts.memberOf(accounts.newHospital(), Profession.DOCTOR),
                accounts.memberOf(hospital, Profession.MEDICAL_CLERK)}) {
            WebSession web = accounts.signedIn(port, caller);
            for (String path : new String[] {"", "/pdf", "/attachments/0"}) {
                alike(web, caller, "GET", "/portal/letters/" + letter + path, "/portal/letters/" + nothing + path,
                        letter.toString(), nothing);
            }
            for (String act : new String[] {"/accept", "/decline", "/cancel"}) {
                alike(web, caller, "POST", "/portal/letters/" + letter + act, "/portal/letters/" + nothing + act,
                        letter.toString(), nothing);
                // asked (issue 67) or confirmed: the same one 404
                alike(web, caller, "POST", "/portal/letters/" + letter + act, "/portal/letters/" + nothing + act,
                        letter.toString(), nothing, "confirmed", "yes");
            }
            assertThat(web.get("/portal/letters").body()).doesNotContain(letter.toString())
                    .doesNotContain(patient.kanjiName());
        }
    }

    @Test
    void aFacilityThatMayNotWriteForThePersonGetsTheViewersOne404() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        LetterPatients.Written patient = patients.at(port, clinic);
        User stranger = accounts.memberOf(accounts.newHospital(), Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, stranger);
        String person = String.valueOf(patient.personId());
        String nobody = "1" + "0".repeat(17);

        alike(web, stranger, "GET", "/portal/patients/" + person + "/letters/new?kind=REFERRAL",
                "/portal/patients/" + nobody + "/letters/new?kind=REFERRAL", person, nobody);
        alike(web, stranger, "POST", "/portal/patients/" + person + "/letters",
                "/portal/patients/" + nobody + "/letters", person, nobody);
    }

    /**
     * One draft open in two windows (issue 66): the first window's save is kept; the second's is told the draft was saved
     * meanwhile (409) with what it typed still on the page, and the draft keeps the first window's text.
     */
    @Test
    void aDraftSavedInAnotherWindowMeanwhileIsToldAndNothingIsLost() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        LetterPatients.Written patient = patients.at(port, clinic);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        String base = "/portal/patients/" + patient.personId() + "/letters";
        doctor.get(base + "/new?kind=REFERRAL");
        HttpResponse<String> first = doctor.post(base, "kind", "REFERRAL", "purposeText", "最初の下書き", "action", "draft");
        String page = WebSession.location(first);
        assertThat(page).contains("/letters/new?draft=");
        String draft = page.replaceAll(".*draft=([0-9a-f-]{36}).*", "$1");
        String windowOne = doctor.get(page).body();
        String windowTwo = doctor.get(page).body();
        Matcher savedAt = Pattern.compile("name=\"draftSavedAt\" value=\"([^\"]+)\"").matcher(windowOne);
        assertThat(savedAt.find()).as("the form names when its draft was saved").isTrue();
        assertThat(windowTwo).contains(savedAt.group(0));

        HttpResponse<String> one = doctor.post(base, "kind", "REFERRAL", "draft", draft, "draftSavedAt", savedAt.group(1),
                "purposeText", "一つ目の窓で直した", "action", "draft");
        assertThat(one.statusCode()).isEqualTo(302);
        HttpResponse<String> two = doctor.post(base, "kind", "REFERRAL", "draft", draft, "draftSavedAt", savedAt.group(1),
                "purposeText", "二つ目の窓で直した", "action", "draft");

        assertThat(two.statusCode()).isEqualTo(409);
        assertThat(two.body()).contains("この下書きは、この画面を開いた後に別の画面で保存されています。")
                .as("what the second window typed stays on its page").contains("二つ目の窓で直した");
        assertThat(doctor.get(base + "/new?draft=" + draft).body()).contains("一つ目の窓で直した")
                .doesNotContain("二つ目の窓で直した");
    }

    /**
     * Issue 67: deleting a draft asks once. One click keeps the draft and comes back to the composer with the question
     * (the draft's kind, what deleting means) open; the confirmed POST deletes it.
     */
    @Test
    void deletingADraftAsksOnceAndOnlyTheConfirmationDeletesIt() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        LetterPatients.Written patient = patients.at(port, clinic);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        String base = "/portal/patients/" + patient.personId() + "/letters";
        doctor.get(base + "/new?kind=REFERRAL");
        String draft = WebSession.location(doctor.post(base, "kind", "REFERRAL", "purposeText", "消すかもしれない下書き",
                "action", "draft")).replaceAll(".*draft=([0-9a-f-]{36}).*", "$1");

        HttpResponse<String> oneClick = doctor.post(base + "/drafts/" + draft + "/delete");
        assertThat(WebSession.location(oneClick)).isEqualTo(base + "/new?confirm=" + draft);
        String asked = doctor.get(base + "/new?confirm=" + draft).body();
        assertThat(asked).contains("<details class=\"confirm\" id=\"delete-draft-" + draft + "\" open=\"open\">")
                .contains("この診療情報提供書の下書きを削除します。下書きに書いた内容は消え、元に戻せません（送信済みの文書には影響しません）。");
        assertThat(doctor.get(base + "/new?draft=" + draft).body()).as("kept").contains("消すかもしれない下書き");

        HttpResponse<String> confirmed = doctor.post(base + "/drafts/" + draft + "/delete", "confirmed", "yes");
        assertThat(WebSession.location(confirmed)).isEqualTo(base + "/new");
        assertThat(doctor.get(base + "/new?draft=" + draft).statusCode()).as("deleted").isEqualTo(404);
    }

    @Test
    void aLetterTheExchangeRefusesComesBackWithItsFaultsAndEveryValueKept() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        LetterPatients.Written patient = patients.at(port, clinic);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        doctor.get("/portal/patients/" + patient.personId() + "/letters/new?kind=REFERRAL");

        HttpResponse<String> refused = doctor.post("/portal/patients/" + patient.personId() + "/letters",
                "kind", "REFERRAL", "purposeText", "残しておく紹介目的", "diagnoses[0].text", "書きかけの病名",
                "remarks", "備考も残る", "action", "send");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"compose-faults\"").contains("残しておく紹介目的", "書きかけの病名", "備考も残る");
    }

    @Test
    void aDocumentASystemSentIsShownAsItsSectionsInPlainTextWithoutAPdf() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        LetterPatients.Written patient = patients.at(port, clinic);
        User system = accounts.memberOf(clinic, Profession.DOCTOR);
        String bundle = """
                {"resourceType":"Bundle","type":"document","entry":[{"resource":{"resourceType":"Composition",
                 "status":"final","type":{"coding":[{"system":"http://loinc.org","code":"57133-1"}]},
                 "date":"2026-11-20","title":"診療情報提供書","author":[{"display":"電子カルテ 医師"}],
                 "section":[{"title":"紹介目的","text":{"status":"generated","div":
                 "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">胸部の精査をお願いします<script>alert(1)</script><b>至急</b></div>"}}]}}]}""";
        LetterExchange.Sent sent = sendLetterDocument.sendDocument(new Reader(system.id(), clinic.id()), patient.patientResourceId(),
                bundle.getBytes(StandardCharsets.UTF_8), null, hospital.id(), null);
        assertThat(sent).as(String.valueOf(sent)).isInstanceOf(LetterExchange.Sent.Done.class);
        UUID letter = ((LetterExchange.Sent.Done) sent).letter().id();
        WebSession liaison = accounts.signedIn(port, accounts.memberOf(hospital, Profession.NURSE));

        String page = liaison.get("/portal/letters/" + letter).body();

        assertThat(page).contains("id=\"letter-composition\"", "<h3>紹介目的</h3>", "胸部の精査をお願いします")
                .contains("至急").doesNotContain("<script>alert(1)").doesNotContain("<b>至急</b>")
                .doesNotContain("id=\"letter-pdf\"");
    }

    /** Sends a referral from the composer's form; the letter's id from where the send leads. */
    private UUID send(WebSession doctor, LetterPatients.Written patient, Facility to, String action) {
        doctor.get("/portal/patients/" + patient.personId() + "/letters/new?kind=REFERRAL");
        HttpResponse<String> sent = doctor.post("/portal/patients/" + patient.personId() + "/letters",
                "kind", "REFERRAL", "addressee", String.valueOf(to.id()), "department", "循環器内科",
                "purposeText", "精査加療のお願い", "diagnoses[0].text", LetterPatients.DIAGNOSIS,
                "diagnoses[0].main", "true", "diagnoses[0].active", "true", "presentIllness", "半年前から労作時の息切れ",
                "insuranceMemberId", "06139999:1:2:00", "action", action);
        Matcher m = SENT.matcher(String.valueOf(WebSession.location(sent)));
        assertThat(m.matches()).as("sent: " + sent.statusCode() + " " + WebSession.location(sent) + " " + sent.body())
                .isTrue();
        return UUID.fromString(m.group(1));
    }

    /** The real thing and nothing, asked alike: the same status and page once the id is a placeholder; one row each. */
    private void alike(WebSession web, User caller, String method, String real, String absent, String realKey,
                       String absentKey, String... more) {
        web.get("/");
        String[] form = java.util.stream.Stream.concat(java.util.stream.Stream.of("reason", "理由"),
                java.util.Arrays.stream(more)).toArray(String[]::new);
        long before = audit.max();
        HttpResponse<String> asked = method.equals("GET") ? web.get(real) : web.post(real, form);
        long between = audit.max();
        HttpResponse<String> none = method.equals("GET") ? web.get(absent) : web.post(absent, form);
        String what = caller.loginId() + " " + method + " " + real;
        assertThat(asked.statusCode()).as(what).isEqualTo(404);
        assertThat(none.statusCode()).as(what).isEqualTo(404);
        assertThat(normalised(asked.body(), realKey)).as(what).isEqualTo(normalised(none.body(), absentKey));
        assertThat(audit.countByUser(before, caller.id()) - audit.countByUser(between, caller.id())).as(what + ": rows")
                .isEqualTo(1);
        assertThat(audit.countByUser(between, caller.id())).as(what + ": rows of nothing").isEqualTo(1);
    }

    private static String normalised(String body, String key) {
        return body.replace(key, "{asked}").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"{fresh}\"");
    }
}

package org.musubi.imaging.reading.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.DisclosuresMade;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remote reading's doors over real HTTP: a hospital's doctor requests a reading of its patient's study from a reading
 * centre, the centre's doctor finds it on the worklist, opens the study through the grant, claims and reports it; the
 * report is the hospital's record data (its FHIR API, the patient's timeline), the requester reads and acknowledges
 * it, and the grant ends. Every step leaves exactly one audit row, refusals too; every refusal answers 404.
 */
@MusubiIntegrationTest
class RemoteReadingIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;
    @Autowired
    RemoteReadings readings;
    @Autowired
    TransactionTemplate transactions;

    record World(Facility hospital, Facility centre, ReadingFixtures.Study study, User doctor, User reader,
                 User secondReader) {
    }

    World world(String modality) {
        Facility hospital = accounts.newHospital();
        Facility centre = accounts.newHospital();
        ReadingFixtures.centre(jdbc, centre, modality);
        ReadingFixtures.Study study = ReadingFixtures.study(clients, port, identities, index, consents,
                accounts.networkAdmin().id(), hospital, modality);
        return new World(hospital, centre, study, accounts.memberOf(hospital, Profession.DOCTOR),
                accounts.memberOf(centre, Profession.DOCTOR), accounts.memberOf(centre, Profession.DOCTOR));
    }

    /** Requests a reading as {@code doctor} from the viewer page; the request's id. */
    long request(WebSession web, World w, String question) {
        assertThat(web.get("/imaging/viewer/studies/" + w.study().uid()).statusCode()).isEqualTo(200);
        HttpResponse<String> posted = web.post("/imaging/reading/requests", "study", w.study().uid(), "centre",
                String.valueOf(w.centre().id()), "question", question, "due", LocalDate.now().plusDays(7).toString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = WebSession.location(posted);
        assertThat(location).contains("/imaging/reading/requests/");
        return Long.parseLong(location.replaceAll(".*/imaging/reading/requests/([0-9]+).*", "$1"));
    }

    /** Runs {@code call} as {@code user} and asserts it left exactly one audit row; answers the call's answer. */
    private static String requestedAt(String page) {
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("id=\"reading-requested-at\">([^<]+)<").matcher(page);
        assertThat(at.find()).as("the request's time on its page").isTrue();
        return at.group(1);
    }

    HttpResponse<String> once(User user, Supplier<HttpResponse<String>> call) {
        long before = audit.max();
        HttpResponse<String> answer = call.get();
        assertThat(audit.rows(before, user.loginId())).as(answer.statusCode() + " " + answer.uri()).hasSize(1);
        return answer;
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM reading_request WHERE id = ?").param(id).query(String.class).single();
    }

    /**
     * Requesting a reading discloses the study to the centre (issue 68): exactly one disclosure, written in the
     * requesting transaction — a request rolled back leaves neither the request nor its disclosure.
     */
    @Test
    void aRequestIsDisclosedToItsCentreOnceInTheRequestingTransaction() {
        World w = world("CT");
        Reader doctor = new Reader(w.doctor().id(), w.hospital().id());
        LocalDate due = LocalDate.now().plusDays(7);

        ReadingRequest undone = DisclosuresMade.rolledBack(transactions,
                () -> readings.request(doctor, w.study().uid(), w.centre().id(), "評価をお願いします", due).orElseThrow());
        ReadingRequest made = readings.request(doctor, w.study().uid(), w.centre().id(), "評価をお願いします", due)
                .orElseThrow();

        assertThat(DisclosuresMade.count(jdbc, ReadingContext.requestSource(made.id()))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM reading_request WHERE id = ?").param(undone.id())
                .query(Long.class).single()).isZero();
        assertThat(DisclosuresMade.count(jdbc, ReadingContext.requestSource(undone.id()))).isZero();
    }

    @Test
    void aReadingIsRequestedClaimedReportedReadAndAcknowledged() {
        World w = world("CT");
        WebSession doctor = accounts.signedIn(port, w.doctor());
        String viewer = doctor.get("/imaging/viewer/studies/" + w.study().uid()).body();
        assertThat(viewer).contains("reading-request-form").contains("value=\"" + w.centre().id() + "\"");

        long before = audit.max();
        long id = request(doctor, w, "右下肺野の結節影の評価をお願いします");
        List<AuditRows.Row> requested = audit.rows(before, w.doctor().loginId());
        assertThat(requested).hasSize(2); // the viewer page's opening, then the request
        assertThat(requested.get(1).action()).isEqualTo("CREATE");
        assertThat(requested.get(1).outcome()).isEqualTo("PERMIT");
        assertThat(requested.get(1).resourceIds()).contains(w.study().resourceId());
        assertThat(status(id)).isEqualTo("REQUESTED");

        WebSession reader = accounts.signedIn(port, w.reader());
        HttpResponse<String> worklist = once(w.reader(), () -> reader.get("/imaging/reading/worklist"));
        assertThat(worklist.statusCode()).isEqualTo(200);
        assertThat(worklist.body()).contains("data-request=\"" + id + "\"").contains("右下肺野の結節影");
        assertThat(once(w.reader(), () -> reader.get("/imaging/reading/worklist/" + id)).statusCode()).isEqualTo(200);
        HttpResponse<String> opened = once(w.reader(), () -> reader.get("/imaging/viewer/studies/" + w.study().uid()));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).doesNotContain("reading-request-form");
        reader.get("/imaging/reading/worklist/" + id);
        assertThat(once(w.reader(), () -> reader.post("/imaging/reading/worklist/" + id + "/claim")).statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("CLAIMED");

        WebSession second = accounts.signedIn(port, w.secondReader());
        second.get("/imaging/reading/worklist");
        for (String step : List.of("report", "release", "claim")) {
            assertThat(once(w.secondReader(), () -> second.post("/imaging/reading/worklist/" + id + "/" + step,
                    "impression", "x")).statusCode()).as(step).isEqualTo(404);
        }
        assertThat(audit.rows(before, w.secondReader().loginId())).filteredOn(r -> r.resourceType().equals("ImagingStudy")
                        && !r.action().equals("SEARCH")).hasSize(3).allMatch(r -> r.outcome().equals("DENY"));
        assertThat(once(w.reader(), () -> reader.post("/imaging/reading/worklist/" + id + "/report",
                "findings", "右肺下葉に8mmの結節影を認める。", "impression", "肺結節。3か月後のCT再検を推奨。"))
                .statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("REPORTED");
        String reportId = jdbc.sql("SELECT report_id FROM reading_request WHERE id = ?").param(id)
                .query(String.class).single();

        IGenericClient hospitalApi = clients.fhirFor(port, w.hospital(), "system/*.read");
        DiagnosticReport report = hospitalApi.read().resource(DiagnosticReport.class).withId(reportId).execute();
        assertThat(report.getConclusion()).isEqualTo("肺結節。3か月後のCT再検を推奨。");
        assertThat(report.getMeta().getProfile().getFirst().getValue())
                .isEqualTo("http://jpfhir.jp/fhir/core/StructureDefinition/JP_DiagnosticReport_Radiology");
        assertThat(report.getImagingStudyFirstRep().getReference()).endsWith("ImagingStudy/" + w.study().resourceId());
        assertThat(report.getPerformerFirstRep().getDisplay()).contains(w.reader().nameKanji());
        assertThat(doctor.get("/portal/patients/" + w.study().personId()).body()).contains("肺結節。3か月後のCT再検を推奨。");

        assertThat(doctor.get("/").body()).contains("reading-reported");
        HttpResponse<String> shown = once(w.doctor(), () -> doctor.get("/imaging/reading/requests/" + id));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("右肺下葉に8mmの結節影を認める。").contains("reading-acknowledge");
        assertThat(audit.rows(audit.max() - 1, w.doctor().loginId()).getLast().resourceIds()).contains(reportId);
        assertThat(once(w.doctor(), () -> doctor.post("/imaging/reading/requests/" + id + "/acknowledge"))
                .statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("RETURNED");

        assertThat(once(w.reader(), () -> reader.get("/imaging/viewer/studies/" + w.study().uid())).statusCode())
                .as("the grant ends once the report is acknowledged").isEqualTo(404);
        assertThat(once(w.doctor(), () -> doctor.post("/imaging/reading/requests/" + id + "/acknowledge"))
                .statusCode()).as("a step from a final state").isEqualTo(404);
        assertThat(once(w.doctor(), () -> doctor.get("/imaging/reading/requests")).body())
                .contains("data-request=\"" + id + "\"").contains("data-status=\"RETURNED\"");
    }

    @Test
    void theCentreSeesTheStudyOnlyWhileTheRequestIsOpenAndOnlyItsDoctors() {
        World w = world("CT");
        WebSession doctor = accounts.signedIn(port, w.doctor());
        long id = request(doctor, w, "精査をお願いします");
        User nurse = accounts.memberOf(w.centre(), Profession.NURSE);
        User clerk = accounts.memberOf(w.centre(), Profession.MEDICAL_CLERK);
        User stranger = accounts.memberOf(accounts.newHospital(), Profession.DOCTOR);
        for (User user : List.of(nurse, clerk, stranger)) {
            WebSession web = accounts.signedIn(port, user);
            for (String path : List.of("/imaging/viewer/studies/" + w.study().uid(), "/imaging/reading/worklist",
                    "/imaging/reading/worklist/" + id, "/imaging/reading/requests/" + id)) {
                assertThat(once(user, () -> web.get(path)).statusCode()).as(user.profession() + " " + path)
                        .isEqualTo(404);
            }
            web.get("/");
            for (String path : List.of("/imaging/reading/worklist/" + id + "/claim",
                    "/imaging/reading/requests/" + id + "/cancel", "/imaging/reading/worklist/" + id + "/decline")) {
                assertThat(once(user, () -> web.post(path)).statusCode()).as(user.profession() + " " + path)
                        .isEqualTo(404);
                assertThat(once(user, () -> web.post(path, "reason", "x", "confirmed", "yes")).statusCode())
                        .as(user.profession() + " " + path + ", confirmed").isEqualTo(404);
            }
        }
        WebSession reader = accounts.signedIn(port, w.reader());
        reader.get("/imaging/reading/worklist");
        assertThat(once(w.reader(), () -> reader.post("/imaging/reading/worklist/987654321/claim")).statusCode())
                .as("a guessed id").isEqualTo(404);
        assertThat(once(w.reader(), () -> reader.post("/imaging/reading/requests/" + id + "/cancel", "confirmed",
                "yes")).statusCode()).as("the requester's step").isEqualTo(404);

        // cancelling is final (issue 67): one click cancels nothing and opens the question
        String page = doctor.get("/imaging/reading/requests/" + id).body();
        String question = w.centre().nameKanji() + " へ " + requestedAt(page) + " に出した読影依頼を取り消します。"
                + "取り消すと読影センターの作業リストから外れ、この依頼には報告が届かなくなります。"
                + "元に戻せません（必要なら依頼し直してください）。";
        assertThat(page).contains("<summary id=\"reading-cancel-ask\">依頼を取り消す</summary>")
                .contains("<p class=\"confirm-question\" id=\"reading-cancel-question\">" + question + "</p>");
        HttpResponse<String> oneClick = once(w.doctor(), () -> doctor.post("/imaging/reading/requests/" + id + "/cancel"));
        assertThat(WebSession.location(oneClick)).isEqualTo("/imaging/reading/requests/" + id + "?confirm");
        assertThat(status(id)).as("not cancelled without the confirmation").isEqualTo("REQUESTED");
        assertThat(doctor.get("/imaging/reading/requests/" + id + "?confirm").body())
                .contains("<details class=\"confirm\" id=\"reading-cancel\" open=\"open\">").contains(question);
        assertThat(once(w.doctor(), () -> doctor.post("/imaging/reading/requests/" + id + "/cancel", "confirmed", "yes"))
                .statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(once(w.reader(), () -> reader.get("/imaging/viewer/studies/" + w.study().uid())).statusCode())
                .as("the grant ends with the request").isEqualTo(404);
        assertThat(once(w.reader(), () -> reader.get("/imaging/reading/worklist/" + id)).statusCode()).isEqualTo(404);
        assertThat(once(w.reader(), () -> reader.post("/imaging/reading/worklist/" + id + "/claim")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aCentreDeclinesWithAReasonAndTheRequesterSeesIt() {
        World w = world("MR");
        WebSession doctor = accounts.signedIn(port, w.doctor());
        long id = request(doctor, w, "頭部MRIの読影をお願いします");
        WebSession reader = accounts.signedIn(port, w.reader());
        String page = reader.get("/imaging/reading/worklist/" + id).body();
        assertThat(reader.post("/imaging/reading/worklist/" + id + "/decline", "confirmed", "yes").body())
                .contains("reading-fault");
        assertThat(status(id)).isEqualTo("REQUESTED");
        // declining is final (issue 67): one click, the reason typed, declines nothing and opens the question
        String question = w.hospital().nameKanji() + " から " + requestedAt(page) + " に届いた読影依頼を辞退します。"
                + "辞退すると理由が依頼元に知らされ、この依頼には報告できなくなります。元に戻せません。";
        assertThat(page).contains("<summary id=\"reading-decline-ask\">辞退する</summary>")
                .contains("<p class=\"confirm-question\" id=\"reading-decline-question\">" + question + "</p>");
        HttpResponse<String> oneClick = once(w.reader(), () -> reader.post("/imaging/reading/worklist/" + id + "/decline",
                "reason", "担当の神経放射線科医が不在のため"));
        assertThat(WebSession.location(oneClick)).isEqualTo("/imaging/reading/worklist/" + id + "?confirm");
        assertThat(status(id)).as("not declined without the confirmation").isEqualTo("REQUESTED");
        assertThat(reader.get("/imaging/reading/worklist/" + id + "?confirm").body())
                .contains("<details class=\"confirm\" id=\"reading-decline\" open=\"open\">").contains(question);
        assertThat(once(w.reader(), () -> reader.post("/imaging/reading/worklist/" + id + "/decline", "reason",
                "担当の神経放射線科医が不在のため", "confirmed", "yes")).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("DECLINED");
        assertThat(doctor.get("/imaging/reading/requests/" + id).body()).contains("担当の神経放射線科医が不在のため");
        assertThat(once(w.reader(), () -> reader.get("/imaging/viewer/studies/" + w.study().uid())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aRequestNeedsACentreOfThatKindAQuestionAndALinkedPatient() {
        World w = world("CT");
        WebSession doctor = accounts.signedIn(port, w.doctor());
        doctor.get("/imaging/viewer/studies/" + w.study().uid());
        String study = w.study().uid();
        assertThat(doctor.post("/imaging/reading/requests", "study", study, "centre",
                String.valueOf(w.hospital().id()), "question", "q").body()).contains("reading-fault");
        Facility mrOnly = accounts.newHospital();
        ReadingFixtures.centre(jdbc, mrOnly, "MR");
        assertThat(doctor.post("/imaging/reading/requests", "study", study, "centre", String.valueOf(mrOnly.id()),
                "question", "q").body()).contains("reading-fault");
        assertThat(doctor.post("/imaging/reading/requests", "study", study, "centre",
                String.valueOf(w.centre().id()), "question", " ").body()).contains("reading-fault");
        assertThat(doctor.post("/imaging/reading/requests", "study", study, "centre",
                String.valueOf(w.centre().id()), "question", "右".repeat(4001)).body())
                .as("a question over the limit is refused, not cut").contains("4,000文字以内");
        assertThat(jdbc.sql("SELECT count(*) FROM reading_request WHERE study_uid = ?").param(study).query(Long.class)
                .single())
                .isZero();
        ReadingFixtures.centre(jdbc, w.hospital(), "CT");
        assertThat(doctor.get("/imaging/viewer/studies/" + study).body())
                .doesNotContain("value=\"" + w.hospital().id() + "\"");

        ReadingFixtures.Study unlinked = ReadingFixtures.study(clients, port, identities, index, consents,
                accounts.networkAdmin().id(), w.hospital(), "CT");
        identities.unlink(unlinked.sourcePatientId(), accounts.networkAdmin().id(), "test");
        HttpResponse<String> refused = once(w.doctor(), () -> doctor.post("/imaging/reading/requests", "study",
                unlinked.uid(), "centre", String.valueOf(w.centre().id()), "question", "q"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("reading-fault").contains("名寄せ");
        User nurse = accounts.memberOf(w.hospital(), Profession.NURSE);
        WebSession nurseWeb = accounts.signedIn(port, nurse);
        assertThat(nurseWeb.get("/imaging/viewer/studies/" + study).body()).doesNotContain("reading-request-form");
        assertThat(once(nurse, () -> nurseWeb.post("/imaging/reading/requests", "study", study, "centre",
                String.valueOf(w.centre().id()), "question", "q")).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM reading_request WHERE study_uid IN (?, ?)")
                .params(study, unlinked.uid()).query(Long.class).single()).isZero();
    }

    @Test
    void anEndoscopyStudyIsReportedAsAJpCoreEndoscopyReport() {
        World w = world("ES");
        WebSession doctor = accounts.signedIn(port, w.doctor());
        long id = request(doctor, w, "胃内視鏡の読影をお願いします");
        WebSession reader = accounts.signedIn(port, w.reader());
        reader.get("/imaging/reading/worklist/" + id);
        assertThat(reader.post("/imaging/reading/worklist/" + id + "/claim").statusCode()).isEqualTo(302);
        assertThat(once(w.reader(), () -> reader.post("/imaging/reading/worklist/" + id + "/report",
                "impression", "胃体部に異常所見なし。")).statusCode()).isEqualTo(302);
        String reportId = jdbc.sql("SELECT report_id FROM reading_request WHERE id = ?").param(id)
                .query(String.class).single();
        DiagnosticReport report = clients.fhirFor(port, w.hospital(), "system/*.read").read()
                .resource(DiagnosticReport.class).withId(reportId).execute();
        assertThat(report.getMeta().getProfile().getFirst().getValue())
                .isEqualTo("http://jpfhir.jp/fhir/core/StructureDefinition/JP_DiagnosticReport_Endoscopy");
        assertThat(report.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("LP7796-8");
        assertThat(report.getCode().getCodingFirstRep().getCode()).isEqualTo("18751-8");
        assertThat(report.getPresentedForm()).isEmpty();
        assertThat(report.getConclusion()).isEqualTo("胃体部に異常所見なし。");
        HttpResponse<String> again = once(w.reader(), () -> reader.get("/imaging/reading/worklist/" + id));
        assertThat(again.statusCode()).as("the reader sees their own report").isEqualTo(200);
        assertThat(again.body()).contains("胃体部に異常所見なし。");
        assertThat(once(w.reader(), () -> reader.get("/imaging/viewer/studies/" + w.study().uid())).statusCode())
                .as("the reporting reader may look again until the requester acknowledges").isEqualTo(200);
        WebSession second = accounts.signedIn(port, w.secondReader());
        assertThat(once(w.secondReader(), () -> second.get("/imaging/viewer/studies/" + w.study().uid())).statusCode())
                .as("but not the centre's other doctors").isEqualTo(404);
    }
}

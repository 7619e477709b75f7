package org.musubi.secretariat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Participation applications over HTTP: a clinic applies, the secretariat takes it through review, approval (the
 * facility, its profile and its users made), set-up and live; a returned one is corrected; a code taken meanwhile
 * creates nothing; wrong pairs get one answer; the public pages' limits; only network admins reach the queue. Each
 * applicant acts from an address of its own (X-Forwarded-For), so the per-address limits of one test leave the others be.
 */
@MusubiIntegrationTest
class ApplicationIT extends NetworkFixtures {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);
    private static final Pattern CREATED = Pattern.compile(
            "data-login-id=\"([^\"]+)\">.*?class=\"temporary-password\">([^<]+)<.*?class=\"enrolment-code\">([^<]+)<",
            Pattern.DOTALL);

    @Autowired
    Facilities facilities;
    @Autowired
    Users users;
    @Autowired
    FacilityProfiles profiles;

    private WebSession applicant() {
        return new WebSession(port).withHeader("X-Forwarded-For", "198.51.100." + ADDRESS.incrementAndGet());
    }

    private WebSession secretariat() {
        return accounts.signedIn(port, accounts.networkAdmin());
    }

    private long idOf(Applicants.Receipt receipt) {
        return jdbc.sql("SELECT id FROM facility_application WHERE reference = ?").param(receipt.plainReference())
                .query(Long.class).single();
    }

    /** The audit rows about this application, as "ACTION OUTCOME", in order. */
    private List<String> rowsAbout(long before, long id) {
        return jdbc.sql("""
                SELECT action || ' ' || outcome FROM audit_event WHERE seq > ? AND resource_type = 'FacilityApplication'
                   AND (? = ANY(resource_ids) OR resource_ids[1] LIKE ?) ORDER BY seq""")
                .params(before, String.valueOf(id), id + "/%").query(String.class).list();
    }

    private static HttpResponse<String> step(WebSession admin, long id, String step, String... fields) {
        admin.get("/admin/applications/" + id);
        return admin.post("/admin/applications/" + id + "/" + step, fields);
    }

    @Test
    void aClinicAppliesAndTheSecretariatReviewsApprovesSetsUpAndMakesItLive() {
        long before = audit.max();
        String code = TestAccounts.unusedInstitutionCode(facilities, 1);
        WebSession web = applicant();
        assertThat(web.get("/apply").statusCode()).isEqualTo(200);
        Applicants.Receipt receipt = Applicants.apply(web, Applicants.clinic(code, "試験申請クリニック"));
        assertThat(receipt.reference()).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}");
        assertThat(receipt.secret()).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){4}");
        long id = idOf(receipt);
        assertThat(jdbc.sql("SELECT secret_hash FROM facility_application WHERE id = ?").param(id).query(String.class)
                .single()).as("only a hash of the secret").doesNotContain(receipt.secret().replace("-", ""))
                .matches("[0-9a-f]{64}");

        HttpResponse<String> received = Applicants.status(web, receipt.reference().toLowerCase(), receipt.secret());
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).contains("data-status=\"RECEIVED\"").contains("試験申請クリニック");

        WebSession admin = secretariat();
        assertThat(admin.get("/admin/applications").body()).contains(receipt.reference());
        assertThat(WebSession.location(step(admin, id, "review"))).isEqualTo("/admin/applications/" + id + "?done=UNDER_REVIEW");
        HttpResponse<String> approved = step(admin, id, "approve");
        assertThat(approved.statusCode()).isEqualTo(200);
        Matcher created = CREATED.matcher(approved.body());
        assertThat(created.find()).as(approved.body()).isTrue();
        assertThat(created.group(1)).isEqualTo("c" + code + "-1");
        assertThat(created.group(3)).matches("[a-z0-9]{10}");
        assertThat(created.find()).as("the nurse too").isTrue();
        assertThat(created.group(1)).isEqualTo("c" + code + "-2");

        Facility facility = facilities.findByCode(code).orElseThrow();
        assertThat(facility.kind()).isEqualTo(FacilityKind.CLINIC);
        assertThat(facility.disclosing() && facility.viewing()).isTrue();
        FacilityProfile profile = profiles.of(facility.id()).orElseThrow();
        assertThat(profile.municipality()).contains("呉市");
        assertThat(profile.beds()).contains(0);
        assertThat(profile.acceptedCards()).containsExactlyInAnyOrder(AcceptedCard.REGIONAL, AcceptedCard.MY_NUMBER);
        User doctor = users.findByLoginId("c" + code + "-1").orElseThrow();
        assertThat(doctor.profession()).isEqualTo(Profession.DOCTOR);
        assertThat(doctor.memberships()).containsExactly(new User.Membership(facility.id(), true));
        User nurse = users.findByLoginId("c" + code + "-2").orElseThrow();
        assertThat(nurse.memberships()).containsExactly(new User.Membership(facility.id(), false));
        assertThat(admin.get("/admin/applications/" + id).body()).as("the secrets are shown once")
                .doesNotContain(created.group(2)).doesNotContain(created.group(3));

        assertThat(step(admin, id, "live").statusCode()).as("live before set-up").isEqualTo(409);
        assertThat(WebSession.location(step(admin, id, "set-up", "note", "接続設定が完了しました")))
                .endsWith("?done=SET_UP");
        assertThat(WebSession.location(step(admin, id, "live"))).endsWith("?done=LIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE title_ja = ?").param("試験申請クリニック が運用を開始しました")
                .query(Long.class).single()).isEqualTo(1);
        WebSession staff = accounts.signedIn(port, accounts.memberOf(facility, Profession.NURSE));
        assertThat(staff.get("/").body()).as("the portal's notices").contains("試験申請クリニック が運用を開始しました");

        HttpResponse<String> live = Applicants.status(web, receipt.reference(), receipt.secret());
        assertThat(live.body()).contains("data-status=\"LIVE\"").contains("接続設定が完了しました")
                .contains("利用者の登録コードは事務局からお渡しします")
                .doesNotContain(created.group(3)).doesNotContain("c" + code + "-1");

        assertThat(rowsAbout(before, id)).containsExactly("APPLICATION_SUBMIT PERMIT", "APPLICATION_STATUS PERMIT",
                "APPLICATION_REVIEW PERMIT", "APPLICATION_APPROVE PERMIT", "APPLICATION_LIVE DENY",
                "APPLICATION_SET_UP PERMIT", "APPLICATION_LIVE PERMIT", "APPLICATION_STATUS PERMIT");
        assertThat(audit.reasons(before, "FACILITY_CREATE", "Facility")).hasSize(1);
    }

    @Test
    void aReturnedApplicationShowsItsReasonAndIsCorrectedAndResubmitted() {
        long before = audit.max();
        WebSession web = applicant();
        List<Map.Entry<String, String>> fields = Applicants.clinic(TestAccounts.unusedInstitutionCode(facilities, 1),
                "試験差戻クリニック");
        Applicants.Receipt receipt = Applicants.apply(web, fields);
        long id = idOf(receipt);
        WebSession admin = secretariat();
        assertThat(step(admin, id, "approve").body()).as("approval before review").contains("id=\"wrong-step\"");
        step(admin, id, "review");
        HttpResponse<String> noReason = step(admin, id, "return", "note", "  ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("data-field=\"note\"");
        assertThat(WebSession.location(step(admin, id, "return", "note", "開設許可証の写しを添付してください")))
                .endsWith("?done=RETURNED");

        HttpResponse<String> returned = Applicants.status(web, receipt.reference(), receipt.secret());
        assertThat(returned.body()).contains("data-status=\"RETURNED\"").contains("開設許可証の写しを添付してください")
                .contains("id=\"resubmit-form\"");
        List<Map.Entry<String, String>> wrong = Applicants.with(fields, "nameKana", "しけん");
        wrong.add(Map.entry("reference", receipt.reference()));
        wrong.add(Map.entry("secret", receipt.secret()));
        HttpResponse<String> refused = Applicants.post(web, "/apply/status", "/apply/status/resubmit", wrong);
        assertThat(refused.body()).contains("data-fault-for=\"nameKana\"").contains("data-status=\"RETURNED\"");

        List<Map.Entry<String, String>> corrected = Applicants.with(fields, "address", "呉市中央9-9-9");
        corrected.add(Map.entry("reference", receipt.reference()));
        corrected.add(Map.entry("secret", receipt.secret()));
        byte[] pdf = "%PDF-1.4\n開設許可証\n%%EOF".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> resubmitted = Applicants.post(web, "/apply/status", "/apply/status/resubmit", corrected,
                new Applicants.File("kyoka.pdf", "application/pdf", pdf));
        assertThat(resubmitted.body()).contains("id=\"resubmitted\"").contains("data-status=\"RECEIVED\"")
                .contains("kyoka.pdf");
        HttpResponse<String> again = Applicants.post(web, "/apply/status", "/apply/status/resubmit", corrected);
        assertThat(again.body()).as("only a returned one").contains("id=\"not-returned\"");
        assertThat(jdbc.sql("SELECT address FROM facility_application WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("呉市中央9-9-9");

        assertThat(rowsAbout(before, id)).containsExactly("APPLICATION_SUBMIT PERMIT", "APPLICATION_APPROVE DENY",
                "APPLICATION_REVIEW PERMIT", "APPLICATION_RETURN DENY", "APPLICATION_RETURN PERMIT",
                "APPLICATION_STATUS PERMIT", "APPLICATION_RESUBMIT DENY", "APPLICATION_RESUBMIT PERMIT",
                "APPLICATION_RESUBMIT DENY");
    }

    @Test
    void aCodeTakenBeforeApprovalIsAClearErrorAndCreatesNothing() {
        String code = TestAccounts.unusedInstitutionCode(facilities, 1);
        Applicants.Receipt receipt = Applicants.apply(applicant(), Applicants.clinic(code, "試験重複クリニック"));
        long id = idOf(receipt);
        WebSession admin = secretariat();
        step(admin, id, "review");
        facilities.insert(new FacilityDraft("先に登録された診療所", "サキニトウロクサレタシンリョウジョ", FacilityKind.CLINIC,
                code, 34, "呉市", null, true, true, FacilityStatus.ACTIVE));
        long usersBefore = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
        long before = audit.max();

        HttpResponse<String> refused = step(admin, id, "approve");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"code-taken\"").contains("先に登録された診療所");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(usersBefore);
        assertThat(jdbc.sql("SELECT status FROM facility_application WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("UNDER_REVIEW");
        assertThat(rowsAbout(before, id)).containsExactly("APPLICATION_APPROVE DENY");
        assertThat(audit.reasons(before, "FACILITY_CREATE", "Facility")).isEmpty();
    }

    @Test
    void documentsAreCheckedByTheirBytesAndOnlyNetworkAdminsDownloadThem() {
        WebSession web = applicant();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4};
        List<Map.Entry<String, String>> fields = Applicants.clinic(TestAccounts.unusedInstitutionCode(facilities, 1),
                "試験書類クリニック");
        HttpResponse<String> refused = Applicants.post(web, "/apply", "/apply", fields,
                new Applicants.File("invoice.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)));
        assertThat(refused.body()).contains("data-fault-for=\"documents\"").doesNotContain("id=\"secret\"");

        Applicants.Receipt receipt = Applicants.apply(web, fields, new Applicants.File("seal.png", "image/png", png));
        long id = idOf(receipt);
        long document = jdbc.sql("SELECT id FROM facility_application_document WHERE application_id = ?").param(id)
                .query(Long.class).single();
        WebSession admin = secretariat();
        assertThat(admin.get("/admin/applications/" + id).body()).contains("seal.png")
                .as("no scanner in the tests").contains("スキャナー未設定");
        long before = audit.max();
        HttpResponse<byte[]> download = admin.getBytes("/admin/applications/" + id + "/documents/" + document);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(admin.getBytes("/admin/applications/" + id + "/documents/" + (document + 100_000)).statusCode())
                .isEqualTo(404);
        assertThat(rowsAbout(before, id)).containsExactly("APPLICATION_DOCUMENT PERMIT", "APPLICATION_DOCUMENT DENY");

        for (User notAdmin : List.of(accounts.staff(FacilityKind.CLINIC, Profession.MEDICAL_CLERK),
                accounts.facilityAdmin(FacilityKind.HOSPITAL), accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR))) {
            WebSession other = accounts.signedIn(port, notAdmin);
            assertThat(other.getBytes("/admin/applications/" + id + "/documents/" + document).statusCode())
                    .as(notAdmin.profession() + ": document").isEqualTo(403);
            assertThat(other.get("/admin/applications").statusCode()).as("the queue").isEqualTo(403);
            assertThat(other.get("/admin/applications/" + id).statusCode()).isEqualTo(403);
            other.get("/");
            assertThat(other.post("/admin/applications/" + id + "/review").statusCode()).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT status FROM facility_application WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("RECEIVED");
        WebSession nobody = new WebSession(port);
        assertThat(nobody.getBytes("/admin/applications/" + id + "/documents/" + document).statusCode())
                .as("not signed in").isEqualTo(401);
    }

    @Test
    void aWrongPairGetsTheOneNotFoundAnswerAndGuessingIsThrottled() {
        WebSession owner = applicant();
        Applicants.Receipt receipt = Applicants.apply(owner, Applicants.clinic(
                TestAccounts.unusedInstitutionCode(facilities, 1), "試験推測クリニック"));
        long id = idOf(receipt);
        WebSession guesser = applicant();
        long before = audit.max();
        HttpResponse<String> wrongSecret = Applicants.status(guesser, receipt.reference(), "AAAA-BBBB-CCCC-DDDD-EEEE");
        HttpResponse<String> noSuchReference = Applicants.status(guesser, "AAAA-BBBB-CCCC-DDDD", receipt.secret());
        HttpResponse<String> malformed = Applicants.status(guesser, "' OR 1=1 --", "");
        List<Map.Entry<String, String>> resubmit = Applicants.clinic("", "x");
        resubmit.add(Map.entry("reference", receipt.reference()));
        resubmit.add(Map.entry("secret", "AAAA"));
        HttpResponse<String> wrongResubmit = Applicants.post(guesser, "/apply/status", "/apply/status/resubmit",
                resubmit);
        for (HttpResponse<String> answer : List.of(wrongSecret, noSuchReference, malformed, wrongResubmit)) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(normalised(answer.body())).isEqualTo(normalised(wrongSecret.body()));
            assertThat(answer.body()).doesNotContain("試験推測クリニック").doesNotContain(receipt.reference());
        }
        assertThat(rowsAbout(before, id)).as("a wrong pair names no application").isEmpty();

        for (int i = 4; i < 10; i++) {
            assertThat(Applicants.status(guesser, "AAAA-BBBB-CCCC-DDD" + (char) ('A' + i), "X").statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> rightButThrottled = Applicants.status(guesser, receipt.reference(), receipt.secret());
        assertThat(rightButThrottled.statusCode()).as("refused whatever it asks").isEqualTo(429);
        assertThat(rightButThrottled.body()).doesNotContain("試験推測クリニック");
        assertThat(Applicants.status(owner, receipt.reference(), receipt.secret()).statusCode())
                .as("another address").isEqualTo(200);
    }

    @Test
    void submissionsAreLimitedPerAddress() {
        WebSession web = applicant();
        List<Map.Entry<String, String>> invalid = Applicants.with(Applicants.with(Applicants.clinic("", "試験上限"), "kind",
                "HOSPITAL"), "beds", "");
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> answer = Applicants.post(web, "/apply", "/apply", invalid);
            assertThat(answer.statusCode()).as("submission " + (i + 1)).isEqualTo(200);
            assertThat(answer.body()).contains("data-fault-for=\"code\"").contains("data-fault-for=\"beds\"");
        }
        HttpResponse<String> refused = Applicants.post(web, "/apply", "/apply", Applicants.clinic(
                TestAccounts.unusedInstitutionCode(facilities, 1), "試験上限クリニック"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("id=\"apply-throttled\"").doesNotContain("id=\"secret\"");
        assertThat(Applicants.apply(applicant(), Applicants.clinic(TestAccounts.unusedInstitutionCode(facilities, 1),
                "試験別住所クリニック")).reference()).as("another address").isNotEmpty();
    }

    @Test
    void theSecretariatsHomePageCountsTheApplicationsWaitingAndTheOverdue() {
        Applicants.Receipt receipt = Applicants.apply(applicant(), Applicants.clinic(
                TestAccounts.unusedInstitutionCode(facilities, 1), "試験待機クリニック"));
        jdbc.sql("UPDATE facility_application SET submitted_at = now() - interval '8 days' WHERE id = ?")
                .param(idOf(receipt)).update();
        long waiting = jdbc.sql("SELECT count(*) FROM facility_application WHERE status IN ('RECEIVED', 'UNDER_REVIEW')")
                .query(Long.class).single();
        String home = secretariat().get("/").body();
        Matcher line = Pattern.compile("id=\"applications-waiting\"[^>]*data-waiting=\"(\\d+)\" data-overdue=\"(\\d+)\"")
                .matcher(home);
        assertThat(line.find()).as(home).isTrue();
        assertThat(Long.parseLong(line.group(1))).isEqualTo(waiting);
        assertThat(Integer.parseInt(line.group(2))).isPositive();
        WebSession doctor = accounts.signedIn(port, accounts.staff(FacilityKind.CLINIC, Profession.DOCTOR));
        assertThat(doctor.get("/").body()).doesNotContain("applications-waiting");
    }

    private static String normalised(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\" value=\"{fresh}\"");
    }
}

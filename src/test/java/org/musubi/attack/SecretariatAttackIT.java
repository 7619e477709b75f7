package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacker's suite ({@link AttackMatrixIT}) on the secretariat's work and the public site: statistics, facility
 * profiles, fees and invoices, the help desk, participation applications.
 */
@MusubiIntegrationTest
class SecretariatAttackIT extends AttackFixtures {

    // ---- Secretariat statistics (issue 45): one contiguous block -----------------------------------------------------

    @Autowired
    org.musubi.phr.Residents statisticsResidents;
    @Autowired
    org.musubi.database.JobLocks statisticsJobs;

    /**
     * The secretariat's statistics (the dashboard, every CSV, the board's PDF, the refresh and the population upload)
     * answer a clinic's clerk, its facility administrator, a hospital's doctor and a resident signed in to the notebook
     * exactly as every other network-only /admin page does (/admin/facilities: the same status and redirect), for a
     * figure that exists and one that does not, and change nothing: the rollup's time and the population list stay.
     */
    @Test
    void theSecretariatsStatisticsAnswerEveryoneButANetworkAdministratorLikeAnyOtherAdminPage() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        var patient = statisticsResidents.patientAt(port, hospital, "トウケイ");
        Map<String, WebSession> callers = new java.util.LinkedHashMap<>();
        callers.put("clerk", accounts.signedIn(port, accounts.memberOf(clinic, Profession.MEDICAL_CLERK)));
        callers.put("facility administrator", accounts.signedIn(port, accounts.adminOf(clinic)));
        callers.put("doctor", accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR)));
        callers.put("resident", statisticsResidents.logIn(port, statisticsResidents.register(patient.personId())));
        // the hourly refresh waits while this test runs, so that only a caller could change the rollup's time
        try (var held = statisticsJobs.hold(org.musubi.secretariat.stats.StatisticsRefresh.JOB)) {
            String rollup = jdbc.sql("SELECT coalesce(max(computed_at)::text, '') FROM stats_rollup").query(String.class).single();
            String population = jdbc.sql("SELECT coalesce(string_agg(municipality || population, ','), '') FROM stats_population")
                    .query(String.class).single();
            for (var caller : callers.entrySet()) {
                WebSession web = caller.getValue();
                web.get("/");
                HttpResponse<String> reference = web.get("/admin/facilities");
                assertThat(reference.statusCode()).as(caller.getKey() + " on /admin/facilities").isIn(302, 403, 404);
                for (String page : List.of("/admin/statistics", "/admin/statistics?month=2026-01",
                        "/admin/statistics/cards.csv", "/admin/statistics/residents.csv", "/admin/statistics/use.csv",
                        "/admin/statistics/nothing.csv", "/admin/statistics/report.pdf", "/admin/statistics/population")) {
                    HttpResponse<String> asked = web.get(page);
                    assertThat(asked.statusCode()).as(caller.getKey() + " GET " + page).isEqualTo(reference.statusCode());
                    assertThat(asked.headers().firstValue("Location")).as(caller.getKey() + " GET " + page)
                            .isEqualTo(reference.headers().firstValue("Location"));
                    assertThat(asked.body()).as(caller.getKey() + " GET " + page).doesNotContain("stats-", "month,");
                }
                for (String change : List.of("/admin/statistics/refresh", "/admin/statistics/population")) {
                    HttpResponse<String> asked = post(web, change, "file", "呉市,1");
                    assertThat(asked.statusCode()).as(caller.getKey() + " POST " + change).isEqualTo(reference.statusCode());
                }
            }
            assertThat(jdbc.sql("SELECT coalesce(max(computed_at)::text, '') FROM stats_rollup").query(String.class).single())
                    .as("no refresh").isEqualTo(rollup);
            assertThat(jdbc.sql("SELECT coalesce(string_agg(municipality || population, ','), '') FROM stats_population")
                    .query(String.class).single()).as("no population loaded").isEqualTo(population);
        }
    }

    // ---- end of secretariat statistics -----------------------------------------------------------------------------

    // ---- The public site and a facility's profile (issue 45, publicsite): one contiguous block ---------------------

    @Autowired
    org.musubi.registry.profile.FacilityProfiles facilityProfiles;

    /**
     * The public site (no login) shows nothing about any patient or user, whoever asks (a stranger, or B's staff
     * signed in) and whatever they ask for (a patient's regional id or name, a user's login id, as a name or a
     * municipality); a facility's profile is changed by network operators only: B's staff of every profession and A's
     * and B's facility administrators get for hospital A's profile form and page exactly the answer for a facility
     * nobody has, with one audit row each, and A's profile stays as it was.
     */
    @Test
    void thePublicSiteRevealsNothingAndOnlyNetworkOperatorsChangeAFacilitysProfile() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        long person = linkedConsentedPatientAt(hospital);
        org.musubi.identity.Person patient = identities.person(person).orElseThrow().person();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        List<String> secrets = List.of(patient.regionalId(), patient.familyKana() + patient.givenKana(),
                patient.familyKana() + " " + patient.givenKana(), doctor.loginId());
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        WebSession stranger = new WebSession(port).withHeader("X-Forwarded-For", "100." + (64 + r.nextInt(64)) + "."
                + r.nextInt(256) + "." + (1 + r.nextInt(254)));
        WebSession staffOfB = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR))
                .withHeader("X-Forwarded-For", "100." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)));
        for (WebSession visitor : List.of(stranger, staffOfB)) {
            for (String secret : secrets) {
                String asked = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
                for (String path : List.of("/public", "/public/cards", "/public/accessibility",
                        "/public/disclosing?municipality=" + asked,
                        "/public/facilities?name=" + asked, "/public/facilities?municipality=" + asked)) {
                    HttpResponse<String> page = visitor.get(path);
                    assertThat(page.statusCode()).as(path).isEqualTo(200);
                    // the search box shows what this visitor typed, and nothing else does
                    String shown = page.body().replace("value=\"" + secret + "\"", "");
                    secrets.forEach(s -> assertThat(shown).as(path).doesNotContain(s));
                    assertThat(page.body()).as(path).doesNotContain(doctor.nameKanji()).doesNotContain("試験 太郎");
                }
            }
        }

        var before = facilityProfiles.of(hospital.id()).orElseThrow();
        String real = String.valueOf(hospital.id());
        String absent = String.valueOf(9_000_000_000L + r.nextInt(1_000_000));
        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        for (User admin : List.of(accounts.adminOf(clinic), accounts.adminOf(hospital))) {
            callers.add(new Armed(new Attacker("a facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                    admin.id(), null, accounts.signedIn(port, admin)));
        }
        for (Armed caller : callers) {
            WebSession web = caller.web();
            String who = caller.attacker() + " / facility profile ";
            certificateAttempt(caller, who + "page", real, absent, () -> web.get("/admin/facilities/" + real),
                    () -> web.get("/admin/facilities/" + absent));
            certificateAttempt(caller, who + "save", real, absent,
                    () -> post(web, "/admin/facilities/" + real + "/profile", "municipality", "攻撃市", "beds", "1",
                            "joinedOn", "2020-01-01"),
                    () -> post(web, "/admin/facilities/" + absent + "/profile", "municipality", "攻撃市", "beds", "1",
                            "joinedOn", "2020-01-01"));
        }
        assertThat(facilityProfiles.of(hospital.id())).as("A's profile as it was").contains(before);
    }

    // ---- end of the public site ------------------------------------------------------------------------------------

    // ---- issue 45: fees and invoices (secretariat.fees) ------------------------------------------------------------

    @Autowired
    org.musubi.secretariat.fees.MonthlyRun feesRun;
    @Autowired
    org.musubi.secretariat.fees.InvoiceStore feesInvoices;

    /**
     * Fees and invoices are the network operators' alone. Every user of B (each staff profession, B's facility
     * administrator) gets for a real invoice of B's own facility — its page, its PDF, its paid mark, its correction —
     * exactly the answer given for an invoice nobody has, 403 for the lists, the CSV, the rules and the run, and
     * changes nothing: no invoice, no rules, no paid mark.
     */
    @Test
    void feesAndInvoicesAreTheOperatorsAlone() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        var operator = org.musubi.registry.Administrator.of(accounts.networkAdmin());
        java.time.YearMonth month = java.time.YearMonth.of(2046, 1);
        org.musubi.secretariat.fees.FeeSettings fees = feeSettings;
        fees.saveRules(operator, new org.musubi.secretariat.fees.FeeRules(month, Map.of(FacilityKind.CLINIC, 5_000L),
                List.of(), Set.of(), 0, 100, org.musubi.secretariat.fees.FeeRules.PartMonth.FULL,
                org.musubi.secretariat.fees.FeeRules.PartMonth.FULL));
        feesRun.run(operator, month, java.time.LocalDate.of(2046, 2, 1));
        var invoice = feesInvoices.current(month).stream().filter(i -> i.facilityId() == clinic.id()).findFirst()
                .orElseThrow();
        String real = String.valueOf(invoice.id());
        String absent = String.valueOf(invoice.id() + 1_000_000);
        List<Armed> callers = new ArrayList<>(callers(clinic));
        User clinicAdmin = accounts.adminOf(clinic);
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                clinicAdmin.id(), null, accounts.signedIn(port, clinicAdmin)));
        long versions = jdbc.sql("SELECT count(*) FROM fee_rule").query(Long.class).single();
        long issued = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        for (Armed caller : callers) {
            if (caller.web() == null) {
                continue;
            }
            String who = caller.attacker() + " / invoices ";
            WebSession web = caller.web();
            web.get("/");
            for (String page : List.of("", "/pdf")) {
                Answers.assertAlike(who + page, web.get("/admin/invoices/" + real + page), real,
                        web.get("/admin/invoices/" + absent + page), absent);
            }
            for (String change : List.of("/paid", "/correct")) {
                Answers.assertAlike(who + change, post(web, "/admin/invoices/" + real + change, "paidOn", "2046-02-02",
                        "reason", "x", "item", "x", "amount", "-5000", "taxRate", "10", "code", "X"), real,
                        post(web, "/admin/invoices/" + absent + change, "paidOn", "2046-02-02", "reason", "x", "item", "x",
                                "amount", "-5000", "taxRate", "10", "code", "X"), absent);
            }
            for (String page : List.of("/admin/invoices", "/admin/invoices.csv", "/admin/fees",
                    "/admin/invoices?month=2046-01")) {
                assertThat(web.get(page).statusCode()).as(who + page).isEqualTo(403);
            }
            assertThat(post(web, "/admin/invoices/run", "month", "2046-02").statusCode()).as(who + "run").isEqualTo(403);
            assertThat(post(web, "/admin/fees/rules", "from", "2046-01", "monthly.CLINIC", "1").statusCode())
                    .as(who + "rules").isEqualTo(403);
            assertThat(post(web, "/admin/fees/settings", "issuerName", "x", "registrationNumber", "T7000012050002",
                    "paymentDays", "1").statusCode()).as(who + "settings").isEqualTo(403);
        }
        assertThat(feesInvoices.current(month).stream().filter(i -> i.facilityId() == clinic.id()).findFirst()
                .orElseThrow()).as("the invoice as it was").isEqualTo(invoice);
        assertThat(jdbc.sql("SELECT count(*) FROM fee_rule").query(Long.class).single()).isEqualTo(versions);
        assertThat(jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single()).isEqualTo(issued);
    }

    @Autowired
    org.musubi.secretariat.fees.FeeSettings feeSettings;

    // ---- end of fees and invoices ----------------------------------------------------------------------------------

    // ---- issue 45: the help desk for staff: one contiguous block -----------------------------------------------------

    /**
     * A question hospital A's doctor asked the help desk, naming A's patient: no user of clinic B — of any profession —
     * opens it, replies to it or closes it by URL (each answers exactly as a question nobody asked, a guessed id, with
     * the same audit rows: none), nor sees it in their list; none names A's patient in a question of their own (refused
     * exactly like a person nobody has, one audit row each, nothing stored); none reaches the secretariat's queue, the
     * question there, or the FAQ editor. B's systems have no route here (the pages are for signed-in staff).
     */
    @Test
    void clinicBNeverReachesAnotherFacilitysHelpDeskQuestionNorNamesItsPatient() {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        WebSession doctor = accounts.signedIn(port, accounts.memberOf(hospital, Profession.DOCTOR));
        String subject = "攻撃試験の問い合わせ " + UUID.randomUUID();
        HttpResponse<String> asked = doctor.post("/portal/help/ask", "category", "LINKING", "subject", subject,
                "text", "本文", "patient", String.valueOf(person));
        String id = WebSession.location(asked).replaceAll(".*/portal/help/(\\d+).*", "$1");
        String guessed = id.equals("1234567890") ? "1234567891" : "1234567890";
        String absentPerson = String.valueOf(person + 1_000_000_000L);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            Map<String, java.util.function.Function<String, HttpResponse<String>>> routes = new java.util.LinkedHashMap<>();
            routes.put("question", q -> web.get("/portal/help/" + q));
            routes.put("reply", q -> web.post("/portal/help/" + q + "/reply", "text", "攻撃"));
            routes.put("close", q -> web.post("/portal/help/" + q + "/close", "confirmed", "yes"));
            routes.put("close, asked", q -> web.post("/portal/help/" + q + "/close"));
            for (var route : routes.entrySet()) {
                String what = caller.attacker() + " / help-desk " + route.getKey();
                long before = audit.max();
                HttpResponse<String> refused = route.getValue().apply(id);
                long between = audit.max();
                HttpResponse<String> nothing = route.getValue().apply(guessed);
                Answers.assertAlike(what, refused, id, nothing, guessed);
                assertThat(refused.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows alike").isEqualTo(audit.countByUser(between, caller.userId()));
            }
            String what = caller.attacker() + " / help-desk patient reference";
            long before = audit.max();
            HttpResponse<String> named = web.post("/portal/help/ask", "category", "OTHER", "subject", "件名", "text",
                    "本文", "patient", String.valueOf(person));
            long between = audit.max();
            HttpResponse<String> nobody = web.post("/portal/help/ask", "category", "OTHER", "subject", "件名", "text",
                    "本文", "patient", absentPerson);
            Answers.assertAlike(what, named, String.valueOf(person), nobody, absentPerson);
            assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                    .as(what + ": one audit row").isEqualTo(1);
            assertThat(audit.countByUser(between, caller.userId())).as(what + ": one audit row on nobody").isEqualTo(1);
            assertThat(web.get("/portal/help").body()).as(caller.attacker() + ": not listed").doesNotContain(subject);
            for (String admin : List.of("/admin/helpdesk", "/admin/helpdesk/" + id, "/admin/helpdesk/faq")) {
                assertThat(web.get(admin).statusCode()).as(caller.attacker() + " / " + admin).isEqualTo(403);
            }
            assertThat(web.post("/admin/helpdesk/" + id + "/answer", "text", "攻撃").statusCode())
                    .as(caller.attacker() + " / answer").isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM helpdesk_question WHERE patient_key = ?").param(String.valueOf(person))
                .query(Long.class).single()).as("only A's doctor named the patient").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM helpdesk_event WHERE question_id = ?").param(Long.parseLong(id))
                .query(Long.class).single()).as("nothing was posted").isEqualTo(1);
    }

    // ---- end of the help desk --------------------------------------------------------------------------------------

    // ---- Participation applications (issue 45): one contiguous block ------------------------------------------------

    /**
     * The public status page tells nothing about an application to whoever lacks its pair: a real reference with a
     * wrong secret, and a resubmission with one, are answered exactly like a reference nobody has, and name nothing of
     * the application. The secretariat's queue, an application's page, its steps and its documents answer every user of
     * B (each staff profession, and B's facility administrator) for a real application exactly as for one that does
     * not exist, and the application is left as it was.
     */
    @Test
    void applicationsAreSeenOnlyWithTheirPairAndTheirQueueOnlyByNetworkAdmins() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        WebSession applicant = new WebSession(port).withHeader("X-Forwarded-For", "203.0.113.45");
        String code = org.musubi.testing.TestAccounts.unusedInstitutionCode(facilities, 1);
        var receipt = org.musubi.secretariat.application.Applicants.apply(applicant,
                org.musubi.secretariat.application.Applicants.clinic(code, "攻撃対象申請クリニック"),
                new org.musubi.secretariat.application.Applicants.File("a.pdf", "application/pdf",
                        "%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        long id = jdbc.sql("SELECT id FROM facility_application WHERE reference = ?").param(receipt.plainReference())
                .query(Long.class).single();
        long document = jdbc.sql("SELECT id FROM facility_application_document WHERE application_id = ?").param(id)
                .query(Long.class).single();
        String absentReference = "AAAA-AAAA-AAAA-AAAA".equals(receipt.reference()) ? "BBBB-BBBB-BBBB-BBBB"
                : "AAAA-AAAA-AAAA-AAAA";

        WebSession guesser = new WebSession(port).withHeader("X-Forwarded-For", "203.0.113.46");
        guesser.get("/apply/status");
        HttpResponse<String> realWrongSecret = guesser.post("/apply/status", "reference", receipt.reference(),
                "secret", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        HttpResponse<String> absent = guesser.post("/apply/status", "reference", absentReference,
                "secret", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        Answers.assertAlike("status page: a real reference's wrong secret", realWrongSecret, receipt.reference(), absent,
                absentReference);
        assertThat(realWrongSecret.statusCode()).isEqualTo(404);
        var resubmit = org.musubi.secretariat.application.Applicants.clinic(code, "攻撃");
        HttpResponse<String> realResubmit = org.musubi.secretariat.application.Applicants.postWithToken(guesser,
                guesser.csrf(), "/apply/status/resubmit", org.musubi.secretariat.application.Applicants.with(
                        org.musubi.secretariat.application.Applicants.with(resubmit, "reference", receipt.reference()),
                        "secret", "ZZZZ"));
        HttpResponse<String> absentResubmit = org.musubi.secretariat.application.Applicants.postWithToken(guesser,
                guesser.csrf(), "/apply/status/resubmit", org.musubi.secretariat.application.Applicants.with(
                        org.musubi.secretariat.application.Applicants.with(resubmit, "reference", absentReference),
                        "secret", "ZZZZ"));
        Answers.assertAlike("resubmission with a wrong secret", realResubmit, receipt.reference(), absentResubmit,
                absentReference);
        for (HttpResponse<String> answer : List.of(realWrongSecret, realResubmit)) {
            assertThat(answer.body()).doesNotContain("攻撃対象申請クリニック").doesNotContain(code)
                    .doesNotContain("office@example.jp").doesNotContain("a.pdf");
        }

        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                0, null, accounts.signedIn(port, accounts.adminOf(clinic))));
        long nobody = id + 1_000_000;
        for (Armed caller : callers) {
            WebSession web = caller.web();
            String who = caller.attacker() + " / ";
            Answers.assertAlike(who + "the queue", web.get("/admin/applications?status=UNDER_REVIEW"), "UNDER_REVIEW",
                    web.get("/admin/applications?status=RETURNED"), "RETURNED");
            assertThat(web.get("/admin/applications").statusCode()).as(who + "the queue").isEqualTo(403);
            Answers.assertAlike(who + "an application's page", web.get("/admin/applications/" + id), String.valueOf(id),
                    web.get("/admin/applications/" + nobody), String.valueOf(nobody));
            HttpResponse<byte[]> realDocument = web.getBytes("/admin/applications/" + id + "/documents/" + document);
            HttpResponse<byte[]> absentDocument = web.getBytes("/admin/applications/" + nobody + "/documents/" + document);
            assertThat(realDocument.statusCode()).as(who + "a document").isEqualTo(403)
                    .isEqualTo(absentDocument.statusCode());
            assertThat(new String(realDocument.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(absentDocument.body(), java.nio.charset.StandardCharsets.UTF_8));
            for (String step : List.of("review", "approve", "return", "set-up", "live")) {
                web.get("/");
                HttpResponse<String> real = web.post("/admin/applications/" + id + "/" + step, "note", "攻撃");
                HttpResponse<String> none = web.post("/admin/applications/" + nobody + "/" + step, "note", "攻撃");
                Answers.assertAlike(who + step, real, String.valueOf(id), none, String.valueOf(nobody));
                assertThat(real.statusCode()).as(who + step).isEqualTo(403);
            }
        }
        assertThat(jdbc.sql("SELECT status FROM facility_application WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("RECEIVED");
        assertThat(facilities.findByCode(code)).isEmpty();
    }

    // ---- end of participation applications --------------------------------------------------------------------------
}

package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
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
 * The attacker's suite ({@link AttackMatrixIT}) on the care network: care teams and their workspace, case
 * consultations, pathway templates and regional pathways, municipal documents.
 */
@MusubiIntegrationTest
class CareNetworkAttackIT extends AttackFixtures {

    // ---- Care teams (issue 44): one contiguous block --------------------------------------------------------------

    /**
     * A care-team membership is the one route around the link rule, so every way it can be missing or lost answers a
     * care manager's viewer (the timeline, the medicines) exactly like a person nobody has: never a member, a member
     * who left or was removed, a membership past its end, a member whose care office the patient blocked, a member after
     * the patient withdrew consent. While it is live and consented, the same pages open.
     */
    @Test
    void careTeamMembershipOpensTheRecordOnlyWhileLiveAndConsented() {
        Facility hospital = accounts.newHospital();
        Facility office = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User member = accounts.memberOf(office, Profession.CARE_MANAGER);
        User never = accounts.memberOf(office, Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);
        long admin = accounts.networkAdmin().id();
        org.musubi.carenet.CareTeams.Actor lead = new org.musubi.carenet.CareTeams.Actor(doctor.id(), hospital.id());
        java.util.UUID team = careTeams.create(lead, person, null, org.musubi.carenet.CareTeams.Role.DOCTOR).id();
        careTeams.invite(lead, team, member.id(), org.musubi.carenet.CareTeams.Role.CARE_MANAGER, null);
        String absent = String.valueOf(person + 1_000_000_000L);
        WebSession memberWeb = accounts.signedIn(port, member);
        List<String> pages = List.of("/portal/patients/%s", "/portal/patients/%s/medications");
        for (String page : pages) {
            assertThat(memberWeb.get(page.formatted(person)).statusCode()).as("the live member: " + page).isEqualTo(200);
        }
        java.util.function.Consumer<String> refusedAlike = what -> {
            for (String page : pages) {
                Answers.assertAlike(what + " " + page, memberWeb.get(page.formatted(person)), String.valueOf(person),
                        memberWeb.get(page.formatted(absent)), absent);
            }
        };
        WebSession neverWeb = accounts.signedIn(port, never);
        for (String page : pages) {
            Answers.assertAlike("never a member " + page, neverWeb.get(page.formatted(person)), String.valueOf(person),
                    neverWeb.get(page.formatted(absent)), absent);
        }
        consents.block(person, office.id(), admin);
        refusedAlike.accept("the member's care office blocked");
        consents.unblock(person, office.id());
        for (org.musubi.consent.Consent consent : consents.of(person)) {
            consents.withdraw(consent.id(), admin);
        }
        refusedAlike.accept("consent withdrawn");
        consents.grant(person, org.musubi.consent.ConsentScope.ALL_FACILITIES, null,
                Set.of(org.musubi.audit.Purpose.TREATMENT), admin, hospital.id());
        jdbc.sql("UPDATE care_team_member SET valid_until = now() - interval '1 second' WHERE team_id = ? AND user_id = ?")
                .params(team, member.id()).update();
        refusedAlike.accept("membership past its end");
        careTeams.invite(lead, team, member.id(), org.musubi.carenet.CareTeams.Role.CARE_MANAGER, null);
        assertThat(memberWeb.get(pages.getFirst().formatted(person)).statusCode()).as("renewed").isEqualTo(200);
        careTeams.end(lead, team, member.id());
        refusedAlike.accept("an ex-member");

        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        String guessedTeam = java.util.UUID.randomUUID().toString();
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            String what = caller.attacker() + " / care team";
            Answers.assertAlike(what + " page", caller.web().get("/portal/patients/" + person + "/care-team"),
                    String.valueOf(person), caller.web().get("/portal/patients/" + absent + "/care-team"), absent);
            caller.web().get("/portal/care-teams");
            Answers.assertAlike(what + " invitation", caller.web().post("/portal/care-teams/" + team + "/members",
                    "user", String.valueOf(caller.userId()), "role", "HELPER"), team.toString(),
                    caller.web().post("/portal/care-teams/" + guessedTeam + "/members", "user",
                            String.valueOf(caller.userId()), "role", "HELPER"), guessedTeam);
            assertThat(caller.web().get("/portal/care-teams").body()).as(what + ": not listed")
                    .doesNotContain(team.toString());
        }
    }

    // ---- end of care teams -----------------------------------------------------------------------------------------

    // ---- Case consultations (issue 44): one contiguous block -------------------------------------------------------

    /**
     * A case consultation hospital A's doctor asked a specialist of another hospital, with an attachment: no user of
     * clinic B — of any profession — reads the thread, its attachment, posts to it, sets its meeting, closes it, or asks
     * about A's patient, by URL: each attempt answers exactly as an id (or a person) nobody has, with one audit row;
     * B's list shows nothing of it. B's systems have no consultation route (the pages are for signed-in users; the
     * FHIR API's Communication searches are the matrix's probes).
     */
    @Test
    void clinicBNeverReadsNorWritesACaseConsultationBetweenOthers() {
        Facility asking = accounts.newHospital();
        Facility asked = accounts.newHospital();
        User doctor = accounts.memberOf(asking, Profession.DOCTOR);
        User specialist = accounts.memberOf(asked, Profession.DOCTOR);
        long person = linkedConsentedPatientAt(asking);
        org.musubi.consult.ConsultThread thread = askConsultation.ask(new org.musubi.record.Reader(doctor.id(),
                asking.id()), person, new org.musubi.consult.Consultations.Question(asked.id(), specialist.id(), "内科",
                "攻撃試験の相談", "ご意見をお願いします。", List.of(), List.of(new org.musubi.consult.Upload("a.txt",
                "text/plain", "攻撃試験".getBytes(java.nio.charset.StandardCharsets.UTF_8))))).orElseThrow();
        String id = thread.id().toString();
        String guessed = java.util.UUID.randomUUID().toString();
        String binary = jdbc.sql("SELECT resource_id FROM consult_row WHERE thread_id = ? AND kind = 'ATTACHMENT'")
                .param(thread.id()).query(String.class).single();
        String absentPerson = String.valueOf(person + 1_000_000_000L);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            Map<String, java.util.function.Function<String, HttpResponse<String>>> routes = new java.util.LinkedHashMap<>();
            routes.put("thread", t -> web.get("/portal/consultations/" + t));
            routes.put("attachment", t -> web.get("/portal/consultations/" + t + "/attachments/" + binary));
            routes.put("post", t -> web.post("/portal/consultations/" + t + "/messages", "text", "攻撃"));
            routes.put("meeting", t -> web.post("/portal/consultations/" + t + "/meeting", "at", "2026-12-01T10:00",
                    "url", "https://meet.example.jp/x"));
            routes.put("close", t -> web.post("/portal/consultations/" + t + "/close", "confirmed", "yes"));
            for (var route : routes.entrySet()) {
                String what = caller.attacker() + " / consultation " + route.getKey();
                long before = audit.max();
                HttpResponse<String> refused = route.getValue().apply(id);
                long between = audit.max();
                HttpResponse<String> nothing = route.getValue().apply(guessed);
                Answers.assertAlike(what, refused, id, nothing, guessed);
                assertThat(refused.statusCode()).as(what).isEqualTo(404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's thread").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                        .isEqualTo(1);
            }
            String what = caller.attacker() + " / consultation";
            Answers.assertAlike(what + " form", web.get("/portal/patients/" + person + "/consultations/new?facility="
                    + asked.id()), String.valueOf(person), web.get("/portal/patients/" + absentPerson
                    + "/consultations/new?facility=" + asked.id()), absentPerson);
            Answers.assertAlike(what + " ask", web.post("/portal/patients/" + person + "/consultations", "facility",
                    String.valueOf(asked.id()), "subject", "件名", "text", "本文"), String.valueOf(person),
                    web.post("/portal/patients/" + absentPerson + "/consultations", "facility", String.valueOf(asked.id()),
                            "subject", "件名", "text", "本文"), absentPerson);
            assertThat(web.get("/portal/consultations?tab=open").body()).as(what + ": not listed").doesNotContain(id)
                    .doesNotContain("攻撃試験の相談");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM consult_row WHERE thread_id = ?").param(thread.id())
                .query(Long.class).single()).as("nothing was posted").isEqualTo(2);
    }

    // ---- end of case consultations ---------------------------------------------------------------------------------

    // ---- issue 44: pathway templates (the operators' editor, Questionnaire read-only on the API) ---------------------

    @Autowired
    org.musubi.carenet.catalog.TemplateStore templates;

    /**
     * The pathway templates are changed by network operators only, and never over the API. Every user of B (each
     * staff profession, and B's facility administrator) gets for a draft template's pages, its exports and every
     * change exactly the answer given for a template nobody made; B's systems get for a draft's stage form the answer
     * of a form that does not exist, and every write of a Questionnaire, real or absent, is refused 405 alike with one
     * audit row. The draft is left as it was.
     */
    @Test
    void pathwayTemplatesAreChangedOnlyByNetworkOperatorsAndNeverOverTheApi() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        var operator = org.musubi.registry.Administrator.of(accounts.networkAdmin());
        String code = "attack-" + UUID.randomUUID().toString().substring(0, 8);
        String absent = "absent-" + UUID.randomUUID().toString().substring(0, 8);
        templates.create(operator, code, "攻撃試験", "Attack test");
        templates.edit(operator, code, 1, "stage", e -> e.addStage("first", "初回", "First", List.of("CLINIC"), 0)
                .addItem("first", "", "done", "boolean", "実施"));
        String stored = jdbc.sql("SELECT body FROM pathway_template WHERE code = ?").param(code).query(String.class).single();
        List<Armed> callers = new ArrayList<>(callers(clinic));
        User clinicAdmin = accounts.adminOf(clinic);
        callers.add(new Armed(new Attacker("B's facility administrator", Profession.MEDICAL_CLERK, Set.of()),
                clinicAdmin.id(), null, accounts.signedIn(port, clinicAdmin)));
        for (Armed caller : callers) {
            String who = caller.attacker() + " / pathway templates ";
            if (caller.web() != null) {
                WebSession web = caller.web();
                web.get("/");
                for (String page : List.of("/1", "/1/export", "/1/stages/first", "/1/stages/first/export",
                        "/1/stages/first/items/done")) {
                    Answers.assertAlike(who + page, web.get("/admin/pathways/" + code + page), code,
                            web.get("/admin/pathways/" + absent + page), absent);
                }
                for (String change : List.of("/1/publish", "/1/retire", "/new-version", "/1/title",
                        "/1/stages/first/items", "/1/stages/first/items/done/remove", "/1/stages/first/remove")) {
                    Answers.assertAlike(who + change, post(web, "/admin/pathways/" + code + change, "titleJa", "x",
                            "linkId", "x", "type", "string", "confirmed", "yes"), code, post(web, "/admin/pathways/"
                            + absent + change, "titleJa", "x", "linkId", "x", "type", "string", "confirmed", "yes"), absent);
                }
                assertThat(web.get("/admin/pathways").statusCode()).as(who + "list").isEqualTo(403);
            } else {
                RawApi api = caller.api();
                Answers.assertAlike(who + "draft form", api.get("Questionnaire/" + code + ".first.1"), code,
                        api.get("Questionnaire/" + absent + ".first.1"), absent);
                for (String id : List.of("stroke.acute.1", code + ".first.1", absent + ".first.1")) {
                    long before = audit.max();
                    HttpResponse<String> put = api.send("PUT", "Questionnaire/" + id,
                            "{\"resourceType\":\"Questionnaire\",\"id\":\"" + id + "\",\"status\":\"active\"}");
                    assertThat(put.statusCode()).as(who + "PUT " + id).isEqualTo(405);
                    assertThat(put.body()).contains("OperationOutcome");
                    assertThat(api.send("DELETE", "Questionnaire/" + id, null).statusCode()).as(who + "DELETE " + id)
                            .isEqualTo(405);
                    assertThat(audit.countByUser(before, caller.userId())).as(who + "one row per attempt").isEqualTo(2);
                }
                assertThat(api.post("Questionnaire", "{\"resourceType\":\"Questionnaire\",\"status\":\"active\"}")
                        .statusCode()).as(who + "create").isEqualTo(405);
                assertThat(api.get("Questionnaire/stroke.acute.1").statusCode()).as(who + "published form").isEqualTo(200);
            }
        }
        assertThat(jdbc.sql("SELECT body FROM pathway_template WHERE code = ? AND status = 'DRAFT'").param(code)
                .query(String.class).single()).as("the draft as it was").isEqualTo(stored);
        assertThat(jdbc.sql("SELECT count(*) FROM pathway_template WHERE code IN (?, ?)").params(code, absent)
                .query(Long.class).single()).isEqualTo(1);
    }
    // ---- Care-team workspace (issue 44): one contiguous block ------------------------------------------------------

    @Autowired
    org.musubi.carenet.WriteTeamNote teamNotes;
    @Autowired
    org.musubi.carenet.AssignTeamTask teamTasks;
    @Autowired
    org.musubi.carenet.AddTeamPhoto teamPhotos;

    /**
     * A care team's workspace (its page, each of its writes, a task's status, a photo and the photo upload) answers
     * everyone but a live, consented
     * member exactly like a team nobody has — never a member, an ex-member, a member of a facility the patient blocked,
     * after the consent's withdrawal, past the membership's end — with one audit row per attempt and nothing stored;
     * clinic B's users get the same for the real and a guessed team, and B's users and systems find neither the team's
     * notes, its tasks nor its photo by FHIR search of Communication, Task or Media.
     */
    @Test
    void aCareTeamsWorkspaceAnswersEveryoneButALiveConsentedMemberLikeATeamNobodyHas() {
        Facility hospital = accounts.newHospital();
        long person = linkedConsentedPatientAt(hospital);
        org.musubi.carenet.HomeCareTeam home = org.musubi.carenet.HomeCareTeam.of(accounts, careTeams, hospital, person);
        Facility station = home.station();
        User doctor = home.doctor();
        User nurse = home.nurse();
        long admin = accounts.networkAdmin().id();
        org.musubi.carenet.CareTeams.Actor lead = org.musubi.carenet.HomeCareTeam.actor(doctor);
        UUID team = home.team().id();
        org.musubi.carenet.CareTeams.Actor member = org.musubi.carenet.HomeCareTeam.actor(nurse);
        String note = teamNotes.write(member, team, org.musubi.carenet.TeamEntry.Kind.CARE_NOTE,
                List.of("攻撃試験のケア記録"));
        String task = teamTasks.assign(member, team, "攻撃試験のタスク", doctor.id(), null);
        byte[] png = org.musubi.photos.TestPictures.png(40, 30);
        String photo = teamPhotos.add(member, team, "wound.png", png, "攻撃試験の写真", "仙骨部");
        String guessed = UUID.randomUUID().toString();
        long stored = jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ?").param(team).query(Long.class)
                .single();

        java.util.function.BiConsumer<String, WebSession> refusedAlike = (what, web) -> {
            web.get("/portal/care-teams");
            List<java.util.function.Function<String, HttpResponse<String>>> probes = List.of(
                    t -> web.get("/portal/care-teams/" + t),
                    t -> web.post("/portal/care-teams/" + t + "/notes", "kind", "CARE_NOTE", "text", "攻撃"),
                    t -> web.post("/portal/care-teams/" + t + "/vitals", "pulse", "70"),
                    t -> web.post("/portal/care-teams/" + t + "/tasks", "text", "攻撃", "assignee",
                            String.valueOf(doctor.id())),
                    t -> web.post("/portal/care-teams/" + t + "/tasks/" + task + "/status", "status", "cancelled"),
                    t -> web.get("/portal/care-teams/" + t + "/photos/" + photo),
                    t -> org.musubi.phr.checkups.PaperForms.multipart(web, "/portal/care-teams/" + t + "/photos",
                            web.csrf(), "wound.png", "image/png", png, "caption", "攻撃"));
            for (int i = 0; i < probes.size(); i++) {
                long before = audit.max();
                HttpResponse<String> asked = probes.get(i).apply(team.toString());
                long between = audit.max();
                HttpResponse<String> nothing = probes.get(i).apply(guessed);
                Answers.assertAlike(what + " workspace probe " + i, asked, team.toString(), nothing, guessed);
                assertThat(asked.statusCode()).as(what + " probe " + i).isEqualTo(404);
                assertThat(audit.countSince(before) - audit.countSince(between)).as(what + " probe " + i + ": rows")
                        .isEqualTo(1);
            }
        };
        WebSession nurseWeb = accounts.signedIn(port, nurse);
        assertThat(nurseWeb.get("/portal/care-teams/" + team).body()).as("the live member")
                .contains("攻撃試験のケア記録");
        assertThat(nurseWeb.getBytes("/portal/care-teams/" + team + "/photos/" + photo).statusCode())
                .as("the live member sees the team's photo").isEqualTo(200);
        refusedAlike.accept("never a member", accounts.signedIn(port, home.outsider()));
        consents.block(person, station.id(), admin);
        refusedAlike.accept("the member's station blocked", nurseWeb);
        consents.unblock(person, station.id());
        for (org.musubi.consent.Consent consent : consents.of(person)) {
            consents.withdraw(consent.id(), admin);
        }
        refusedAlike.accept("consent withdrawn", nurseWeb);
        consents.grant(person, org.musubi.consent.ConsentScope.ALL_FACILITIES, null,
                Set.of(org.musubi.audit.Purpose.TREATMENT), admin, hospital.id());
        jdbc.sql("UPDATE care_team_member SET valid_until = now() - interval '1 second' WHERE team_id = ? AND user_id = ?")
                .params(team, nurse.id()).update();
        refusedAlike.accept("membership past its end", nurseWeb);
        careTeams.invite(lead, team, nurse.id(), org.musubi.carenet.CareTeams.Role.VISITING_NURSE, null);
        careTeams.end(lead, team, nurse.id());
        refusedAlike.accept("an ex-member", nurseWeb);

        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        for (Armed caller : callers(clinic)) {
            if (caller.web() != null) {
                refusedAlike.accept(caller.attacker() + " / care-team workspace", caller.web());
            }
            for (String search : List.of("Communication?patient=Patient/%s", "Task?patient=Patient/%s",
                    "Communication?_id=" + note, "Task?_id=" + task, "Media?_id=" + photo)) {
                String what = caller.attacker() + " / " + search;
                long before = audit.max();
                HttpResponse<String> found = letterGet(caller, search.formatted(person));
                assertThat(found.body()).as(what + ": the team's note and task are not B's").doesNotContain(note)
                        .doesNotContain(task).doesNotContain(photo).doesNotContain("攻撃試験");
                if (search.contains("patient=")) {
                    assertThat(audit.countByUser(before, caller.userId())).as(what + ": audit rows").isEqualTo(1);
                }
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM care_team_entry WHERE team_id = ?").param(team).query(Long.class)
                .single()).as("nothing stored by any refused attempt").isEqualTo(stored);
    }

    // ---- end of care-team workspace ----------------------------------------------------------------------------------
    // ---- Regional pathways: enrolment, stage forms, progress (issue 44): one contiguous block ----------------------

    /**
     * Hospital A enrols its linked patient in the stroke pathway and assigns the maintenance stage to clinic B, which
     * has no link to the patient: no user of B learns anything of the pathway — the enrolment's page, a stage's form
     * (read and sent), withdrawing, the patient's pathway page and enrolling answer exactly like an id or a person
     * nobody has; B's pathway list and home page do not show it.
     */
    @Test
    void clinicBWithoutALinkNeverSeesNorFillsAPathwayStageAssignedToIt(
            @Autowired org.musubi.carenet.enrolment.Pathways pathways) {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        long person = linkedConsentedPatientAt(hospital);
        String id = pathways.enrol(new org.musubi.record.Reader(doctor.id(), hospital.id()), person, "stroke",
                Map.of("maintenance", clinic.id())).orElseThrow().id().toString();
        String guessed = java.util.UUID.randomUUID().toString();
        String absent = String.valueOf(person + 1_000_000_000L);
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            String what = caller.attacker() + " / pathway";
            Answers.assertAlike(what + " enrolment", web.get("/portal/pathways/" + id), id,
                    web.get("/portal/pathways/" + guessed), guessed);
            for (int position = 0; position < 3; position++) {
                Answers.assertAlike(what + " form " + position, web.get("/portal/pathways/" + id + "/stages/" + position),
                        id, web.get("/portal/pathways/" + guessed + "/stages/" + position), guessed);
                Answers.assertAlike(what + " fill " + position, web.post("/portal/pathways/" + id + "/stages/" + position,
                        "f.recurrence", "false"), id, web.post("/portal/pathways/" + guessed + "/stages/" + position,
                        "f.recurrence", "false"), guessed);
            }
            Answers.assertAlike(what + " withdraw", web.post("/portal/pathways/" + id + "/withdraw", "confirmed", "yes"),
                    id, web.post("/portal/pathways/" + guessed + "/withdraw", "confirmed", "yes"), guessed);
            Answers.assertAlike(what + " patient page", web.get("/portal/patients/" + person + "/pathways"),
                    String.valueOf(person), web.get("/portal/patients/" + absent + "/pathways"), absent);
            Answers.assertAlike(what + " enrol", web.post("/portal/patients/" + person + "/pathways", "template", "stroke"),
                    String.valueOf(person), web.post("/portal/patients/" + absent + "/pathways", "template", "stroke"),
                    absent);
            assertThat(web.get("/portal/pathways").body()).as(what + ": not listed").doesNotContain(id);
            assertThat(web.get("/").body()).as(what + ": nothing waiting").doesNotContain("id=\"pathway-waiting\"");
        }
        assertThat(jdbc.sql("SELECT status FROM pathway_enrolment WHERE id = ?").param(java.util.UUID.fromString(id))
                .query(String.class).single()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM pathway_stage WHERE enrolment_id = ? AND filled_at IS NOT NULL")
                .param(java.util.UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    // ---- end of regional pathways ----------------------------------------------------------------------------------

    // ---- municipal documents, discharge sheets, the disaster-help flag (issue 44): one contiguous block ----------

    /**
     * A 主治医意見書 a municipality asked of another hospital's doctor (answered), a discharge sheet that hospital sent to a
     * care manager, and their patient: no user of clinic B opens either document, its PDF, nor answers, declines or
     * completes it, nor opens the patient's care-and-municipal page, the composers, nor asks, sends or sets a flag for
     * the patient — each attempt answers exactly as a document id or a person nobody has, with one audit row of the
     * caller — nor sees the documents in any list. B's systems have no route here (the pages are for signed-in users).
     */
    @Test
    void clinicBNeverReachesMunicipalDocumentsNorTheirPatient() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.newHospital();
        Facility city = municipalPlaces.municipality();
        Facility office = municipalPlaces.careOffice();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User manager = accounts.memberOf(office, Profession.CARE_MANAGER);
        long person = linkedConsentedPatientAt(hospital);
        consents.link(person, city.id(), accounts.networkAdmin().id());
        org.musubi.record.Reader nurseOfCity = new org.musubi.record.Reader(
                accounts.memberOf(city, Profession.PUBLIC_HEALTH_NURSE).id(), city.id());
        String opinion = requestOpinion.request(nurseOfCity, new org.musubi.carenet.municipal.MunicipalDocuments.Request(
                person, doctor.id(), java.time.LocalDate.now().plusDays(10), "NEW", null, null)).value().toString();
        assertThat(answerOpinion.answer(new org.musubi.record.Reader(doctor.id(), hospital.id()), UUID.fromString(opinion),
                org.musubi.carenet.municipal.Places.opinion()).ok()).isTrue();
        String sheet = sendDischargeSheet.sendSheet(new org.musubi.record.Reader(accounts.memberOf(hospital, Profession.NURSE).id(),
                hospital.id()), person, manager.id(), org.musubi.carenet.municipal.Places.sheet()).value().toString();
        String personKey = String.valueOf(person);
        String nobody = String.valueOf(8_000_000_000L + new java.util.Random().nextInt(1_000_000));
        for (Armed caller : callers(clinic)) {
            if (caller.web() == null) {
                continue;
            }
            WebSession web = caller.web();
            for (String doc : List.of(opinion, sheet)) {
                municipalAttempt(caller, "document page", doc, UUID.randomUUID().toString(),
                        id -> web.get("/portal/municipal/documents/" + id));
                municipalAttempt(caller, "document PDF", doc, UUID.randomUUID().toString(),
                        id -> web.send(java.net.http.HttpRequest.newBuilder(URI.create(web.base()
                                + "/portal/municipal/documents/" + id + "/pdf")).header("Accept", "text/html").GET()));
            }
            municipalAttempt(caller, "answer", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/answer", "diagnosis1", "攻撃",
                            "confirmed", "yes"));
            municipalAttempt(caller, "decline", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/decline", "reason", "攻撃",
                            "confirmed", "yes"));
            municipalAttempt(caller, "answer, asked", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/answer", "diagnosis1", "攻撃"));
            municipalAttempt(caller, "decline, asked", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/decline", "reason", "攻撃"));
            municipalAttempt(caller, "complete", opinion, UUID.randomUUID().toString(),
                    id -> web.post("/portal/municipal/documents/" + id + "/complete"));
            municipalAttempt(caller, "patient's municipal page", personKey, nobody,
                    id -> web.get("/portal/patients/" + id + "/municipal"));
            municipalAttempt(caller, "opinion request form", personKey, nobody,
                    id -> web.get("/portal/patients/" + id + "/opinion-requests/new"));
            municipalAttempt(caller, "discharge sheet composer", personKey, nobody,
                    id -> web.get("/portal/patients/" + id + "/discharge-sheets/new"));
            for (String confirmed : List.of("yes", "")) { // the act, and its question (issue 67)
                municipalAttempt(caller, "request an opinion " + confirmed, personKey, nobody,
                        id -> web.post("/portal/patients/" + id + "/opinion-requests", "doctor", String.valueOf(doctor.id()),
                                "due", java.time.LocalDate.now().plusDays(5).toString(), "application", "NEW",
                                "confirmed", confirmed));
                municipalAttempt(caller, "send a discharge sheet " + confirmed, personKey, nobody,
                        id -> web.post("/portal/patients/" + id + "/discharge-sheets", "careManager",
                                String.valueOf(manager.id()), "diagnoses", "攻撃", "confirmed", confirmed));
            }
            municipalAttempt(caller, "set the disaster-help flag", personKey, nobody,
                    id -> web.post("/portal/patients/" + id + "/disaster-flag", "on", "true", "reason", "攻撃"));
            for (String list : List.of("/portal/municipal/opinions", "/portal/municipal/opinions/inbox",
                    "/portal/municipal/sheets", "/portal/municipal/sheets/inbox")) {
                assertThat(web.get(list).body()).as(caller.attacker() + " / " + list).doesNotContain(opinion)
                        .doesNotContain(sheet);
            }
        }
        assertThat(openMunicipalDocument.open(new org.musubi.record.Reader(manager.id(), office.id()), UUID.fromString(sheet),
                java.util.Locale.JAPANESE)).as("still there for its addressee").isPresent();
    }



    // ---- end of municipal documents --------------------------------------------------------------------------------
}

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
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacker's suite ({@link AttackMatrixIT}) on research: projects and cohort counts, Bulk Data export, de-identified
 * extractions and a project's cohort as an export.
 */
@MusubiIntegrationTest
class ResearchAttackIT extends AttackFixtures {

    // ---- issue 48, research: research projects, cohort counts and the opt-out ------------------------------------------

    /**
     * Research projects: every web caller of clinic B — a doctor there with an approved project of their own among
     * them — gets, for hospital A's approved project (its page, a count, its ethics PDF, closing it), exactly what a
     * project id nobody has gets; A's own researcher gets the same for the counts of A's refused project; the public
     * list shows neither the refused project nor one still applied for; B's callers cannot opt a person out at the
     * counter (an operator's page) and the register is unchanged.
     */
    @Test
    void clinicBNeverSeesNorCountsAnotherResearchersProject() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User theirs = accounts.memberOf(hospital, Profession.DOCTOR);
        User ours = accounts.memberOf(clinic, Profession.DOCTOR);
        long approved = researchProject(theirs, "承認済み", org.musubi.research.ProjectStatus.APPROVED);
        long refused = researchProject(theirs, "不承認", org.musubi.research.ProjectStatus.REFUSED);
        long applied = researchProject(theirs, "申請中", null);
        researchProject(ours, "B の研究", org.musubi.research.ProjectStatus.APPROVED);
        long nobody = approved + 1_000_000;
        long person = linkedConsentedPatientAt(hospital);
        List<Armed> callers = new ArrayList<>(callers(clinic).stream().filter(c -> c.web() != null).toList());
        callers.add(new Armed(Attacker.user(Profession.DOCTOR), ours.id(), null, accounts.signedIn(port, ours)));
        for (Armed caller : callers) {
            WebSession web = caller.web();
            for (String[] attempt : List.<String[]>of(new String[] {"GET", ""}, new String[] {"POST", "/count"},
                    new String[] {"GET", "/ethics.pdf"}, new String[] {"POST", "/close"})) {
                HttpResponse<String> answer = researchAttempt(web, attempt, approved);
                HttpResponse<String> none = researchAttempt(web, attempt, nobody);
                String what = caller.attacker().name() + " " + attempt[0] + " " + attempt[1];
                assertThat(answer.statusCode()).as(what).isEqualTo(404);
                assertThat(withoutToken(answer.body()).replace("/research/" + approved, "/research/X")).as(what)
                        .isEqualTo(withoutToken(none.body()).replace("/research/" + nobody, "/research/X"));
            }
            assertThat(web.post("/admin/persons/" + person + "/research-opt-out", "optOut", "true").statusCode())
                    .as(caller.attacker().name()).isNotEqualTo(302);
        }
        assertThat(researchOptOuts.look(person).orElseThrow().optedOut()).isFalse();
        WebSession owner = accounts.signedIn(port, theirs);
        HttpResponse<String> refusedCount = owner.post("/research/" + refused + "/count");
        HttpResponse<String> unknownCount = owner.post("/research/" + nobody + "/count");
        assertThat(refusedCount.statusCode()).isEqualTo(404);
        assertThat(withoutToken(refusedCount.body()).replace("/research/" + refused, "/research/X"))
                .isEqualTo(withoutToken(unknownCount.body()).replace("/research/" + nobody, "/research/X"));
        String published = new WebSession(port).get("/public/research").body();
        assertThat(published).contains("承認済み " + approved).doesNotContain("不承認 " + refused, "申請中 " + applied);
    }

    @Autowired
    org.musubi.research.ResearchDesk researchDesk;
    @Autowired
    org.musubi.research.ApplyForResearch applyForResearch;
    @Autowired
    org.musubi.research.DecideResearchProject decideResearchProject;
    @Autowired
    org.musubi.research.OptOuts researchOptOuts;

    private long researchProject(User applicant, String title, org.musubi.research.ProjectStatus decision) {
        java.time.LocalDate today = researchDesk.today();
        org.musubi.research.Scope scope = new org.musubi.research.Scope(new org.musubi.research.Criteria(List.of("E11"),
                List.of(), null, null, null, null, null, null, null), List.of("DIAGNOSES"), java.util.Map.of());
        long id = applyForResearch.apply(new org.musubi.research.Researcher(applicant.id(), false, true),
                new org.musubi.research.ApplyForResearch.Form(title, "大学", "目的", "E-1", "0".repeat(64), 10, today,
                        today.plusMonths(6), scope, List.of()));
        jdbc.sql("UPDATE research_project SET title = title || ' ' || id WHERE id = ?").param(id).update();
        if (decision != null) {
            decideResearchProject.decide(new org.musubi.research.Researcher(accounts.networkAdmin().id(), true, false), id,
                    decision, null, decision == org.musubi.research.ProjectStatus.APPROVED ? null : "理由");
        }
        return id;
    }

    private static HttpResponse<String> researchAttempt(WebSession web, String[] attempt, long id) {
        String path = "/research/" + id + attempt[1];
        // closing is asked once (issue 67): the attempt is the confirmed POST a person would send
        return "GET".equals(attempt[0]) ? web.get(path)
                : "/close".equals(attempt[1]) ? web.post(path, "confirmed", "yes") : web.post(path);
    }

    // ---- end of issue 48, research --------------------------------------------------------------------------------------

    // ---- issue 48, export2: FHIR Bulk Data $export ------------------------------------------------------------------

    /**
     * Hospital A's system exports its patients. Every caller of clinic B — its systems' tokens, each profession's
     * browser session — and a second system of A itself get, for A's export's status URL, one of its files and its
     * cancellation, exactly what a guessed export id gets (404, the same body but for the id), each audited once; a
     * file URL without a token is 401; A's export is untouched afterwards. B's system gets for a Group named after A's
     * patient what a Group nobody has gets; another hospital's own export holds its own patient and nothing of A's. A
     * researcher — a doctor of B named on an approved project, in the browser — and A's own system declaring the
     * purpose of research get no export.
     */
    @Test
    void clinicBNeverReachesHospitalAsBulkExportNorItsPatientsThroughOne() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        var writer = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String local = FhirRecords.localId();
        FhirRecords.registerPatient(writer, hospital, local, FhirRecords.uniqueKana());
        long person = clients.linkedPersonOf(hospital, local);
        String lab = FhirRecords.create(writer, FhirRecords.lab(hospital, local, FhirRecords.HBA1C, "2026-02-01", 6.6));
        String owner = clients.token(port, clients.register(hospital, "system/*.read"));
        String status = bulkKickOff(new RawApi(port, owner), "$export").headers().firstValue("Content-Location")
                .orElseThrow();
        HttpResponse<String> manifest = org.musubi.fhirapi.export.BulkExports.poll(status, owner);
        assertThat(manifest.statusCode()).isEqualTo(200);
        String file = org.musubi.fhirapi.export.BulkExports.outputs(manifest.body()).getFirst().url();
        String id = status.substring(status.lastIndexOf('/') + 1);
        String guessedId = java.util.UUID.randomUUID().toString();
        String guessed = status.replace(id, guessedId);
        List<Armed> callers = new ArrayList<>(callers(clinic));
        ApiClientAdministration.NewApiClient sibling = clients.register(hospital, "system/*.read");
        callers.add(new Armed(Attacker.system("A's other system", "system/*.read"), sibling.client().userId(),
                new RawApi(port, clients.token(port, sibling)), null));
        for (Armed caller : callers) {
            String who = caller.attacker().toString();
            for (String[] attempt : List.<String[]>of(new String[] {"GET", status, guessed},
                    new String[] {"GET", file, file.replace(id, guessedId)},
                    new String[] {"DELETE", status, guessed})) {
                if (caller.api() == null && attempt[0].equals("DELETE")) {
                    continue; // a session never writes on /fhir (403 before any of Musubi's code)
                }
                long before = audit.max();
                HttpResponse<String> real = bulkAs(caller, attempt[0], attempt[1]);
                HttpResponse<String> none = bulkAs(caller, attempt[0], attempt[2]);
                String what = who + " " + attempt[0] + " " + attempt[1];
                assertThat(real.statusCode()).as(what).isEqualTo(404);
                assertThat(real.body().replace(id, "X")).as(what).isEqualTo(none.body().replace(guessedId, "X"));
                assertThat(audit.countByUser(before, caller.userId())).as(what + ": audited once each").isEqualTo(2);
            }
        }
        assertThat(org.musubi.fhirapi.export.BulkExports.send("GET", file, null).statusCode()).isEqualTo(401);
        assertThat(org.musubi.fhirapi.export.BulkExports.send("GET", status, null).statusCode()).isEqualTo(401);
        assertThat(org.musubi.fhirapi.export.BulkExports.send("GET", status, owner).statusCode()).as("untouched")
                .isEqualTo(200);
        assertThat(org.musubi.fhirapi.export.BulkExports.send("GET", file, owner).statusCode()).isEqualTo(200);

        RawApi clinicSystem = callers.getFirst().api();
        HttpResponse<String> group = bulkKickOff(clinicSystem, "Group/" + person + "/$export");
        HttpResponse<String> nobodys = bulkKickOff(clinicSystem, "Group/" + (person + 1_000_000) + "/$export");
        assertThat(group.statusCode()).isEqualTo(404);
        assertThat(group.body().replace(String.valueOf(person), "X"))
                .isEqualTo(nobodys.body().replace(String.valueOf(person + 1_000_000), "X"));

        Facility another = accounts.newHospital();
        var theirs = clients.fhirFor(port, another, "system/*.read", "system/*.write");
        String own = FhirRecords.localId();
        FhirRecords.registerPatient(theirs, another, own, FhirRecords.uniqueKana());
        String ownLab = FhirRecords.create(theirs, FhirRecords.lab(another, own, FhirRecords.HBA1C, "2026-02-02", 5.5));
        String exporter = clients.token(port, clients.register(another, "system/*.read"));
        HttpResponse<String> theirManifest = org.musubi.fhirapi.export.BulkExports.poll(bulkKickOff(
                new RawApi(port, exporter), "Patient/$export").headers().firstValue("Content-Location").orElseThrow(),
                exporter);
        var exported = org.musubi.fhirapi.export.BulkExports.download(org.musubi.fhirapi.export.BulkExports.outputs(
                theirManifest.body()), exporter, clients.context());
        assertThat(exported.get("Observation")).containsExactly(ownLab);
        assertThat(exported.values().stream().flatMap(java.util.Set::stream)).doesNotContain(lab);

        User researcher = accounts.memberOf(clinic, Profession.DOCTOR);
        researchProject(researcher, "一括出力を試みる研究", org.musubi.research.ProjectStatus.APPROVED);
        WebSession researcherSession = accounts.signedIn(port, researcher).withHeader("Prefer", "respond-async");
        long before = audit.max();
        assertThat(researcherSession.get("/fhir/$export").statusCode()).as("a researcher's session").isEqualTo(403);
        assertThat(new RawApi(port, owner).send("GET", "$export", null, Map.of("Prefer", "respond-async",
                "X-Purpose-Of-Use", "HRESCH")).statusCode()).as("research through a system").isEqualTo(403);
        assertThat(audit.countByUser(before, researcher.id())).isEqualTo(1);
    }

    private HttpResponse<String> bulkKickOff(RawApi api, String path) {
        return api.send("GET", path, null, Map.of("Prefer", "respond-async"));
    }

    private static HttpResponse<String> bulkAs(Armed caller, String method, String url) {
        if (caller.api() != null) {
            return org.musubi.fhirapi.export.BulkExports.send(method, url, caller.api().token());
        }
        return caller.web().get(url.substring(url.indexOf("/fhir/")));
    }

    // ---- end of issue 48, export2 -----------------------------------------------------------------------------------

    // ---- issue 48, extract: de-identified extractions, their pages and downloads ---------------------------------------

    /**
     * De-identified extractions: hospital A's researcher has a finished extraction of A's approved project. Every web
     * caller of clinic B — a researcher with an approved project (and an extraction) of their own among them, who also
     * tries A's extraction under their own project's path — and an operator who is not one of A's named users get, for
     * A's extraction's page and its report, exactly what an extraction id nobody has gets; B's callers cannot start an
     * extraction of A's project either (the same answer as for a project nobody has), and no extraction was queued.
     */
    @Test
    void onlyTheNamedUsersSeeAndDownloadAnExtraction() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User theirs = accounts.memberOf(hospital, Profession.DOCTOR);
        User ours = accounts.memberOf(clinic, Profession.DOCTOR);
        long project = researchProject(theirs, "抽出", org.musubi.research.ProjectStatus.APPROVED);
        long ownProject = researchProject(ours, "B の抽出", org.musubi.research.ProjectStatus.APPROVED);
        long extraction = extractionDesk.start(new org.musubi.research.Researcher(theirs.id(), false, true), project);
        long own = extractionDesk.start(new org.musubi.research.Researcher(ours.id(), false, true), ownProject);
        extractionRunner.drain();
        WebSession owner = accounts.signedIn(port, theirs);
        String mine = "/research/" + project + "/extractions/" + extraction;
        assertThat(owner.get(mine).body()).contains("data-state=\"DONE\"");
        assertThat(owner.getBytes(mine + "/files/report.json").statusCode()).isEqualTo(200);
        long nobody = extraction + 1_000_000;
        String none = "/research/" + project + "/extractions/" + nobody;

        List<Object[]> callers = new ArrayList<>();
        callers(clinic).stream().filter(c -> c.web() != null)
                .forEach(c -> callers.add(new Object[] {c.attacker().name(), c.web()}));
        WebSession researcherB = accounts.signedIn(port, ours);
        callers.add(new Object[] {"B's researcher", researcherB});
        callers.add(new Object[] {"an operator not named", accounts.signedIn(port, accounts.networkAdmin())});
        long queued = jdbc.sql("SELECT count(*) FROM research_extraction WHERE project_id = ?").param(project)
                .query(Long.class).single();
        for (Object[] caller : callers) {
            WebSession web = (WebSession) caller[1];
            for (String suffix : List.of("", "/files/report.json", "/files/Patient.ndjson")) {
                HttpResponse<String> answer = web.get(mine + suffix);
                HttpResponse<String> missing = web.get(none + suffix);
                assertThat(answer.statusCode()).as(caller[0] + suffix).isEqualTo(404);
                assertThat(withoutToken(answer.body()).replace(mine, "/X")).as(caller[0] + suffix)
                        .isEqualTo(withoutToken(missing.body()).replace(none, "/X"));
            }
            if (!"an operator not named".equals(caller[0])) {
                HttpResponse<String> start = web.post("/research/" + project + "/extractions");
                HttpResponse<String> startNone = web.post("/research/" + (project + 1_000_000) + "/extractions");
                assertThat(start.statusCode()).as(caller[0] + " start").isEqualTo(startNone.statusCode());
                assertThat(withoutToken(start.body()).replace("/research/" + project, "/research/X"))
                        .isEqualTo(withoutToken(startNone.body()).replace("/research/" + (project + 1_000_000),
                                "/research/X"));
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM research_extraction WHERE project_id = ?").param(project)
                .query(Long.class).single()).isEqualTo(queued);
        String across = "/research/" + ownProject + "/extractions/" + extraction;
        String acrossNone = "/research/" + ownProject + "/extractions/" + nobody;
        HttpResponse<String> crossed = researcherB.get(across + "/files/report.json");
        assertThat(crossed.statusCode()).as("A's extraction under B's project").isEqualTo(404);
        assertThat(withoutToken(crossed.body()).replace(across, "/X"))
                .isEqualTo(withoutToken(researcherB.get(acrossNone + "/files/report.json").body()).replace(acrossNone, "/X"));
        assertThat(researcherB.get("/research/" + ownProject + "/extractions/" + own).statusCode())
                .as("B's own extraction").isEqualTo(200);
    }

    @Autowired
    org.musubi.research.extraction.ExtractionDesk extractionDesk;
    @Autowired
    org.musubi.research.extraction.ExtractionRunner extractionRunner;

    // ---- end of issue 48, extract ---------------------------------------------------------------------------------------

    // ---- issue 48, research-export: a research project's cohort as a Bulk Data export (Group/research-<project>) --------

    /**
     * Hospital A's doctor, named on A's approved project, exports its cohort ({@code Group/research-<project>}, in the
     * doctor's session with the purpose of research) and the export is done. Every caller of clinic B — its systems'
     * tokens and each profession's session —, B's researcher named on an approved project of B's own, A's colleague named
     * on the same project (who did not start it) and an operator who is not named get, for the export's status URL,
     * its Condition file and its cancellation, exactly what a research export id nobody has gets (404, the same body
     * but for the id), audited once each. B's researcher and B's system get for A's project's Group what a Group nobody
     * has gets. A's researcher reaches no raw data through an export: the purpose of research is refused at system and
     * Patient level, and a Group named after a person of the cohort is an unknown Group. Once expired, the export
     * answers its owner as unknown too; before that it was untouched by all of the above.
     */
    @Test
    void onlyTheResearcherWhoStartedAResearchExportReachesItAndNoExportReachesTheRecordForResearch() {
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User theirs = accounts.memberOf(hospital, Profession.DOCTOR);
        User colleague = accounts.memberOf(hospital, Profession.NURSE);
        User ours = accounts.memberOf(clinic, Profession.DOCTOR);
        String town = org.musubi.testing.ResearchPatients.town();
        var writer = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        java.time.LocalDate born = researchDesk.today().minusYears(45);
        long member = 0;
        for (int i = 0; i < 6; i++) {
            member = org.musubi.testing.ResearchPatients.create(clients, jdbc, writer, hospital, "FEMALE",
                    born.minusDays(i), town, "E11.9", new ArrayList<>());
        }
        long project = cohortProject(theirs, colleague, town);
        researchProject(ours, "B の一括出力", org.musubi.research.ProjectStatus.APPROVED);
        WebSession owner = accounts.signedIn(port, theirs);
        HttpResponse<String> kicked = researchKickOff(owner, "Group/research-" + project);
        assertThat(kicked.statusCode()).as(kicked.body()).isEqualTo(202);
        String status = kicked.headers().firstValue("Content-Location").orElseThrow();
        extractionRunner.drain();
        HttpResponse<String> manifest = researchBulkAs(owner, null, "GET", status);
        assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
        String file = org.musubi.fhirapi.export.BulkExports.outputs(manifest.body()).stream()
                .filter(o -> o.type().equals("Condition")).findFirst().orElseThrow().url();
        String id = status.substring(status.lastIndexOf('/') + 1);
        String guessedId = "research-" + (Long.parseLong(id.substring("research-".length())) + 1_000_000);

        List<Armed> callers = new ArrayList<>(callers(clinic));
        callers.add(new Armed(Attacker.user(Profession.DOCTOR), ours.id(), null, accounts.signedIn(port, ours)));
        callers.add(new Armed(Attacker.user(Profession.NURSE), colleague.id(), null, accounts.signedIn(port, colleague)));
        User operator = accounts.networkAdmin();
        callers.add(new Armed(Attacker.user(Profession.DOCTOR), operator.id(), null, accounts.signedIn(port, operator)));
        for (Armed caller : callers) {
            for (String[] attempt : List.<String[]>of(new String[] {"GET", status}, new String[] {"GET", file},
                    new String[] {"DELETE", status})) {
                String what = caller.attacker() + " (user " + caller.userId() + ") " + attempt[0] + " " + attempt[1];
                long before = audit.max();
                HttpResponse<String> real = researchBulkAs(caller.web(), caller.api(), attempt[0], attempt[1]);
                HttpResponse<String> none = researchBulkAs(caller.web(), caller.api(), attempt[0],
                        attempt[1].replace(id, guessedId));
                assertThat(real.statusCode()).as(what).isEqualTo(404);
                assertThat(real.body().replace(id, "X")).as(what).isEqualTo(none.body().replace(guessedId, "X"));
                assertThat(audit.countByUser(before, caller.userId())).as(what + ": audited once each").isEqualTo(2);
            }
        }

        WebSession researcherB = accounts.signedIn(port, ours);
        Armed systemB = callers.getFirst();
        String nobodys = "Group/research-" + (project + 1_000_000);
        for (Armed asker : List.of(new Armed(Attacker.user(Profession.DOCTOR), ours.id(), null, researcherB), systemB)) {
            String mine = "Group/research-" + project;
            long before = audit.max();
            HttpResponse<String> group = asker.api() == null ? researchKickOff(asker.web(), mine)
                    : bulkKickOff(asker.api(), mine + "/$export");
            HttpResponse<String> nobody = asker.api() == null ? researchKickOff(asker.web(), nobodys)
                    : bulkKickOff(asker.api(), nobodys + "/$export");
            assertThat(group.statusCode()).as(asker.attacker() + " on A's project's Group").isEqualTo(404);
            assertThat(group.body().replace("research-" + project, "X")).as(asker.attacker().toString())
                    .isEqualTo(nobody.body().replace(nobodys.substring("Group/".length()), "X"));
            assertThat(audit.countByUser(before, asker.userId())).as("audited once each").isEqualTo(2);
        }

        WebSession raw = accounts.signedIn(port, theirs);
        long before = audit.max();
        assertThat(researchKickOff(raw, "").statusCode()).as("research at system level").isEqualTo(403);
        assertThat(researchKickOff(raw, "Patient").statusCode()).as("research at Patient level").isEqualTo(403);
        HttpResponse<String> person = researchKickOff(raw, "Group/" + member);
        HttpResponse<String> noPerson = researchKickOff(raw, "Group/" + (member + 1_000_000));
        assertThat(person.statusCode()).as("a Group named after a member").isEqualTo(404);
        assertThat(person.body().replace("Group/" + member, "Group/X"))
                .isEqualTo(noPerson.body().replace("Group/" + (member + 1_000_000), "Group/X"));
        assertThat(audit.since(before, theirs.loginId())).hasSize(4).allSatisfy(r -> assertThat(r).contains("DENY"));
        assertThat(jdbc.sql("SELECT count(*) FROM research_extraction WHERE project_id = ?").param(project)
                .query(Long.class).single()).as("nothing more queued").isEqualTo(1);

        assertThat(researchBulkAs(owner, null, "GET", status).statusCode()).as("untouched").isEqualTo(200);
        assertThat(researchBulkAs(owner, null, "GET", file).statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE research_extraction SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(Long.parseLong(id.substring("research-".length()))).update();
        for (String url : List.of(status, file)) {
            HttpResponse<String> expired = researchBulkAs(owner, null, "GET", url);
            assertThat(expired.statusCode()).as("expired: " + url).isEqualTo(404);
            assertThat(expired.body().replace(id, "X")).isEqualTo(researchBulkAs(owner, null, "GET",
                    url.replace(id, guessedId)).body().replace(guessedId, "X"));
        }
    }

    /** An approved project of {@code applicant} naming {@code colleague}: diagnoses of E11 in {@code town}. */
    private long cohortProject(User applicant, User colleague, String town) {
        java.time.LocalDate today = researchDesk.today();
        org.musubi.research.Scope scope = new org.musubi.research.Scope(new org.musubi.research.Criteria(List.of("E11"),
                List.of(), null, null, null, null, town, null, null), List.of("DIAGNOSES"), java.util.Map.of());
        long id = applyForResearch.apply(new org.musubi.research.Researcher(applicant.id(), false, true),
                new org.musubi.research.ApplyForResearch.Form("一括出力 " + town, "大学", "目的", "E-1", "0".repeat(64), 10,
                        today, today.plusMonths(6), scope, List.of(colleague.loginId())));
        decideResearchProject.decide(new org.musubi.research.Researcher(accounts.networkAdmin().id(), true, false), id,
                org.musubi.research.ProjectStatus.APPROVED, null, null);
        return id;
    }

    /** A kick-off at {@code path} ("" for the system level) in a session, declaring the purpose of research. */
    private HttpResponse<String> researchKickOff(WebSession web, String path) {
        return web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base() + "/fhir/"
                        + (path.isEmpty() ? "" : path + "/") + "$export")).GET().header("Accept", "application/fhir+json")
                .header("Prefer", "respond-async").header("X-Purpose-Of-Use", "HRESCH"));
    }

    /** {@code method} on a bulk URL, with the session's cookie or the system's token. */
    private static HttpResponse<String> researchBulkAs(WebSession web, RawApi api, String method, String url) {
        if (api != null) {
            return org.musubi.fhirapi.export.BulkExports.send(method, url, api.token());
        }
        return web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/fhir+json"));
    }

    // ---- end of issue 48, research-export -------------------------------------------------------------------------------
}

package org.musubi.carenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.carenet.enrolment.StageFields;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stroke pathway over HTTP: the acute hospital's doctor enrols a linked patient (the template's version kept) and
 * assigns the recovery stage to a second hospital; fills the acute form, prefilled from the record's NIHSS total, once
 * with faults (shown by item, nothing stored, nothing audited) and then in full — the QuestionnaireResponse, the
 * Observations extracted from it (derivedFrom the response) and their Provenance under the hospital's own patient, one
 * audit row. The recovery hospital sees the stage waiting on its home page and in its list and fills it; a colleague of
 * the acute hospital may not fill the recovery stage; a clinic without a link sees nothing (by URL, by id, in its
 * list). The stage's owner withdraws nothing once completed; a resident sees their progress in the notebook.
 */
@MusubiIntegrationTest
class PathwayIT extends NetworkFixtures {

    static final String NIHSS_TOTAL = "72089-6";

    @Autowired
    IdentityStore identities;
    @Autowired
    PathwayCatalog catalog;
    @Autowired
    org.musubi.phr.Residents residents;

    @Test
    void aStrokePathwayIsEnrolledFilledAcrossTwoHospitalsAndSeenByNoOneElse() {
        Facility acute = accounts.newHospital();
        Facility recovery = accounts.newHospital();
        Facility stranger = accounts.facilityOf(FacilityKind.CLINIC);
        User doctor = accounts.memberOf(acute, Profession.DOCTOR);
        User colleague = accounts.memberOf(acute, Profession.DOCTOR);
        User rehab = accounts.memberOf(recovery, Profession.DOCTOR);
        User outsider = accounts.memberOf(stranger, Profession.DOCTOR);
        String localId = FhirRecords.localId();
        var api = clients.fhirFor(port, acute, "system/*.read", "system/*.write");
        FhirRecords.registerPatient(api, acute, localId, FhirRecords.uniqueKana());
        Observation nihss = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        nihss.getCode().addCoding().setSystem("http://loinc.org").setCode(NIHSS_TOTAL);
        nihss.setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(acute) + "|" + localId));
        nihss.setEffective(new DateTimeType("2026-11-01"));
        nihss.setValue(new Quantity().setValue(7).setUnit("{score}"));
        FhirRecords.create(api, nihss);
        long person = clients.personOf(acute, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, acute.id(), admin);
        consents.grant(person, org.musubi.consent.ConsentScope.ALL_FACILITIES, null,
                java.util.Set.of(org.musubi.audit.Purpose.TREATMENT), admin, acute.id());
        long recoveryPatient = visits(recovery, person);

        WebSession lead = accounts.signedIn(port, doctor);
        String patientPage = lead.get("/portal/patients/" + person).body();
        assertThat(patientPage).contains("id=\"pathway-link\"");
        assertThat(lead.get("/portal/patients/" + person + "/pathways").body()).contains("id=\"pathway-none\"")
                .contains("id=\"pathway-enrol\"");
        long before = audit.max();
        HttpResponse<String> enrolled = lead.post("/portal/patients/" + person + "/pathways", "template", "stroke",
                "assign.recovery", String.valueOf(recovery.id()), "assign.acute", String.valueOf(stranger.id()));
        String location = WebSession.location(enrolled);
        assertThat(location).startsWith("/portal/pathways/").endsWith("?enrolled");
        String id = location.substring("/portal/pathways/".length(), location.indexOf('?'));
        assertThat(audit.rows(before, doctor.loginId())).extracting(r -> r.action() + " " + r.outcome() + " " + r.resourceType())
                .containsExactly("CREATE PERMIT PathwayEnrolment");
        assertThat(jdbc.sql("SELECT template_version FROM pathway_enrolment WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo(catalog.current("stroke").orElseThrow().version());
        assertThat(jdbc.sql("SELECT assigned_facility_id FROM pathway_stage WHERE enrolment_id = ? ORDER BY position")
                .param(UUID.fromString(id)).query((rs, n) -> (Long) rs.getObject(1)).list())
                .as("a clinic is no acute hospital: left open").containsExactly(null, recovery.id(), null);

        String page = lead.get("/portal/pathways/" + id).body();
        assertThat(page).contains("data-stage=\"acute\"").contains(recovery.nameKanji())
                .contains("/portal/pathways/" + id + "/stages/0").doesNotContain("/stages/1\"");

        long reading = audit.max();
        String form = lead.get("/portal/pathways/" + id + "/stages/0").body();
        assertThat(form).contains("name=\"f.nihss-total\"").containsPattern("name=\"f.nihss-total\"[^>]*value=\"7\"");
        List<AuditRows.Row> read = audit.rows(reading, doctor.loginId());
        assertThat(read).extracting(r -> r.action() + " " + r.outcome() + " " + r.resourceType())
                .containsExactly("READ PERMIT QuestionnaireResponse");
        assertThat(read.getFirst().resourceIds()).as("the Observation it prefilled from").hasSize(1);

        var acuteForm = catalog.current("stroke").orElseThrow().stage("acute").orElseThrow().form();
        Map<String, List<String>> fields = StageFields.valid(acuteForm);
        long faulty = audit.max();
        HttpResponse<String> invalid = lead.post("/portal/pathways/" + id + "/stages/0",
                pairs(StageFields.with(fields, "nihss-total", "99")));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("data-item=\"nihss-total\"").contains("value=\"99\"");
        assertThat(audit.rows(faulty, doctor.loginId())).as("nothing read, nothing written").isEmpty();

        long saving = audit.max();
        HttpResponse<String> saved = lead.post("/portal/pathways/" + id + "/stages/0",
                pairs(StageFields.with(fields, "nihss-total", "12")));
        assertThat(WebSession.location(saved)).isEqualTo("/portal/pathways/" + id + "?filled=0");
        List<AuditRows.Row> wrote = audit.rows(saving, doctor.loginId());
        assertThat(wrote).extracting(r -> r.action() + " " + r.outcome() + " " + r.resourceType())
                .containsExactly("CREATE PERMIT QuestionnaireResponse");
        long acutePatient = identities.sourcePatientsOf(person).stream().filter(p -> p.facilityId() == acute.id())
                .findFirst().orElseThrow().id();
        String responseId = jdbc.sql("SELECT response_id FROM pathway_stage WHERE enrolment_id = ? AND position = 0")
                .param(UUID.fromString(id)).query(String.class).single();
        assertThat(jdbc.sql("SELECT type FROM resource WHERE patient_key = ? AND (id = ? OR content::jsonb->'derivedFrom'->0->>'reference' = ?) ORDER BY type")
                .params(acutePatient, responseId, "QuestionnaireResponse/" + responseId).query(String.class).list())
                .as("the response and the mapped values (mRS before and at discharge, NIHSS total)")
                .containsExactly("Observation", "Observation", "Observation", "QuestionnaireResponse");
        assertThat(jdbc.sql("SELECT content::jsonb->>'questionnaire' FROM resource WHERE id = ?").param(responseId)
                .query(String.class).single()).isEqualTo(acuteForm.getUrl() + "|" + acuteForm.getVersion());
        assertThat(wrote.getFirst().resourceIds()).contains("QuestionnaireResponse/" + responseId)
                .anyMatch(r -> r.startsWith("Provenance/"));

        WebSession other = accounts.signedIn(port, colleague);
        assertThat(other.get("/portal/pathways/" + id).body()).as("the colleague sees it, but it is not theirs to fill")
                .doesNotContain("/stages/1\"");
        assertThat(other.get("/portal/pathways/" + id + "/stages/1").statusCode()).isEqualTo(404);

        WebSession second = accounts.signedIn(port, rehab);
        assertThat(second.get("/").body()).contains("id=\"pathway-waiting\"").contains("data-waiting=\"1\"");
        assertThat(second.get("/portal/pathways").body()).contains("data-enrolment=\"" + id + "\"")
                .contains("data-mine=\"true\"");
        assertThat(second.get("/portal/pathways/" + id).body()).contains("/portal/pathways/" + id + "/stages/1");
        var recoveryForm = catalog.current("stroke").orElseThrow().stage("recovery").orElseThrow().form();
        assertThat(WebSession.location(second.post("/portal/pathways/" + id + "/stages/1",
                pairs(StageFields.valid(recoveryForm))))).isEqualTo("/portal/pathways/" + id + "?filled=1");
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE patient_key = ? AND type = 'QuestionnaireResponse'")
                .param(recoveryPatient).query(Long.class).single()).as("under the recovery hospital's own patient")
                .isEqualTo(1);
        assertThat(second.get("/").body()).doesNotContain("id=\"pathway-waiting\"");

        WebSession nobody = accounts.signedIn(port, outsider);
        long probing = audit.max();
        assertThat(nobody.get("/portal/pathways/" + id).statusCode()).isEqualTo(404);
        assertThat(nobody.get("/portal/pathways/" + id + "/stages/2").statusCode()).isEqualTo(404);
        assertThat(nobody.post("/portal/pathways/" + id + "/stages/2", pairs(fields)).statusCode()).isEqualTo(404);
        assertThat(nobody.post("/portal/pathways/" + id + "/withdraw", "confirmed", "yes").statusCode()).isEqualTo(404);
        assertThat(nobody.get("/portal/patients/" + person + "/pathways").statusCode()).isEqualTo(404);
        assertThat(nobody.post("/portal/patients/" + person + "/pathways", "template", "stroke").statusCode())
                .isEqualTo(404);
        assertThat(nobody.get("/portal/pathways/" + UUID.randomUUID()).statusCode()).as("a guessed id").isEqualTo(404);
        assertThat(nobody.get("/portal/pathways").body()).doesNotContain(id);
        assertThat(audit.rows(probing, outsider.loginId())).as("each refusal audited once")
                .extracting(AuditRows.Row::outcome).containsOnly("DENY").hasSize(7);

        org.musubi.phr.Residents.Resident resident = residents.register(person);
        WebSession notebook = residents.logIn(port, resident);
        long own = audit.max();
        String mine = notebook.get("/phr/pathways").body();
        assertThat(mine).contains("data-enrolment=\"" + id + "\"").contains(acute.nameKanji())
                .contains(recovery.nameKanji()).contains("data-filled=\"true\"");
        assertThat(audit.rowsSince(own)).filteredOn(r -> "PathwayEnrolment".equals(r.resourceType()))
                .extracting(r -> r.action() + " " + r.outcome()).containsExactly("READ PERMIT");
    }

    /**
     * Two doctors of the acute hospital fill the same stage and save at the same moment (issue 66: a person editing a
     * care plan that changed meanwhile is told so and loses nothing): one is saved; the other is told who filled it and
     * when, with what they typed still on the page and no save button, and nothing of theirs stored — one response,
     * one filler; one audit row each. Saving again later is told the same.
     */
    @Test
    void twoDoctorsSavingTheSameStageAtOnceOneIsSavedTheOtherToldWithTheirEntriesKept() throws Exception {
        Facility hospital = accounts.newHospital();
        User first = accounts.memberOf(hospital, Profession.DOCTOR);
        User second = accounts.memberOf(hospital, Profession.DOCTOR);
        long person = linkedConsentedPatientAt(hospital);
        WebSession one = accounts.signedIn(port, first);
        WebSession two = accounts.signedIn(port, second);
        String location = WebSession.location(one.post("/portal/patients/" + person + "/pathways", "template", "stroke"));
        String id = location.substring("/portal/pathways/".length(), location.indexOf('?'));
        assertThat(one.get("/portal/pathways/" + id + "/stages/0").statusCode()).isEqualTo(200);
        assertThat(two.get("/portal/pathways/" + id + "/stages/0").statusCode()).isEqualTo(200);
        Map<String, List<String>> fields = StageFields.valid(catalog.current("stroke").orElseThrow().stage("acute")
                .orElseThrow().form());
        long before = audit.max();

        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<HttpResponse<String>> answers;
        try (var both = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = both.submit(() -> {
                go.await();
                return one.post("/portal/pathways/" + id + "/stages/0", pairs(StageFields.with(fields, "nihss-total", "12")));
            });
            var b = both.submit(() -> {
                go.await();
                return two.post("/portal/pathways/" + id + "/stages/0", pairs(StageFields.with(fields, "nihss-total", "31")));
            });
            go.countDown();
            answers = List.of(a.get(), b.get());
        }

        assertThat(answers).extracting(HttpResponse::statusCode).as("one saved (302), one told (409)")
                .containsExactlyInAnyOrder(302, 409);
        int saved = answers.get(0).statusCode() == 302 ? 0 : 1;
        User winner = List.of(first, second).get(saved);
        User loser = List.of(first, second).get(1 - saved);
        String typed = List.of("12", "31").get(1 - saved);
        String told = answers.get(1 - saved).body();
        assertThat(told).as("who filled it, and that theirs was not saved").contains("id=\"filled-meanwhile\"")
                .contains("あなたが保存する前に " + hospital.nameKanji() + " " + winner.nameKanji() + " が ")
                .contains("あなたの入力は保存されていません");
        assertThat(told).as("what they typed, still on the page").containsPattern("name=\"f.nihss-total\"[^>]*value=\"" + typed + "\"");
        assertThat(told).as("nothing to save again").doesNotContain("id=\"stage-save\"");
        assertThat(jdbc.sql("SELECT filled_by FROM pathway_stage WHERE enrolment_id = ? AND position = 0")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(winner.id());
        long patientKey = identities.sourcePatientsOf(person).stream().filter(p -> p.facilityId() == hospital.id())
                .findFirst().orElseThrow().id();
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE patient_key = ? AND type = 'QuestionnaireResponse'")
                .param(patientKey).query(Long.class).single()).as("one response stored, the winner's").isEqualTo(1);
        assertThat(audit.rows(before, winner.loginId())).extracting(r -> r.action() + " " + r.outcome() + " " + r.resourceType())
                .containsExactly("CREATE PERMIT QuestionnaireResponse");
        assertThat(audit.rows(before, loser.loginId())).extracting(r -> r.action() + " " + r.outcome() + " "
                + r.resourceType() + " " + r.reason()).containsExactly("CREATE DENY PathwayEnrolment pathway.form.alreadyFilled");

        HttpResponse<String> again = List.of(one, two).get(1 - saved).post("/portal/pathways/" + id + "/stages/0",
                pairs(StageFields.with(fields, "nihss-total", typed)));
        assertThat(again.statusCode()).as("a later save is told the same").isEqualTo(409);
        assertThat(again.body()).contains("id=\"filled-meanwhile\"");
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE patient_key = ? AND type = 'QuestionnaireResponse'")
                .param(patientKey).query(Long.class).single()).isEqualTo(1);

        WebSession stranger = accounts.signedIn(port, accounts.memberOf(accounts.newHospital(), Profession.DOCTOR));
        HttpResponse<String> outsider = stranger.post("/portal/pathways/" + id + "/stages/0",
                pairs(StageFields.with(fields, "nihss-total", "5")));
        assertThat(outsider.statusCode()).as("a facility without standing learns nothing of it").isEqualTo(404);
        assertThat(outsider.body()).doesNotContain("filled-meanwhile").doesNotContain(hospital.nameKanji());
    }

    @Test
    void aFacilityWithoutStandingMayNotEnrolAndTheLastStageCompletesTheEnrolment() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        long person = linkedConsentedPatientAt(hospital);
        WebSession lead = accounts.signedIn(port, doctor);
        String location = WebSession.location(lead.post("/portal/patients/" + person + "/pathways", "template",
                "dementia"));
        String id = location.substring("/portal/pathways/".length(), location.indexOf('?'));
        var template = catalog.current("dementia").orElseThrow();
        jdbc.sql("UPDATE pathway_stage SET due_on = ? WHERE enrolment_id = ? AND position = 0")
                .params(java.sql.Date.valueOf(LocalDate.now().minusDays(3)), UUID.fromString(id)).update();
        assertThat(lead.get("/portal/pathways/" + id).body()).contains("data-overdue=\"true\"").contains("overdue-mark");
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility care = accounts.facilityOf(FacilityKind.CARE_FACILITY);
        visits(clinic, person);
        visits(care, person);
        for (int position = 0; position < template.stages().size(); position++) {
            Facility filler = List.of(hospital, clinic, care).get(position);
            WebSession session = position == 0 ? lead : accounts.signedIn(port, accounts.memberOf(filler, Profession.DOCTOR));
            var form = template.stages().get(position).form();
            assertThat(WebSession.location(session.post("/portal/pathways/" + id + "/stages/" + position,
                    pairs(StageFields.valid(form))))).as("stage " + position).endsWith("?filled=" + position);
        }
        assertThat(jdbc.sql("SELECT status FROM pathway_enrolment WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo("COMPLETED");
        assertThat(lead.post("/portal/pathways/" + id + "/withdraw", "confirmed", "yes").statusCode())
                .as("only an active one").isEqualTo(404);

        User operatorUser = accounts.networkAdmin();
        WebSession operator = accounts.signedIn(port, operatorUser);
        long stats = audit.max();
        String figures = operator.get("/admin/pathway-statistics").body();
        assertThat(figures).contains("data-template=\"dementia\"").contains("<svg").contains("data-stage=\"diagnosis\"");
        HttpResponse<String> csv = operator.get("/admin/pathway-statistics.csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("pathway,enrolled,active,completed,withdrawn,stage")
                .containsPattern("(?m)^dementia,[1-9][0-9]*,[0-9]+,[1-9][0-9]*,[0-9]+,diagnosis,[1-9]");
        assertThat(audit.rows(stats, operatorUser.loginId())).as("no patient read").isEmpty();
        assertThat(lead.get("/admin/pathway-statistics").statusCode()).as("operators only").isEqualTo(403);

        Facility unlinked = accounts.newHospital();
        WebSession nobody = accounts.signedIn(port, accounts.memberOf(unlinked, Profession.DOCTOR));
        assertThat(nobody.post("/portal/patients/" + person + "/pathways", "template", "stroke").statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM pathway_enrolment WHERE person_id = ?").param(person)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** The person comes to {@code facility} with the card: registered there and linked (standing); the patient's key. */
    /**
     * Issue 67: withdrawing an enrolment asks once. One click withdraws nothing and comes back to the enrolment's page
     * with the question open (the pathway named, what withdrawing means); only the POST with {@code confirmed=yes}
     * withdraws it.
     */
    @Test
    void withdrawingAnEnrolmentAsksOnceAndOnlyTheConfirmationWithdrawsIt() {
        Facility acute = accounts.newHospital();
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(clients.fhirFor(port, acute, "system/*.read", "system/*.write"), acute, localId,
                FhirRecords.uniqueKana());
        long person = clients.personOf(acute, localId);
        long admin = accounts.networkAdmin().id();
        consents.link(person, acute.id(), admin);
        consents.grant(person, org.musubi.consent.ConsentScope.ALL_FACILITIES, null,
                java.util.Set.of(org.musubi.audit.Purpose.TREATMENT), admin, acute.id());
        WebSession lead = accounts.signedIn(port, accounts.memberOf(acute, Profession.DOCTOR));
        lead.get("/portal/patients/" + person + "/pathways");
        String location = WebSession.location(lead.post("/portal/patients/" + person + "/pathways", "template", "stroke"));
        String path = location.substring(0, location.indexOf('?'));
        UUID id = UUID.fromString(path.substring("/portal/pathways/".length()));

        assertThat(WebSession.location(lead.post(path + "/withdraw"))).isEqualTo(path + "?confirm");
        assertThat(jdbc.sql("SELECT status FROM pathway_enrolment WHERE id = ?").param(id).query(String.class).single())
                .as("not withdrawn without the confirmation").isEqualTo("ACTIVE");
        assertThat(lead.get(path + "?confirm").body())
                .contains("<details class=\"confirm\" id=\"pathway-withdraw\" open=\"open\">")
                .contains("この患者の「脳卒中地域連携パス」を中止します。中止すると、まだ記入されていない段階はどの施設も記入できなくなります。記入済みの記録は残ります。");

        assertThat(WebSession.location(lead.post(path + "/withdraw", "confirmed", "yes"))).isEqualTo(path + "?withdrawn");
        assertThat(jdbc.sql("SELECT status FROM pathway_enrolment WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("WITHDRAWN");
    }

    private long visits(Facility facility, long person) {
        SourcePatient own = identities.receive(new SourcePatient(0, facility.id(), FhirRecords.localId(), "連携",
                "花子", "レンケイ", "ハナコ", Sex.FEMALE, FhirRecords.uniqueBirthDate(), null, null, null));
        long admin = accounts.networkAdmin().id();
        identities.link(own.id(), person, LinkMethod.OPERATOR, admin, "test");
        consents.link(person, facility.id(), admin);
        return own.id();
    }

    private static String[] pairs(Map<String, List<String>> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, values) -> values.forEach(v -> {
            pairs.add(name);
            pairs.add(v);
        }));
        return pairs.toArray(String[]::new);
    }
}

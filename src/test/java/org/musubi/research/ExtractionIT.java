package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musubi.deid.DeidPipeline;
import org.musubi.deid.KAnonymity;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.research.extraction.ExtractionRunner;
import org.musubi.research.extraction.ExtractionSweep;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.ResearchPatients;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 48's de-identified extraction over HTTP: a doctor applies, the committee approves, an operator opts a person
 * out at the counter after the approval; the doctor starts an extraction, the job runs it (the test waits for it through
 * the job's lock, no sleep), and the NDJSON files downloaded are parsed: no name, address line, postcode, phone,
 * identifier (facility patient ID, insured-person or card number) or exact birth date; each person's dates moved by one
 * shift; k recomputed here over the output Patients' quasi-identifiers is at least the threshold; the opted-out person is
 * absent; one audit row for the extraction and one per download. Who is not a named user, a guessed id and an expired
 * extraction answer 404 like nothing; the sweep then deletes the expired files.
 */
@MusubiIntegrationTest
class ExtractionIT extends NetworkFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PHONE = ResearchPatients.PHONE;

    @Autowired
    ExtractionRunner runner;
    @Autowired
    ExtractionSweep sweep;

    @Test
    void extractedDeidentifiedKAnonymousWithoutTheOptedOutAndOnlyForTheNamedUsers() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        User colleague = accounts.memberOf(hospital, Profession.NURSE);
        User stranger = accounts.memberOf(hospital, Profession.DOCTOR);
        User operator = accounts.networkAdmin();
        String town = town();
        LocalDate today = LocalDate.now(ResearchDesk.ZONE);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        List<String> secrets = new ArrayList<>();
        List<LocalDate> births = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            births.add(today.minusYears(50).minusDays(3 * i + 1));
            patient(fhir, hospital, "MALE", births.getLast(), town, "E11.9", secrets);
        }
        births.add(today.minusYears(88).minusDays(40));
        patient(fhir, hospital, "FEMALE", births.getLast(), town, "E11.65", secrets);
        long optedOut = patient(fhir, hospital, "MALE", today.minusYears(50).minusDays(100), town, "E11.8", secrets);

        WebSession researcher = accounts.signedIn(port, doctor);
        Map<String, String> form = application("糖尿病の経過 " + town, "2 型糖尿病の検査値の推移", town, today);
        form.put("users", colleague.loginId());
        HttpResponse<String> applied = ResearchForms.apply(researcher, form, ResearchForms.PDF);
        long id = Long.parseLong(WebSession.location(applied).replaceAll(".*/research/", ""));
        assertThat(researcher.post("/research/" + id + "/extractions").statusCode()).as("not approved yet")
                .isEqualTo(404);
        WebSession committee = accounts.signedIn(port, operator);
        assertThat(committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "APPROVED", "reason", "")
                .statusCode()).isEqualTo(302);
        // opted out after the approval, before the extraction
        committee.post("/admin/persons/" + optedOut + "/research-opt-out", "optOut", "true");
        long before = audit.max();

        HttpResponse<String> started = researcher.post("/research/" + id + "/extractions");
        assertThat(started.statusCode()).isEqualTo(302);
        String page = WebSession.location(started).replaceAll("^https?://[^/]+", "");
        long extraction = Long.parseLong(page.replaceAll(".*/extractions/", ""));
        runner.drain();
        HttpResponse<String> done = researcher.get(page);
        assertThat(done.body()).contains("data-state=\"DONE\"", "data-file=\"Condition.ndjson\"",
                "data-file=\"Observation.ndjson\"", "data-file=\"Patient.ndjson\"", "data-file=\"report.json\"");

        String files = "/research/" + id + "/extractions/" + extraction + "/files/";
        List<JsonNode> patients = ndjson(researcher, files + "Patient.ndjson");
        List<JsonNode> conditions = ndjson(researcher, files + "Condition.ndjson");
        List<JsonNode> observations = ndjson(researcher, files + "Observation.ndjson");
        JsonNode report = JSON.readTree(researcher.get(files + "report.json").body());
        String all = String.join("\n", researcher.get(files + "Patient.ndjson").body(),
                researcher.get(files + "Condition.ndjson").body(), researcher.get(files + "Observation.ndjson").body());

        // nothing that identifies
        assertThat(all).doesNotContain("\"name\"", "\"identifier\"", "\"telecom\"", "\"line\"", "\"postalCode\"",
                "\"birthDate\"", "\"note\"", PHONE, "本町", "7300011", "person-", "urn:oid:1.2.392.100495.20.3.51");
        assertThat(secrets).allSatisfy(secret -> assertThat(all).doesNotContain(secret));
        assertThat(births).allSatisfy(born -> assertThat(all).doesNotContain(born.toString()));

        // the opted-out person is absent: not selected, their only diagnosis code nowhere
        assertThat(report.path("cohort").path("selected").asInt()).isEqualTo(12);
        assertThat(all).doesNotContain("E11.8\"");
        long suppressed = report.path("kAnonymity").path("suppressedPersons").asLong();
        assertThat(patients).hasSize((int) (12 - suppressed));

        // k recomputed over the output's quasi-identifiers
        int threshold = report.path("kAnonymity").path("threshold").asInt();
        assertThat(threshold).isGreaterThanOrEqualTo(5);
        List<List<String>> tuples = patients.stream().map(ExtractionIT::quasiIdentifiers).toList();
        assertThat(tuples).allSatisfy(t -> assertThat(t).hasSize(4));
        assertThat(KAnonymity.k(tuples)).isGreaterThanOrEqualTo(threshold)
                .isEqualTo(report.path("kAnonymity").path("achieved").asInt());
        assertThat(new java.util.HashSet<>(tuples).size()).as("recomputed by hand too")
                .isLessThanOrEqualTo(tuples.size() / threshold);

        // every resource points to its person's Patient; each person's dates moved by one shift
        Map<String, Long> conditionShift = new HashMap<>();
        for (JsonNode c : conditions) {
            String subject = c.path("subject").path("reference").asString();
            assertThat(patients).anySatisfy(p -> assertThat("Patient/" + p.path("id").asString()).isEqualTo(subject));
            conditionShift.put(subject, shift(today.minusDays(30) + "T12:00:00+09:00",
                    c.path("onsetDateTime").asString()));
        }
        assertThat(conditionShift).hasSize(patients.size());
        for (JsonNode o : observations) {
            String subject = o.path("subject").path("reference").asString();
            long shift = shift(today.minusDays(10) + "T09:00:00+09:00", o.path("effectiveDateTime").asString());
            assertThat(shift).as("the same shift as the person's Condition").isEqualTo(conditionShift.get(subject));
            assertThat(Math.abs(shift)).isBetween(1L, 30L);
        }
        assertThat(observations).hasSize(patients.size());
        assertThat(conditionShift.values().stream().distinct().count()).as("shifts differ between persons")
                .isGreaterThan(1);

        // exactly one audit row for the extraction, one per download
        List<AuditRows.Row> rows = audit.rows(before, doctor.loginId());
        assertThat(rows).filteredOn(r -> "ResearchProject".equals(r.resourceType()) && "EXPORT".equals(r.action()))
                .singleElement().satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo("PERMIT");
                    assertThat(r.purpose()).isEqualTo("RESEARCH");
                    assertThat(r.resourceIds()).containsExactly(String.valueOf(id));
                    assertThat(r.reason()).contains("policy.permit.deidentifiedRelease", "extraction " + extraction);
                    assertThat(r.patientId()).isNull();
                });
        assertThat(rows).filteredOn(r -> "ResearchExtraction".equals(r.resourceType()) && "EXPORT".equals(r.action()))
                .extracting(r -> r.outcome() + " " + r.reason().replaceAll(" \\(.*", ""))
                .containsExactly("PERMIT Patient.ndjson", "PERMIT Condition.ndjson", "PERMIT Observation.ndjson",
                        "PERMIT report.json", "PERMIT Patient.ndjson", "PERMIT Condition.ndjson",
                        "PERMIT Observation.ndjson");

        // the named colleague downloads; no one else, nothing guessed
        assertThat(accounts.signedIn(port, colleague).getBytes(files + "report.json").statusCode()).isEqualTo(200);
        WebSession outsider = accounts.signedIn(port, stranger);
        int missing = outsider.get("/research/" + id + "/extractions/" + (extraction + 100000)).statusCode();
        assertThat(missing).isEqualTo(404);
        for (WebSession other : List.of(outsider, committee)) {
            assertThat(other.get(page).statusCode()).isEqualTo(404);
            assertThat(other.getBytes(files + "Patient.ndjson").statusCode()).isEqualTo(404);
        }
        assertThat(committee.get("/research/" + id).body()).as("the committee sees it listed")
                .contains("data-extraction=\"" + extraction + "\"");
        assertThat(outsider.post("/research/" + id + "/extractions").statusCode()).isEqualTo(404);
        assertThat(researcher.getBytes(files + "Encounter.ndjson").statusCode()).isEqualTo(404);
        assertThat(researcher.getBytes("/research/" + (id + 100000) + "/extractions/" + extraction
                + "/files/report.json").statusCode()).isEqualTo(404);

        // expired: answered like nothing, then the sweep deletes the files
        jdbc.sql("UPDATE research_extraction SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(extraction).update();
        assertThat(researcher.getBytes(files + "Patient.ndjson").statusCode()).isEqualTo(404);
        assertThat(researcher.get(page).statusCode()).isEqualTo(404);
        sweep.sweep();
        assertThat(jdbc.sql("SELECT files_deleted_at IS NOT NULL FROM research_extraction WHERE id = ?")
                .param(extraction).query(Boolean.class).single()).isTrue();
    }

    /**
     * The committee sets the project's own de-identification rules with its approval (here: onset dates generalised to
     * the month, and k = 6): a configuration it cannot read, or a k below the network's minimum, refuses the decision
     * and says why; the extraction then follows the project's rules and k, and keeps of each category only the fields
     * the project was approved for.
     */
    @Test
    void aProjectsOwnRulesKAndApprovedFieldsShapeItsExtraction() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        String town = town();
        LocalDate today = LocalDate.now(ResearchDesk.ZONE);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            patient(fhir, hospital, "FEMALE", today.minusYears(60).minusDays(5 * i + 1), town, "E11.9", secrets);
        }
        WebSession researcher = accounts.signedIn(port, doctor);
        Map<String, String> form = application("発症月の研究 " + town, "発症の時期", town, today);
        form.put("fields.DIAGNOSES", "code, onsetDateTime");
        long id = Long.parseLong(WebSession.location(ResearchForms.apply(researcher, form, ResearchForms.PDF))
                .replaceAll(".*/research/", ""));
        User operator = accounts.networkAdmin();
        WebSession committee = accounts.signedIn(port, operator);
        String shown = committee.get("/research/" + id).body();
        assertThat(shown).as("the form offers the network's default to edit").contains("id=\"research-deid-config\"",
                "dateShiftRange");
        String ownRules = org.musubi.deid.DeidConfig.defaultJson().replace("\"k\": 5", "\"k\": 6").replace("\"rules\": [",
                "\"rules\": [\n    { \"path\": \"Condition.onsetDateTime\", \"method\": \"generalize\", \"to\": \"year-month\" },");
        assertThat(ownRules).contains("\"k\": 6", "year-month");

        long before = audit.max();
        HttpResponse<String> unreadable = committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "APPROVED",
                "reason", "", "deid", ownRules.replace("\"redact\"", "\"shred\""));
        assertThat(WebSession.location(unreadable)).endsWith("refused=research.refused.deid");
        assertThat(committee.get(WebSession.location(unreadable).replaceAll("^https?://[^/]+", "")).body())
                .as("the fault named, the text kept as typed").contains("id=\"research-refused-detail\"", "shred")
                .contains("data-key=\"research.refused.deid\"");
        HttpResponse<String> weak = committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "APPROVED",
                "reason", "", "deid", ownRules.replace("\"k\": 6", "\"k\": 2"));
        assertThat(WebSession.location(weak)).endsWith("refused=research.refused.deidK");
        assertThat(jdbc.sql("SELECT status FROM research_project WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("APPLIED");
        assertThat(audit.rows(before, operator.loginId())).filteredOn(r -> "DENY".equals(r.outcome())
                && "ResearchProject".equals(r.resourceType())).extracting(AuditRows.Row::reason)
                .anySatisfy(r -> assertThat(r).contains("research.refused.deid: ", "shred"))
                .anySatisfy(r -> assertThat(r).contains("research.refused.deidK"));

        assertThat(committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "APPROVED", "reason", "", "deid",
                ownRules).statusCode()).isEqualTo(302);
        assertThat(researcher.get("/research/" + id).body()).contains("data-own=\"true\"", "data-k=\"6\"");
        String page = WebSession.location(researcher.post("/research/" + id + "/extractions"))
                .replaceAll("^https?://[^/]+", "");
        long extraction = Long.parseLong(page.replaceAll(".*/extractions/", ""));
        runner.drain();
        assertThat(researcher.get(page).body()).contains("data-state=\"DONE\"");
        String files = "/research/" + id + "/extractions/" + extraction + "/files/";
        List<JsonNode> patients = ndjson(researcher, files + "Patient.ndjson");
        List<JsonNode> conditions = ndjson(researcher, files + "Condition.ndjson");
        JsonNode report = JSON.readTree(researcher.get(files + "report.json").body());

        assertThat(report.path("kAnonymity").path("threshold").asInt()).isEqualTo(6);
        List<List<String>> tuples = patients.stream().map(ExtractionIT::quasiIdentifiers).toList();
        assertThat(KAnonymity.k(tuples)).isGreaterThanOrEqualTo(6);
        assertThat(conditions).hasSize(patients.size()).allSatisfy(c -> {
            List<String> names = new ArrayList<>(c.propertyNames());
            names.removeAll(DeidPipeline.ALWAYS_KEPT);
            assertThat(names).as("only the approved fields, and what every resource keeps")
                    .containsExactlyInAnyOrder("code", "onsetDateTime");
            assertThat(c.path("onsetDateTime").asString()).as("the project's rule: the month only")
                    .matches("\\d{4}-\\d{2}");
        });
        assertThat(report.path("removed").path("byKind").path("not approved: Condition.note").asInt())
                .isEqualTo(conditions.size());
        assertThat(report.path("rules").asString()).contains("project's own");
        assertThat(report.path("fieldsKept").path("DIAGNOSES").toString()).contains("code", "onsetDateTime");
        String all = researcher.get(files + "Condition.ndjson").body() + researcher.get(files + "Patient.ndjson").body();
        assertThat(secrets).allSatisfy(secret -> assertThat(all).doesNotContain(secret));
        assertThat(ndjson(researcher, files + "Observation.ndjson")).as("no list for lab results: the rules decide")
                .allSatisfy(o -> assertThat(o.has("valueQuantity")).isTrue());
    }

    /** An application for type 2 diabetes (E11) in {@code town}, with diagnoses and lab results, for a year. */
    static Map<String, String> application(String title, String purpose, String town, LocalDate today) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("institution", "広島テスト大学");
        form.put("purpose", purpose);
        form.put("ethicsNumber", "E-2026-148");
        form.put("periodFrom", today.minusDays(1).toString());
        form.put("periodTo", today.plusYears(1).toString());
        form.put("diagnoses", "E11");
        form.put("municipality", town);
        form.put("categories", "DIAGNOSES");
        form.put("categories#2", "LAB_RESULTS");
        return form;
    }

    private long patient(IGenericClient fhir, Facility hospital, String sex, LocalDate born, String town, String icd10,
                         List<String> secrets) {
        return ResearchPatients.create(clients, jdbc, fhir, hospital, sex, born, town, icd10, secrets);
    }

    static String town() {
        return ResearchPatients.town();
    }

    private static List<JsonNode> ndjson(WebSession web, String path) {
        HttpResponse<byte[]> got = web.getBytes(path);
        assertThat(got.statusCode()).as(path).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        return new String(got.body(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .map(JSON::readTree).toList();
    }

    static List<String> quasiIdentifiers(JsonNode patient) {
        for (JsonNode e : patient.path("extension")) {
            if (DeidPipeline.QI_EXTENSION.equals(e.path("url").asString())) {
                List<String> values = new ArrayList<>();
                e.path("extension").forEach(part -> values.add(part.path("valueString").asString()));
                return values;
            }
        }
        return List.of();
    }

    private static long shift(String original, String shifted) {
        return ChronoUnit.DAYS.between(OffsetDateTime.parse(original).toLocalDate(),
                OffsetDateTime.parse(shifted).toLocalDate());
    }
}
